/**
 * @module What a restricter must do to the built-in restrictions before writing them
 * (spec/restricting.md): normalise names and ids so they can match, and refuse restrictions that
 * could never be satisfied by mistake. Each caveat module's `normalize` calls these.
 */
import type { RestrictionOf } from './types.js'
import type { Normalized } from './types.js'
import { MAX_DEPTH } from '../json/parse.js'

/** PEP 508 project name (before normalisation). */
const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** PEP 503 normalisation: runs of `-`, `_`, `.` become one `-`; lower case. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

/** Why a restriction is refused; thrown inside {@link refusing} only. */
export class Refusal extends Error {}

/** Runs `make`, turning a {@link Refusal} into a refused result. */
export function refusing<R>(make: () => R): Normalized<R> {
  try {
    return { ok: true, restriction: make() }
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, message: err.message }
    throw err
  }
}

export function names(list: readonly string[]): string[] {
  if (list.length === 0) throw new Refusal('an empty project list would make the token unusable (RESTRICT-5)')
  return list.map((name) => {
    if (!PROJECT_NAME.test(name)) throw new Refusal(`${JSON.stringify(name)} is not a valid project name (RESTRICT-2)`)
    return normalizeProjectName(name)
  })
}

export function uuid(value: string, what: string): string {
  if (!UUID.test(value)) throw new Refusal(`${what} ${JSON.stringify(value)} is not a UUID (RESTRICT-3)`)
  return value.toLowerCase()
}

export function uuids(list: readonly string[], what: string): string[] {
  if (list.length === 0) throw new Refusal(`an empty ${what} list would make the token unusable (RESTRICT-5)`)
  return list.map((v) => uuid(v, what))
}

/** RESTRICT-4: a window of whole, non-negative seconds that is not empty. */
export function timeWindow<R extends RestrictionOf<'expiration' | 'legacy_expiration'>>(r: R): Normalized<R> {
  return refusing(() => {
    for (const [name, v] of [['expires_at', r.expires_at], ['not_before', r.not_before]] as const) {
      if (!Number.isSafeInteger(v) || v < 0) throw new Refusal(`${name} must be a whole number of Unix seconds, not ${v} (RESTRICT-4)`)
    }
    if (r.not_before >= r.expires_at) throw new Refusal(`not_before (${r.not_before}) must be before expires_at (${r.expires_at}) (RESTRICT-4)`)
    return { ...r, expires_at: r.expires_at, not_before: r.not_before }
  })
}

/** Claims must themselves be caveat JSON (JSON-4 integers only, JSON-6 well-formed strings, LIMIT-4 depth); `depth` is the depth `value` has in the caveat. */
export function claimsJson(value: unknown, depth: number): void {
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
    // LIMIT-4 counts containers only; `depth` is this container's depth in the caveat text (LAW-7).
    if (depth > MAX_DEPTH) throw new Refusal(`claims nest deeper than the caveat depth limit of ${MAX_DEPTH} (LIMIT-4)`)
    for (const [k, v] of Object.entries(value)) {
      if (!k.isWellFormed()) throw new Refusal('claims contain a lone surrogate (JSON-6)')
      claimsJson(v, depth + 1)
    }
    return
  }
  throw new Refusal(`claims may not contain ${typeof value}`)
}
