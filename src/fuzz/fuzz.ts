/**
 * @module Differential fuzzing: the same generated request goes to every adapter; any difference
 * in their answers is a disagreement, which fast-check shrinks (fc.asyncProperty) to a small input.
 * When the reference takes part, a difference a known deviation explains (src/fuzz/explain.ts: a
 * class the adapter's xfail file lists, or one the spec allows) is tallied, not reported: only new
 * disagreements are shrunk and written down.
 *
 * To find several distinct disagreements within one budget of runs, fc.check is run repeatedly
 * with seeds derived from the given seed; each time a disagreement is found, its class (op and
 * each adapter's coarse answer) becomes known, and known classes count as agreement from then on,
 * so later checks (and the shrinker) look for new ones. Each disagreement is written as a
 * candidate vector file.
 */
import fc from 'fast-check'
import type { XfailEntry } from '../generated/types.js'
import { AdapterProcess, AdapterStartError, type Answer } from '../harness/process/adapter-process.js'
import { caseHash, writeCandidate, type Disagreement, type FuzzAnswer } from './candidate.js'
import { fuzzCaseArbFor, fuzzRequest, type FuzzCase } from './cases.js'
import { agree, disagreementClass, normalize, type Normalized } from './compare.js'
import { explanations, featuresOf } from './explain.js'

export interface FuzzOptions {
  /** Adapter commands (at least two). */
  readonly adapters: readonly string[]
  /** Each adapter's known deviations (its xfail file's entries), in the order of `adapters`; null or absent: none. */
  readonly deviations?: readonly (readonly XfailEntry[] | null)[]
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
  /** The operations generated: those the reference and another adapter (or any two adapters) support. */
  readonly ops: readonly FuzzCase['op'][]
  /** Generated inputs on which every adapter that took part agreed. */
  readonly agreed: number
  /** Generated inputs on which some adapter differed from the reference in known ways only. */
  readonly explainedInputs: number
  /** Differences a known deviation explains: per adapter and class, how many generated inputs it explains (an input may count under several classes). */
  readonly explained: readonly { readonly adapter: string; readonly flag: string; readonly count: number }[]
  /** New disagreements: one per kind, shrunk, each written as a candidate vector. */
  readonly disagreements: readonly (Disagreement & { readonly file: string | null })[]
}

/** The seed of the i-th fc.check of a fuzz run. */
export const deriveSeed = (seed: number, i: number): number => (seed + Math.imul(i, 0x9e3779b1)) | 0

/**
 * Shard `index` (0-based) of `count` of a run of `runs` inputs from `seed`: its own seed (shard 0
 * keeps `seed`) and its share of the runs, so that machines can split a long run between them.
 */
export function shard(seed: number, runs: number, index: number, count: number): { seed: number; runs: number } {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)) throw new RangeError(`no shard ${index} of ${count}`)
  const base = Math.floor(runs / count)
  return { seed: (seed + Math.imul(index, 0x6a09e667)) | 0, runs: base + (index < runs % count ? 1 : 0) }
}

const REFERENCE = 'pypi-token-spec'

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

/** The operations worth generating: supported by the reference and another adapter, or else by any two. */
function opsFor(procs: readonly AdapterProcess[], reference: number): FuzzCase['op'][] {
  return (['verify', 'inspect', 'restrict'] as const).filter((op) => {
    const supporting = procs.filter((p) => p.supports(op)).length
    return reference >= 0 ? (procs[reference] as AdapterProcess).supports(op) && supporting >= 2 : supporting >= 2
  })
}

async function search(procs: AdapterProcess[], options: FuzzOptions, log: (line: string) => void): Promise<FuzzReport> {
  const implementations = procs.map((p, i) => ({ adapter: options.adapters[i] as string, ...p.hello.implementation }))
  const reference = implementations.findIndex((impl) => impl.name === REFERENCE)
  const ops = opsFor(procs, reference)
  const arb = fuzzCaseArbFor(ops)
  const ask = async (c: FuzzCase) => {
    const answers = await Promise.all(procs.map((p) => (p.supports(c.op) ? p.request(fuzzRequest(c)) : Promise.resolve(null))))
    const normalized: (Normalized | null)[] = answers.map((a) => (a === null ? null : normalizeSafely(c, a)))
    return { answers, normalized }
  }
  /** The classes explaining every adapter's difference from the reference, or null when one is new. */
  const explain = (c: FuzzCase, answers: readonly (Answer | null)[], normalized: readonly (Normalized | null)[]): [number, string[]][] | null => {
    const ref = normalized[reference]
    if (reference < 0 || ref === null || ref === undefined) return null
    const features = featuresOf(c, ref, answers[reference] as Answer)
    const found: [number, string[]][] = []
    for (const [i, n] of normalized.entries()) {
      if (i === reference || n === null || n.key === ref.key) continue
      const classes = explanations(features, ref, n, options.deviations?.[i] ?? [])
      if (classes.length === 0) return null
      found.push([i, classes])
    }
    return found
  }
  const known = new Set<string>()
  const tally = new Map<string, { adapter: string; flag: string; count: number }>()
  const found: (Disagreement & { file: string | null })[] = []
  const budget = options.runs ?? 1000
  const max = options.maxDisagreements ?? 20
  const outDir = options.outDir === undefined ? 'vectors/candidates' : options.outDir
  let used = 0
  let agreed = 0
  let explainedInputs = 0
  for (let i = 0; used < budget && found.length < max; i++) {
    const seed = deriveSeed(options.seed ?? 0, i)
    let shrinking = false // after the first failure of a check, fast-check only shrinks: nothing is counted
    const property = fc.asyncProperty(arb, async (c) => {
      const { answers, normalized } = await ask(c)
      if (agree(normalized)) {
        if (!shrinking) agreed++
        return true
      }
      const why = explain(c, answers, normalized)
      if (why !== null) {
        if (!shrinking) {
          explainedInputs++
          for (const [k, classes] of why) count(tally, implementations[k]?.name ?? String(k), classes)
        }
        return true
      }
      if (known.has(disagreementClass(c.op, normalized))) return true
      shrinking = true
      return false
    })
    const details = await fc.check(property, { seed, numRuns: budget - used, endOnFailure: false })
    used += details.numRuns
    if (!details.failed || details.counterexample === null) break
    const [input] = details.counterexample
    const { answers, normalized } = await ask(input)
    const cls = disagreementClass(input.op, normalized)
    known.add(cls)
    if (agree(normalized) || explain(input, answers, normalized) !== null) {
      log(`seed ${seed}: the adapters disagreed once but not on the replay (an adapter keeps state?); skipped`)
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
    log(`new disagreement ${found.length} (${cls}), seed ${seed} path ${d.path}, ${d.numShrinks} shrinks${file === null ? '' : ` -> ${file}`}`)
    for (const p of parts) log(`  ${p.implementation.name}: ${p.display}`)
  }
  const explained = [...tally.values()].sort((a, b) => b.count - a.count)
  return { implementations, runs: used, ops, agreed, explainedInputs, explained, disagreements: found }
}

/** Counts one explained difference under every class that explains it (an input may count under several). */
function count(tally: Map<string, { adapter: string; flag: string; count: number }>, adapter: string, classes: readonly string[]): void {
  for (const flag of classes) {
    const key = `${adapter}\u0000${flag}`
    const entry = tally.get(key) ?? { adapter, flag, count: 0 }
    entry.count++
    tally.set(key, entry)
  }
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
