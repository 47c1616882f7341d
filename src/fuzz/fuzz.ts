/**
 * @module Differential fuzzing: the same generated request goes to every adapter; any difference
 * in their answers is a disagreement, which fast-check shrinks (fc.asyncProperty) to a small input.
 *
 * To find several distinct disagreements within one budget of runs, fc.check is run repeatedly
 * with seeds derived from the given seed; each time a disagreement is found, its class (op and
 * each adapter's coarse answer) becomes known, and known classes count as agreement from then on,
 * so later checks (and the shrinker) look for new ones. Each disagreement is written as a
 * candidate vector file.
 */
import fc from 'fast-check'
import { AdapterProcess, AdapterStartError, type Answer } from '../harness/process/adapter-process.js'
import { caseHash, writeCandidate, type Disagreement, type FuzzAnswer } from './candidate.js'
import { fuzzCaseArb, fuzzRequest, type FuzzCase } from './cases.js'
import { agree, disagreementClass, normalize, type Normalized } from './compare.js'

export interface FuzzOptions {
  /** Adapter commands (at least two). */
  readonly adapters: readonly string[]
  /** Budget of generated inputs (shrinking runs not counted). Default 1000. */
  readonly runs?: number
  /** Base seed; each fc.check uses a seed derived from it. Default 0. */
  readonly seed?: number
  /** Where candidate vector files go; null writes none. Default `vectors/candidates`. */
  readonly outDir?: string | null
  /** Stop after this many distinct disagreements. Default 20. */
  readonly maxDisagreements?: number
  readonly timeoutMs?: number
  readonly cwd?: string
  readonly onStderr?: (adapter: number, line: string) => void
  /** Progress and findings, one line at a time. */
  readonly log?: (line: string) => void
}

export interface FuzzReport {
  readonly implementations: readonly { readonly adapter: string; readonly name: string; readonly version: string }[]
  /** Generated inputs tried (without shrinking). */
  readonly runs: number
  readonly disagreements: readonly (Disagreement & { readonly file: string | null })[]
}

/** The seed of the i-th fc.check of a fuzz run. */
export const deriveSeed = (seed: number, i: number): number => (seed + Math.imul(i, 0x9e3779b1)) | 0

/** Runs differential fuzzing between the adapters. Rejects with AdapterStartError when one cannot start. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  if (options.adapters.length < 2) throw new Error('differential fuzzing needs at least two adapters')
  const log = options.log ?? (() => {})
  const procs: AdapterProcess[] = []
  try {
    for (const [i, command] of options.adapters.entries()) {
      const onStderr = options.onStderr === undefined ? {} : { onStderr: (line: string) => options.onStderr?.(i, line) }
      const cwd = options.cwd === undefined ? {} : { cwd: options.cwd }
      procs.push(await AdapterProcess.start({ command, timeoutMs: options.timeoutMs ?? 10_000, ...onStderr, ...cwd }))
    }
    return await search(procs, options, log)
  } finally {
    await Promise.all(procs.map((p) => p.close()))
  }
}

async function search(procs: AdapterProcess[], options: FuzzOptions, log: (line: string) => void): Promise<FuzzReport> {
  const implementations = procs.map((p, i) => ({ adapter: options.adapters[i] as string, ...p.hello.implementation }))
  const ask = async (c: FuzzCase) => {
    const answers = await Promise.all(procs.map((p) => (p.supports(c.op) ? p.request(fuzzRequest(c)) : Promise.resolve(null))))
    const normalized: (Normalized | null)[] = answers.map((a) => (a === null ? null : normalizeSafely(c, a)))
    return { answers, normalized }
  }
  const known = new Set<string>()
  const found: (Disagreement & { file: string | null })[] = []
  const budget = options.runs ?? 1000
  const max = options.maxDisagreements ?? 20
  const outDir = options.outDir === undefined ? 'vectors/candidates' : options.outDir
  let used = 0
  for (let i = 0; used < budget && found.length < max; i++) {
    const seed = deriveSeed(options.seed ?? 0, i)
    const property = fc.asyncProperty(fuzzCaseArb, async (c) => {
      const { normalized } = await ask(c)
      return agree(normalized) || known.has(disagreementClass(c.op, normalized))
    })
    const details = await fc.check(property, { seed, numRuns: budget - used, endOnFailure: false })
    used += details.numRuns
    if (!details.failed || details.counterexample === null) break
    const [input] = details.counterexample
    const { answers, normalized } = await ask(input)
    const cls = disagreementClass(input.op, normalized)
    known.add(cls)
    if (agree(normalized)) {
      log(`seed ${seed}: the adapters disagreed once but agree on the replay (an adapter keeps state?); skipped`)
      continue
    }
    const parts: FuzzAnswer[] = []
    answers.forEach((answer, k) => {
      const n = normalized[k]
      const impl = implementations[k] as (typeof implementations)[number]
      if (answer !== null && n !== null && n !== undefined) parts.push({ adapter: impl.adapter, implementation: { name: impl.name, version: impl.version }, answer, display: n.display })
    })
    const d: Disagreement = { hash: caseHash(input), seed, path: details.counterexamplePath ?? '', numShrinks: details.numShrinks, input, answers: parts, class: cls }
    if (found.some((f) => f.hash === d.hash)) continue
    const file = outDir === null ? null : writeCandidate(outDir, d, commandLine(options, seed))
    found.push({ ...d, file })
    log(`disagreement ${found.length} (${cls}), seed ${seed} path ${d.path}, ${d.numShrinks} shrinks${file === null ? '' : ` -> ${file}`}`)
    for (const p of parts) log(`  ${p.implementation.name}: ${p.display}`)
  }
  return { implementations, runs: used, disagreements: found }
}

/** normalize, failing closed: an answer the harness cannot read is an answer of its own. */
function normalizeSafely(c: FuzzCase, a: Answer): Normalized | null {
  try {
    return normalize(c, a)
  } catch (err) {
    return { key: 'unreadable', kind: 'unreadable', display: `ERROR: the harness could not read the answer: ${String(err)}` }
  }
}

function commandLine(options: FuzzOptions, seed: number): string {
  const adapters = options.adapters.map((a) => `--adapter ${JSON.stringify(a)}`).join(' ')
  return `pypi-token conformance fuzz ${adapters} --runs ${options.runs ?? 1000} --seed ${options.seed ?? 0} (this check: seed ${seed})`
}

export { AdapterStartError }
