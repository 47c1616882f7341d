/** @module A restriction object as a restricter receives it: schema-checked, then normalised by its caveat's module (spec/restricting.md). */
import type { Restriction } from '../generated/types.js'
import { DEFAULT_REGISTRY, type CaveatRegistry } from './registry.js'
import type { JsonSchema, Normalized } from './types.js'

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

// Why a restriction object does not fit the schema, in terms of its type and the shape that type
// expects, rather than the first schema error of a `oneOf` (which names a property of the first
// alternative, whatever the type was).

/** The shape a restriction schema describes, e.g. `{ type: "expiration", expires_at: integer, not_before: integer }`. */
export function shapeOf(schema: JsonSchema): string {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>
  const required = new Set((schema['required'] ?? []) as string[])
  const fields = Object.entries(properties).map(([name, p]) => `${name}${required.has(name) ? '' : '?'}: ${typeOf(p)}`)
  return `{ ${fields.join(', ')} }`
}

function typeOf(p: JsonSchema): string {
  if (p['const'] !== undefined) return JSON.stringify(p['const'])
  const t = p['type'] as string | string[] | undefined
  if (t === 'array') return `${typeOf((p['items'] ?? {}) as JsonSchema)}[]`
  if (Array.isArray(t)) return t.join(' | ')
  return t ?? 'any'
}

/** What is wrong with `input`, which failed the registry's restriction schema. */
function restrictionProblem(input: unknown, registry: CaveatRegistry): string {
  const types = [...registry.byType.keys()]
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `a restriction is an object { type, ... } with type one of ${types.join(', ')}; got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`
  }
  const type = (input as { type?: unknown }).type
  const module = typeof type === 'string' ? registry.byType.get(type) : undefined
  if (module === undefined) {
    return type === undefined ? `a restriction needs a type: one of ${types.join(', ')}` : `unknown restriction type ${JSON.stringify(type)}: expected one of ${types.join(', ')}`
  }
  const schema = module.schemas.restriction
  const detail = registry.validators.caveat(schema, input)
  const why = detail.ok ? 'does not fit' : detail.message.replace(/^value /, '')
  return `${JSON.stringify(type)} restriction: ${why}; expected ${shapeOf(schema)}`
}
