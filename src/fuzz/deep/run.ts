/**
 * @module The deep fuzzer: `runs` cases from one seed through examine(), counting what happened,
 * keeping the first few findings of each kind, and measuring the rate and the resident memory as
 * it goes (memory must stay flat: nothing per case is kept). A finding is then replayed with
 * fast-check from the same seed and shrunk to a small case, with the path that reproduces it.
 */
import fc from 'fast-check'
import { deepCaseArb, type DeepCase } from './cases.js'
import { examine as examineCase, type Examined, type Finding, type FindingKind } from './examine.js'

export interface DeepOptions {
  readonly runs: number
  readonly seed: number
  /** Called every `progressEvery` cases (default: every tenth of the run). */
  readonly onProgress?: (p: Progress) => void
  readonly progressEvery?: number
  /** Findings of each kind kept in full (default 5). */
  readonly keep?: number
  /** What each case is checked with (default examine; tests plant a failing one). */
  readonly examine?: (c: DeepCase) => Examined
  /** Injectable clock in milliseconds (default performance.now). */
  readonly clock?: () => number
}

export interface Progress {
  readonly done: number
  readonly seconds: number
  readonly rssBytes: number
}

export interface KeptFinding extends Finding {
  /** The case number within the run (1-based), and how the case was made. */
  readonly run: number
  readonly how: string
}

export interface Shrunk {
  readonly kind: FindingKind
  readonly seed: number
  readonly path: string
  readonly how: string
  readonly findings: readonly Finding[]
}

export interface DeepReport {
  readonly runs: number
  readonly seed: number
  readonly seconds: number
  readonly perSecond: number
  /** CPU time this process used (user + system), and cases per CPU second: the rate a busy machine cannot lower. */
  readonly cpuSeconds: number
  readonly perCpuSecond: number
  /** process.resourceUsage().maxRSS at the end, in bytes: the peak for the whole process. */
  readonly peakRssBytes: number
  /** Resident memory after a tenth of the run and at its end (flat when nothing accumulates). */
  readonly rssAtTenthBytes: number
  readonly rssAtEndBytes: number
  readonly counts: Readonly<Record<FindingKind, number>>
  /** Cases verify accepted, cases it rejected, cases restrict narrowed. */
  readonly accepted: number
  readonly rejected: number
  readonly narrowed: number
  readonly findings: readonly KeptFinding[]
  /** The first finding, shrunk (null when there was none). */
  readonly shrunk: Shrunk | null
}

const KINDS: readonly FindingKind[] = ['exception', 'false-accept', 'false-reject', 'inconsistent']

export function deepFuzz(options: DeepOptions): DeepReport {
  const clock = options.clock ?? (() => performance.now())
  const keep = options.keep ?? 5
  const examine = options.examine ?? examineCase
  const every = options.progressEvery ?? Math.max(1, Math.floor(options.runs / 10))
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FindingKind, number>
  const kept: KeptFinding[] = []
  let done = 0
  let accepted = 0
  let rejected = 0
  let narrowed = 0
  let rssAtTenth = 0
  const started = clock()
  const cpuStarted = process.cpuUsage()
  const property = fc.property(deepCaseArb, (c: DeepCase) => {
    const e = examine(c)
    done++
    if (e.valid === true) accepted++
    else if (e.valid === false) rejected++
    if (e.restricted) narrowed++
    for (const f of e.findings) {
      counts[f.kind]++
      if (kept.filter((k) => k.kind === f.kind).length < keep) kept.push({ ...f, run: done, how: c.how })
    }
    if (done % every === 0) {
      const rssBytes = process.memoryUsage.rss()
      if (rssAtTenth === 0) rssAtTenth = rssBytes
      options.onProgress?.({ done, seconds: (clock() - started) / 1000, rssBytes })
    }
    return true
  })
  fc.check(property, { seed: options.seed, numRuns: options.runs })
  const seconds = (clock() - started) / 1000
  const cpu = process.cpuUsage(cpuStarted)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  return {
    runs: done,
    seed: options.seed,
    seconds,
    perSecond: done / seconds,
    cpuSeconds,
    perCpuSecond: done / cpuSeconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    rssAtTenthBytes: rssAtTenth,
    rssAtEndBytes: process.memoryUsage.rss(),
    counts,
    accepted,
    rejected,
    narrowed,
    findings: kept,
    shrunk: kept.length === 0 ? null : shrinkFirst(examine, options.seed, options.runs),
  }
}

/** Replays the run with a property that fails on any finding, so fast-check shrinks the first one. */
function shrinkFirst(examine: (c: DeepCase) => Examined, seed: number, runs: number): Shrunk | null {
  const details = fc.check(
    fc.property(deepCaseArb, (c) => examine(c).findings.length === 0),
    { seed, numRuns: runs },
  )
  if (!details.failed || details.counterexample === null) return null
  const [c] = details.counterexample
  const findings = examine(c).findings
  return { kind: findings[0]?.kind ?? 'inconsistent', seed, path: details.counterexamplePath ?? '', how: c.how, findings }
}
