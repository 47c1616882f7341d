/** @module `pypi-token conformance interop`: the interop matrix on the command line (src/interop/). */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AdapterConfigError, loadAdapterConfig, unmetRequirement } from '../../harness/reports/matrix.js'
import { ExplanationsLoadError, loadExplanations } from '../../interop/explanations.js'
import { interopText, writeInteropReports } from '../../interop/report.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { withFastCheck } from './optional-peer.js'

export const INTEROP_USAGE = `pypi-token conformance interop [--adapters FILE] [--explanations FILE] [--runs N] [--seed S] [--out DIR] [--timeout MS]
  Tokens across implementations: every chain minter -> restricter (or none) -> verifier over the
  adapters of adapters/adapters.json that can run here and support each operation, on the same
  generated cases (the token as the index issues it, the holder's restrictions, a request).
  Each step is judged against the spec for its own input; each deviation is looked up in
  --explanations (default adapters/interop.json) and shrunk to a minimal chain. Prints the
  matrix and writes interop.json / interop.md / interop.html to --out (default reports/interop).
  --runs cases (default 100), --seed (default 1). Exit status 0 when every adapter started and
  every deviation is explained; 1 otherwise.`

function whole(value: string | undefined, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback
  if (!/^-?[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) throw new UsageError(`conformance: ${option} must be a whole number of at least ${min}, not ${JSON.stringify(value)}`)
  return Number(value)
}

export async function interopCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values } = parse('conformance', argv, { adapters: { type: 'string' }, explanations: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, timeout: { type: 'string' } }, 0)
  const { runInterop } = await withFastCheck('interop', () => import('../../interop/interop.js'))
  const runs = whole(values.runs, '--runs', 100, 1)
  const seed = whole(values.seed, '--seed', 1, -0x80000000)
  const timeoutMs = whole(values.timeout, '--timeout', 10_000, 1)
  const explanationsPath = values.explanations ?? join('adapters', 'interop.json')
  let entries, explanations
  try {
    entries = loadAdapterConfig(values.adapters ?? join('adapters', 'adapters.json'))
    explanations = values.explanations === undefined && !existsSync(explanationsPath) ? [] : loadExplanations(explanationsPath)
  } catch (err) {
    if (err instanceof AdapterConfigError || err instanceof ExplanationsLoadError) throw new UsageError(`conformance: ${err.message}`)
    throw err
  }
  const adapters = entries.filter((entry) => {
    const unmet = unmetRequirement(entry, io.env)
    if (unmet !== null) io.err(`${entry.name}: skipped: ${unmet}\n`)
    return unmet === null
  })
  io.err(`interop: ${adapters.map((a) => a.name).join(', ')}; ${runs} cases, seed ${seed}\n`)
  const results = await runInterop({ adapters, runs, seed, timeoutMs, explanations, log: (line) => io.err(`interop: ${line}\n`), onStderr: (name, line) => io.err(`[${name}] ${line}\n`) })
  const written = writeInteropReports(results, values.out ?? join('reports', 'interop'))
  io.out(`${interopText(results)}\n`)
  io.err(`reports: ${written.join(', ')}\n`)
  return results.passed ? EXIT.OK : EXIT.INVALID
}
