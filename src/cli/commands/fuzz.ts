/** @module `pypi-token conformance fuzz`: differential fuzzing on the command line. */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { XfailEntry } from '../../generated/types.js'
import type { FuzzReport } from '../../fuzz/fuzz.js'
import { loadXfailFile, XfailLoadError } from '../../harness/judging/xfail.js'
import { AdapterStartError } from '../../harness/process/adapter-process.js'
import { AdapterConfigError, loadAdapterConfig, type AdapterEntry } from '../../harness/reports/matrix.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { withFastCheck } from './optional-peer.js'

export const FUZZ_USAGE = `pypi-token conformance fuzz --adapter A --adapter B... [--runs N] [--seed S] [--shard K/M] [--out DIR] [--json FILE] [--timeout MS] [--adapters FILE]
  --adapter is repeatable, and needs two or more: each names one more implementation compared.
  Differential fuzzing: sends the same generated requests to every adapter. An adapter is a
  command line, or the name of an entry of adapters/adapters.json (reference, pypitoken,
  warehouse), whose xfail file then lists its known deviations. Where an adapter's answer differs
  from the reference's, a known deviation (a class its xfail file lists, or a behaviour the spec
  allows) explains it, and it is only counted; every new kind of disagreement is shrunk with
  fast-check and written as a candidate vector file to --out (default vectors/candidates).
  --shard K/M runs the K-th of M shards of the run (its own seed, 1/M of the runs), so that
  machines can split a long run. Needs fast-check (npm install fast-check@4). Exit status 0 when
  the adapters agree up to known deviations, 1 on a new disagreement or when one cannot start, 2
  on bad usage.`

interface Resolved {
  readonly command: string
  readonly deviations: readonly XfailEntry[] | null
}

/** An adapter argument: a name from adapters.json, or a command (with the xfail of an entry with that command). */
function resolve(arg: string, entries: readonly AdapterEntry[]): Resolved {
  const entry = entries.find((e) => e.name === arg) ?? entries.find((e) => e.command === arg)
  const command = entry?.command ?? arg
  if (entry?.xfail === undefined || !existsSync(entry.xfail)) return { command, deviations: null }
  try {
    return { command, deviations: loadXfailFile(entry.xfail).entries }
  } catch (err) {
    if (err instanceof XfailLoadError) throw new UsageError(`conformance: ${err.message}`)
    throw err
  }
}

function shardOption(value: string | undefined): { index: number; count: number } {
  if (value === undefined) return { index: 0, count: 1 }
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(value)
  if (m === null || Number(m[1]) > Number(m[2])) throw new UsageError(`conformance: --shard must be K/M with 1 <= K <= M, not ${JSON.stringify(value)}`)
  return { index: Number(m[1]) - 1, count: Number(m[2]) }
}

function positive(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`conformance: ${option} must be a positive whole number, not ${JSON.stringify(value)}`)
  return Number(value)
}

/** What a run found, in lines: the agreement, each explained class, the new disagreements. */
export function fuzzSummary(report: FuzzReport, seed: number): string {
  const names = report.implementations.map((i) => `${i.name} ${i.version}`).join(' vs ')
  const lines = [`${names}: ${report.runs} inputs (${report.ops.join(', ')}), seed ${seed}: ${report.agreed} agreed, ${report.explainedInputs} differed only in known ways:`]
  for (const e of report.explained) lines.push(`  ${e.adapter}: ${e.flag} ${e.count}`)
  const n = report.disagreements.length
  lines.push(`${n} new disagreement${n === 1 ? '' : 's'}${n === 0 ? '' : `: ${report.disagreements.map((d) => d.file ?? d.hash).join(', ')}`}`)
  return lines.join('\n') + '\n'
}

export async function fuzzCommand(io: Io, argv: readonly string[], withSigint: <T>(work: () => Promise<T>) => Promise<T>): Promise<number> {
  const { values } = parse(
    'conformance',
    argv,
    {
      adapter: { type: 'string', multiple: true },
      adapters: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      shard: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      timeout: { type: 'string' },
    },
    0,
  )
  const args = values.adapter ?? []
  if (args.length < 2) throw new UsageError('conformance: fuzz needs at least two --adapter options')
  if (values.seed !== undefined && !/^-?[0-9]+$/.test(values.seed)) throw new UsageError(`conformance: --seed must be a whole number, not ${JSON.stringify(values.seed)}`)
  const configPath = values.adapters ?? join('adapters', 'adapters.json')
  let entries: AdapterEntry[] = []
  try {
    if (values.adapters !== undefined || existsSync(configPath)) entries = loadAdapterConfig(configPath)
  } catch (err) {
    if (err instanceof AdapterConfigError) throw new UsageError(`conformance: ${err.message}`)
    throw err
  }
  const adapters = args.map((a) => resolve(a, entries))
  const { fuzz, shard } = await withFastCheck('fuzz', () => import('../../fuzz/fuzz.js'))
  const { index, count } = shardOption(values.shard)
  const part = shard(values.seed === undefined ? Date.now() % 0x7fffffff : Number(values.seed) | 0, positive(values.runs, '--runs', 1000), index, count)
  const timeoutMs = positive(values.timeout, '--timeout', 10_000)
  io.err(`fuzzing ${adapters.length} adapters, ${part.runs} runs, seed ${part.seed}${count > 1 ? ` (shard ${index + 1}/${count})` : ''}\n`)
  let report: FuzzReport
  try {
    report = await withSigint(() =>
      fuzz({
        adapters: adapters.map((a) => a.command),
        deviations: adapters.map((a) => a.deviations),
        runs: part.runs,
        seed: part.seed,
        timeoutMs,
        outDir: values.out ?? join('vectors', 'candidates'),
        log: (line) => io.out(`${line}\n`),
        onStderr: (i, line) => io.err(`[adapter ${i + 1}] ${line}\n`),
      }),
    )
  } catch (err) {
    if (!(err instanceof AdapterStartError)) throw err
    io.err(`pypi-token conformance: fuzz: ${err.message}\n`)
    return EXIT.INVALID
  }
  io.out(fuzzSummary(report, part.seed))
  if (values.json !== undefined) {
    const { implementations, runs, ops, agreed, explainedInputs, explained, disagreements } = report
    const json = { seed: part.seed, shard: `${index + 1}/${count}`, implementations, runs, ops, agreed, explainedInputs, explained, disagreements: disagreements.map((d) => ({ hash: d.hash, class: d.class, seed: d.seed, path: d.path, file: d.file })) }
    writeFileSync(values.json, JSON.stringify(json, null, 2) + '\n')
  }
  return report.disagreements.length > 0 ? EXIT.INVALID : EXIT.OK
}
