/**
 * @module Whether a run passes (VEC-8), decided in this one place: the adapter started, its hello
 * lists verify (or, for a secret scanner, detect; for a macaroon library, inspect and restrict: LIB-1), at least one vector ran (was not SKIP), at neither level (VEC-7) is any vector
 * FAIL, XPASS, ERROR or HANG, and no xfail entry is stale. Anything else is a problem, stated in
 * one line; a run passes exactly when it has no problem.
 */
import type { ConformanceResults, Summary } from '../../generated/types.js'
import { OUTCOMES, type Outcome } from './outcomes.js'

/** The outcomes that fail a run, at either level. */
export const FAILING: readonly Outcome[] = ['FAIL', 'XPASS', 'ERROR', 'HANG']

/** What a run's verdict depends on. */
export interface RunFacts {
  /** Why the adapter could not be started, or null when it was. */
  readonly startError: string | null
  /** The operations its hello lists. */
  readonly ops: readonly string[]
  readonly summary: Summary
  readonly verdict_summary: Summary
  readonly stale_xfails: readonly string[]
}

const total = (s: Summary) => OUTCOMES.reduce((n, o) => n + s[o], 0)

/** Why the run does not pass, one line each; empty when it passes. */
export function runProblems(f: RunFacts): string[] {
  const problems: string[] = []
  if (f.startError !== null) problems.push(`the adapter could not be started: ${f.startError}`)
  else if (!f.ops.includes('verify') && !f.ops.includes('detect') && !(f.ops.includes('inspect') && f.ops.includes('restrict'))) problems.push(`the adapter's hello lists neither verify, detect nor inspect and restrict (it lists ${f.ops.length === 0 ? 'nothing' : f.ops.join(', ')})`)
  const vectors = total(f.summary)
  if (vectors === 0) problems.push('no vector was run: none was selected')
  else if (f.summary.SKIP === vectors) problems.push(`no vector was run: all ${vectors} were SKIP`)
  for (const [level, counts] of [['verdict', f.verdict_summary], ['reason', f.summary]] as const) {
    const bad = FAILING.filter((o) => counts[o] > 0).map((o) => `${counts[o]} ${o}`)
    if (bad.length > 0) problems.push(`${level} level: ${bad.join(', ')}`)
  }
  const stale = f.stale_xfails.length
  if (stale > 0) problems.push(`${stale} stale xfail ${stale === 1 ? 'entry' : 'entries'} (matching no vector): ${f.stale_xfails.join(', ')}`)
  return problems
}

/** True when a run must fail; the same answer as the CLI's exit status. */
export function runFailed(results: Pick<ConformanceResults, 'passed'>): boolean {
  return !results.passed
}
