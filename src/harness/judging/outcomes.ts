/** @module The outcomes a vector can have in a run, in report order, and which of them fail a run. */
import type { ConformanceResults, VectorResult } from '../../generated/types.js'

/** One vector's outcome: PASS, FAIL, XFAIL, XPASS, SKIP, ERROR or HANG. */
export type Outcome = VectorResult['outcome']

/** Every outcome, in the order reports list them. */
export const OUTCOMES: readonly Outcome[] = ['PASS', 'FAIL', 'XFAIL', 'XPASS', 'SKIP', 'ERROR', 'HANG']

/** True when a run must fail: any FAIL, XPASS, ERROR or HANG, or a stale xfail entry. */
export function runFailed(results: Pick<ConformanceResults, 'summary' | 'stale_xfails'>): boolean {
  const s = results.summary
  return s.FAIL + s.XPASS + s.ERROR + s.HANG > 0 || results.stale_xfails.length > 0
}

/** Counts per outcome. */
export function summarize(results: readonly Pick<VectorResult, 'outcome'>[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
  for (const r of results) counts[r.outcome]++
  return counts
}
