/**
 * @module Known interop deviations (adapters/interop.json, interop-deviations.schema.json): which
 * implementation, in which role, deviates how, and why. A deviation of the matrix is explained
 * when an entry's implementation and role are the deviation's, its class pattern matches, it lists
 * every caveat kind the deviation concerns, and it says the same about widening access (INTEROP-2).
 */
import { validateRef } from '../caveats/schema-validator.js'
import type { InteropExplanation } from '../generated/types.js'
import { wildcard } from '../harness/judging/wildcard.js'
import type { Deviation } from './steps.js'
import { readJsonFile } from '../json-file.js'

/** The explanations file cannot be used; the message names the file and the problem. */
export class ExplanationsLoadError extends Error {
  override readonly name = 'ExplanationsLoadError'
}

/** Reads and validates an explanations file. Throws ExplanationsLoadError. */
export function loadExplanations(path: string): InteropExplanation[] {
  const data = readJsonFile(path, (message) => new ExplanationsLoadError(message))
  const valid = validateRef('interop-deviations.schema.json', data)
  if (!valid.ok) throw new ExplanationsLoadError(`${path}: does not match interop-deviations.schema.json: ${valid.message}`)
  return (data as { deviations: InteropExplanation[] }).deviations
}

/** Whether an entry explains a deviation exactly: operation, class, caveat kinds and direction (INTEROP-2). */
export function explains(e: InteropExplanation, d: Deviation): boolean {
  return e.implementation === d.implementation && e.role === d.role && wildcard(e.class)(d.class) && e.widens === d.widens && d.caveats.every((k) => e.caveats.includes(k))
}

/** The first entry explaining a deviation, if any. */
export function explain(entries: readonly InteropExplanation[], d: Deviation): InteropExplanation | undefined {
  return entries.find((e) => explains(e, d))
}
