/** @module The restriction options shared by `restrict` and `mint`, and the refusal of restrictions that leave a token unusable. */
import { narrowingProblems, normalizeRestriction, type Restriction } from '../../index.js'
import { RefusedError, UsageError, type Io } from '../io.js'
import { expiryIn, parseInstant } from '../time-input.js'

export const RESTRICTION_OPTIONS = {
  project: { type: 'string', multiple: true },
  'project-id': { type: 'string', multiple: true },
  user: { type: 'string' },
  publisher: { type: 'string' },
  'expires-in': { type: 'string' },
  'not-after': { type: 'string' },
  'not-before': { type: 'string' },
  force: { type: 'boolean' },
} as const

export const RESTRICTION_USAGE = `    --project NAME         only for this project (repeatable: any of them)
    --project-id UUID      only for the project with this id (repeatable: any of them)
    --user UUID            only when the token authenticates this user
    --publisher UUID       only when the token authenticates this Trusted Publisher
    --expires-in DURATION  valid for DURATION from now (90s, 15m, 1h30m, 2d; ending by the year 9999)
    --not-after TIME       valid until TIME, exclusive (Unix seconds or ISO-8601 with a zone)
    --not-before TIME      valid from TIME (default: 60 s ago, to tolerate clock skew)
    Every other option may be given once: a second --expires-in, --user or the like is refused.
    --force                write restrictions even when the token could then never be used,
                           is already expired, or the expiry adds nothing (refused otherwise)`

/** Clock skew tolerated by the default not_before: the token is no wider than before. */
export const SKEW_SECONDS = 60

interface RestrictionValues {
  project?: string[]
  'project-id'?: string[]
  user?: string
  publisher?: string
  'expires-in'?: string
  'not-after'?: string
  'not-before'?: string
}

/** A restriction as the library's restricter writes it (RESTRICT-2, RESTRICT-3), or a usage error naming the option. */
function normalized(option: string, r: Restriction): Restriction {
  const n = normalizeRestriction(r)
  if (!n.ok) throw new UsageError(`${option}: ${n.message}`)
  return n.restriction
}

/** Turns the options into normalised restrictions, in a fixed order: time, names, ids, user, publisher. */
export function restrictionsFrom(io: Io, values: RestrictionValues): Restriction[] {
  const out: Restriction[] = []
  const now = io.now()
  if (values['expires-in'] !== undefined && values['not-after'] !== undefined) throw new UsageError('give --expires-in or --not-after, not both')
  const expiresAt = values['expires-in'] !== undefined ? expiryIn(values['expires-in'], now) : values['not-after'] !== undefined ? parseInstant(values['not-after'], '--not-after') : undefined
  const notBefore = values['not-before'] !== undefined ? parseInstant(values['not-before'], '--not-before') : undefined
  if (expiresAt === undefined && notBefore !== undefined) throw new UsageError('--not-before needs --expires-in or --not-after')
  if (expiresAt !== undefined) {
    const option = values['expires-in'] !== undefined ? '--expires-in' : '--not-after'
    out.push(normalized(notBefore === undefined ? option : `${option} with --not-before`, { type: 'expiration', expires_at: expiresAt, not_before: notBefore ?? Math.max(0, Math.min(now - SKEW_SECONDS, expiresAt - 1)) }))
  }
  if (values.project !== undefined) out.push(normalized('--project', { type: 'project_names', names: values.project }))
  if (values['project-id'] !== undefined) out.push(normalized('--project-id', { type: 'project_ids', ids: values['project-id'] }))
  if (values.user !== undefined) out.push(normalized('--user', { type: 'user', user_id: values.user }))
  if (values.publisher !== undefined) out.push(normalized('--publisher', { type: 'oidc_publisher', publisher_id: values.publisher }))
  return out
}

/**
 * Refuses restrictions after which the token could never be used, a token already expired or
 * unusable, and an expiry that adds nothing (narrowingProblems); with --force, warns instead.
 */
export function refuseUnusable(io: Io, command: string, existing: readonly (Restriction | null)[], added: readonly Restriction[], force: boolean): void {
  const problems = narrowingProblems(existing, added, io.now())
  if (problems.length === 0) return
  if (!force) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
    throw new RefusedError(`refused: ${(problems[0] as { message: string }).message}${more}; --force writes it anyway`)
  }
  for (const p of problems) io.err(`pypi-token ${command}: warning: ${p.message} (written anyway: --force)\n`)
}
