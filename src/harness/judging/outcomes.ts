/** @module The outcomes a vector can have in a run, in report order, and counting them. */
import type { Summary, VectorResult } from '../../generated/types.js'

/** One vector's outcome: PASS, FAIL, XFAIL, XPASS, SKIP, ERROR or HANG. */
export type Outcome = VectorResult['outcome']

/** Every outcome, in the order reports list them. */
export const OUTCOMES: readonly Outcome[] = ['PASS', 'FAIL', 'XFAIL', 'XPASS', 'SKIP', 'ERROR', 'HANG']

/** Counts per outcome. */
export function summarize(outcomes: readonly Outcome[]): Summary {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
  for (const o of outcomes) counts[o]++
  return counts
}
