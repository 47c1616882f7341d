/** @module A restriction object as a restricter receives it: schema-checked, then normalised by its caveat's module (spec/restricting.md). */
import type { Restriction } from '../generated/types.js'
import { DEFAULT_REGISTRY, type CaveatRegistry } from './registry.js'
import { restrictionProblem } from './restriction-shape.js'
import type { Normalized } from './types.js'

/**
 * Validates `input` against the registry's restriction schema and returns it in the form a
 * restricter writes (RESTRICT-2 … RESTRICT-5), or says why it is refused.
 */
export function normalizeRestriction(input: unknown, registry: CaveatRegistry = DEFAULT_REGISTRY): Normalized {
  const valid = registry.validators.restriction(input)
  if (!valid.ok) return { ok: false, message: `invalid restriction: ${restrictionProblem(input, registry)}` }
  const r = input as Restriction
  const module = registry.byType.get(r.type)
  if (module === undefined) return { ok: false, message: `invalid restriction: unknown type ${JSON.stringify(r.type)}` }
  return module.normalize(r)
}
