/** @module PROP-6: the laws hold with the proposed caveat mixed into generated tokens. */
import type { CaveatRegistry } from '../../caveats/registry.js'
import { judged, type CheckResult } from '../check.js'
import type { Kit } from '../kit.js'

export function checkProposalLaws(kit: Kit, registry: CaveatRegistry, options: { readonly numRuns: number; readonly seed?: number }): CheckResult {
  let results
  try {
    results = kit.checkLaws(registry, options)
  } catch (err) {
    return judged('laws', [`the laws could not run: ${err instanceof Error ? err.message : String(err)}`], '')
  }
  const problems = results.filter((r) => !r.ok).map((r) => `${r.id} fails (seed ${r.seed}): ${r.message}; counterexample ${r.counterexample}`)
  const seeds = [...new Set(results.map((r) => r.seed))]
  return judged('laws', problems, `${results.map((r) => r.id).join(', ')} hold over ${options.numRuns} runs each with ${kit.parts.caveat.slug} caveats mixed in (seed ${seeds.join(', ')})`)
}
