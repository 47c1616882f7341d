/**
 * @module What a restricter must do to a restriction before writing it (spec/restricting.md):
 * schema-check it, normalise names and ids so they can match, and refuse restrictions that could
 * never be satisfied by mistake.
 */
import type { Restriction } from '../generated/types.js'
import { validateRestriction } from './schema-validator.js'
import { MAX_DEPTH } from '../json/parse.js'

/** PEP 508 project name (before normalisation). */
const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** PEP 503 normalisation: runs of `-`, `_`, `.` become one `-`; lower case. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

export type Normalized = { ok: true; restriction: Restriction } | { ok: false; message: string }

class Refusal extends Error {}

function names(list: readonly string[]): string[] {
  if (list.length === 0) throw new Refusal('an empty project list would make the token unusable (RESTRICT-5)')
  return list.map((name) => {
    if (!PROJECT_NAME.test(name)) throw new Refusal(`${JSON.stringify(name)} is not a valid project name (RESTRICT-2)`)
    return normalizeProjectName(name)
  })
}

function uuid(value: string, what: string): string {
  if (!UUID.test(value)) throw new Refusal(`${what} ${JSON.stringify(value)} is not a UUID (RESTRICT-3)`)
  return value.toLowerCase()
}

function uuids(list: readonly string[], what: string): string[] {
  if (list.length === 0) throw new Refusal(`an empty ${what} list would make the token unusable (RESTRICT-5)`)
  return list.map((v) => uuid(v, what))
}

function window(expiresAt: number, notBefore: number): void {
  for (const [name, v] of [['expires_at', expiresAt], ['not_before', notBefore]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Refusal(`${name} must be a whole number of Unix seconds, not ${v} (RESTRICT-4)`)
  }
  if (notBefore >= expiresAt) throw new Refusal(`not_before (${notBefore}) must be before expires_at (${expiresAt}) (RESTRICT-4)`)
}

/** Claims must themselves be caveat JSON (JSON-4 integers only, JSON-6 well-formed strings, LIMIT-4 depth). */
function claimsJson(value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new Refusal(`claims nest deeper than ${MAX_DEPTH}`)
  if (value === null || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Refusal(`claims may only contain integers, not ${value} (JSON-4)`)
    return
  }
  if (typeof value === 'string') {
    if (!value.isWellFormed()) throw new Refusal('claims contain a lone surrogate (JSON-6)')
    return
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!k.isWellFormed()) throw new Refusal('claims contain a lone surrogate (JSON-6)')
      claimsJson(v, depth + 1)
    }
    return
  }
  throw new Refusal(`claims may not contain ${typeof value}`)
}

/** Validates `input` against the restriction schema and returns it in the form a restricter writes. */
export function normalizeRestriction(input: unknown): Normalized {
  const valid = validateRestriction(input)
  if (!valid.ok) return { ok: false, message: `invalid restriction: ${valid.message}` }
  const r = input as Restriction
  try {
    switch (r.type) {
      case 'expiration':
      case 'legacy_expiration':
        window(r.expires_at, r.not_before)
        return { ok: true, restriction: { type: r.type, expires_at: r.expires_at, not_before: r.not_before } }
      case 'project_names':
      case 'legacy_project_names':
        return { ok: true, restriction: { type: r.type, names: names(r.names) } }
      case 'project_ids':
      case 'legacy_project_ids':
        return { ok: true, restriction: { type: r.type, ids: uuids(r.ids, 'project id') } }
      case 'user':
        return { ok: true, restriction: { type: 'user', user_id: uuid(r.user_id, 'user id') } }
      case 'oidc_publisher':
        if (r.claims != null) claimsJson(r.claims, 1)
        return { ok: true, restriction: { type: 'oidc_publisher', publisher_id: uuid(r.publisher_id, 'publisher id'), claims: r.claims ?? null } }
      case 'legacy_user':
        return { ok: true, restriction: { type: 'legacy_user' } }
    }
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, message: err.message }
    throw err
  }
}
