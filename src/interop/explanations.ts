/**
 * @module Known interop deviations (adapters/interop.json, interop-deviations.schema.json): which
 * implementation, in which role, deviates how, and why. A deviation of the matrix is explained
 * when an entry's implementation and role are the deviation's and its class pattern matches.
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

/** The first entry explaining a deviation, if any. */
export function explain(entries: readonly InteropExplanation[], d: Deviation): InteropExplanation | undefined {
  return entries.find((e) => e.implementation === d.implementation && e.role === d.role && wildcard(e.class)(d.class))
}
