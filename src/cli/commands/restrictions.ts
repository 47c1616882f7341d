/** @module The restriction options shared by `restrict` and `mint`. */
import type { Restriction } from '../../index.js'
import { UsageError, type Io } from '../io.js'
import { parseDuration, parseInstant } from '../time-input.js'

export const RESTRICTION_OPTIONS = {
  project: { type: 'string', multiple: true },
  'project-id': { type: 'string', multiple: true },
  user: { type: 'string' },
  'expires-in': { type: 'string' },
  'not-after': { type: 'string' },
  'not-before': { type: 'string' },
} as const

export const RESTRICTION_USAGE = `    --project NAME         only for this project (repeatable: any of them)
    --project-id ID        only for the project with this id (repeatable)
    --user ID              only when the token authenticates this user
    --expires-in DURATION  valid for DURATION from now (90s, 15m, 1h30m, 2d)
    --not-after TIME       valid until TIME, exclusive (Unix seconds or ISO-8601 with a zone)
    --not-before TIME      valid from TIME (default: 60 s ago, to tolerate clock skew)`

/** Clock skew tolerated by the default not_before: the token is no wider than before. */
export const SKEW_SECONDS = 60

interface RestrictionValues {
  project?: string[]
  'project-id'?: string[]
  user?: string
  'expires-in'?: string
  'not-after'?: string
  'not-before'?: string
}

/** Turns the options into restrictions, in a fixed order: time, names, ids, user. */
export function restrictionsFrom(io: Io, values: RestrictionValues): Restriction[] {
  const out: Restriction[] = []
  const now = io.now()
  if (values['expires-in'] !== undefined && values['not-after'] !== undefined) throw new UsageError('give --expires-in or --not-after, not both')
  const expiresAt = values['expires-in'] !== undefined ? now + parseDuration(values['expires-in']) : values['not-after'] !== undefined ? parseInstant(values['not-after'], '--not-after') : undefined
  const notBefore = values['not-before'] !== undefined ? parseInstant(values['not-before'], '--not-before') : undefined
  if (expiresAt === undefined && notBefore !== undefined) throw new UsageError('--not-before needs --expires-in or --not-after')
  if (expiresAt !== undefined) {
    if (expiresAt <= now) throw new UsageError(`the token would already be expired (${new Date(expiresAt * 1000).toISOString()} is not in the future)`)
    out.push({ type: 'expiration', expires_at: expiresAt, not_before: notBefore ?? now - SKEW_SECONDS })
  }
  if (values.project !== undefined) out.push({ type: 'project_names', names: values.project })
  if (values['project-id'] !== undefined) out.push({ type: 'project_ids', ids: values['project-id'] })
  if (values.user !== undefined) out.push({ type: 'user', user_id: values.user })
  return out
}
