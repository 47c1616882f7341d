/**
 * @module When an inspected token can be valid at all, without the key: the intersection of its
 * time windows (EXP-3, LEXP-1), and the caveats every verifier rejects whatever the request
 * (malformed, unknown, third-party). For the inspector's warnings; verify() remains the decision.
 */
import type { ReasonCode } from './generated/types.js'
import type { TokenInfo } from './inspect.js'

export type TimeStatus = 'unlimited' | 'valid' | 'expired' | 'not-yet-valid' | 'never'

export interface Validity {
  /** `unlimited`: no time window; `never`: the windows do not overlap (EXP-3: empty window). */
  readonly status: TimeStatus
  /** The latest not_before of every window (inclusive), or null without a window. */
  readonly notBefore: number | null
  /** The earliest expires_at of every window (exclusive), or null without a window. */
  readonly expiresAt: number | null
  /** Caveats no verifier accepts, whatever the time and request. */
  readonly rejected: readonly { readonly index: number; readonly reason: ReasonCode }[]
}

/** The validity of an inspected token at `now` (Unix seconds). */
export function timeValidity(token: TokenInfo, now: number): Validity {
  let notBefore: number | null = null
  let expiresAt: number | null = null
  const rejected: { index: number; reason: ReasonCode }[] = []
  for (const c of token.caveats) {
    if (c.error !== null) rejected.push({ index: c.index, reason: c.error.reason })
    const r = c.restriction
    if (r === null || (r.type !== 'expiration' && r.type !== 'legacy_expiration')) continue
    notBefore = notBefore === null ? r.not_before : Math.max(notBefore, r.not_before)
    expiresAt = expiresAt === null ? r.expires_at : Math.min(expiresAt, r.expires_at)
  }
  const status: TimeStatus =
    notBefore === null || expiresAt === null ? 'unlimited' : expiresAt <= notBefore ? 'never' : now >= expiresAt ? 'expired' : now < notBefore ? 'not-yet-valid' : 'valid'
  return { status, notBefore, expiresAt, rejected }
}
