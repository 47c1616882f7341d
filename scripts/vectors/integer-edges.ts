/**
 * Integer edges of a time window (EXP-4), for every caveat that carries one: 2^53 and its
 * neighbours at the top of `now`'s range, the signed 64-bit limits, and integers past 2^63 and
 * 2^64 that a fixed-width parser wraps to small values (which can open a window that is not
 * open). Inside the signed 64-bit range a verifier compares exactly; outside it, it compares
 * exactly or rejects the caveat as malformed, so those vectors allow both.
 */
import type { VerifyVector } from '../../src/generated/types.js'
import { emptyContext, T0, token, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'

const P53 = 2n ** 53n
const P63 = 2n ** 63n
const P64 = 2n ** 64n
/** The largest `now` a context can carry (CTX-1). */
const NOW_MAX = Number(P53 - 1n)
const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
/** Outside int64 the exact verdict is "not satisfied"; rejecting the integer is allowed too. */
const NS_OR_MALFORMED = { invalid: 'CAVEAT_NOT_SATISFIED', also: ['CAVEAT_MALFORMED'] } as const
/** Outside int64 the exact verdict is "valid"; rejecting the integer is allowed too. */
const VALID_OR_MALFORMED = { acceptable: 'CAVEAT_MALFORMED' } as const

export interface WindowForm {
  /** The vector file, e.g. `expiration`. */
  readonly topic: string
  /** The caveat text of a window, from integer literals. */
  caveat(expiresAt: bigint, notBefore: bigint): string
  /** Spec ids every vector cites besides EXP-4. */
  readonly cites: readonly string[]
  readonly flags?: readonly Flag[]
}

type Edge = [id: string, description: string, expiresAt: bigint, notBefore: bigint, now: number, expect: VerifyExpectation, flag?: Flag]

const t = BigInt(T0)

const EDGES: readonly Edge[] = [
  ['now-zero', '`now` = 0, the earliest a context carries, inside the window [0, 1).', 1n, 0n, 0, 'valid', 'TimeBoundary'],
  ['now-zero-expired', '`now` = 0 with expires_at = 0: expired (exclusive end).', 0n, -1n, 0, NS, 'TimeBoundary'],
  ['now-max-inside', '`now` = 2^53 − 1, the latest a context carries, inside the one-second window [2^53 − 1, 2^53).', P53, P53 - 1n, NOW_MAX, 'valid', 'TimeBoundary'],
  ['now-max-at-expiry', '`now` = 2^53 − 1 = expires_at: expired (exclusive end).', P53 - 1n, 0n, NOW_MAX, NS, 'TimeBoundary'],
  ['expires-2-53-plus-1', 'expires_at = 2^53 + 1 (a double rounds it to 2^53) at `now` = 2^53 − 1: still in the future.', P53 + 1n, 0n, NOW_MAX, 'valid'],
  ['not-before-2-53-plus-1', 'not_before = 2^53 + 1 at `now` = 2^53 − 1: not valid yet, whether read exactly or rounded to 2^53.', P53 + 2n, P53 + 1n, NOW_MAX, NS],
  ['not-before-int64-max', 'not_before = 2^63 − 2 and expires_at = 2^63 − 1, both inside int64: not valid yet.', P63 - 1n, P63 - 2n, T0 + 10, NS],
  ['not-before-int64-min', 'not_before = −2^63, the smallest int64: the window is open.', t + 900n, -P63, T0 + 10, 'valid'],
  ['negative-expiry', 'A negative expires_at (−1, with not_before −100): long expired.', -1n, -100n, T0 + 10, NS, 'TimeBoundary'],
  ['not-before-2-63', 'not_before = 2^63, just outside int64: exactly, not valid yet; a parser that wraps it to −2^63 opens the window.', t + 900n, P63, T0 + 10, NS_OR_MALFORMED],
  ['not-before-2-64', 'A window [2^64 + T0, 2^64 + T0 + 900): exactly, far in the future; a u64 parser wraps it to [T0, T0 + 900), which is open now.', P64 + t + 900n, P64 + t, T0 + 10, NS_OR_MALFORMED],
  ['not-before-2-64-plus-k', 'not_before = 2^64 + T0 − 100: exactly, far in the future; wrapped to 64 bits it is T0 − 100, which is in the past.', t + 900n, P64 + t - 100n, T0 + 10, NS_OR_MALFORMED],
  ['expires-2-64', 'expires_at = 2^64: exactly, far in the future (valid); a u64 parser wraps it to 0, which has expired.', P64, t, T0 + 10, VALID_OR_MALFORMED],
  ['expires-2-64-plus-k', 'expires_at = 2^64 + T0 + 900 at T0 + 1000: exactly, still in the future; wrapped, T0 + 900 has passed.', P64 + t + 900n, t, T0 + 1000, VALID_OR_MALFORMED],
  ['not-before-below-int64-min', 'not_before = −2^63 − 1, just below int64: exactly, the window is open; a parser that wraps it to 2^63 − 1 closes it.', t + 900n, -P63 - 1n, T0 + 10, VALID_OR_MALFORMED],
  ['expires-below-int64-min', 'expires_at = −2^63 − 1 and not_before = −2^64: exactly, long expired; wrapped to 64 bits they become 2^63 − 1 and 0, which is open now.', -P63 - 1n, -P64, T0 + 10, NS_OR_MALFORMED],
]

/** The integer-edge vectors of one window form: `<topic>::integer-<edge>`. */
export function integerEdges(form: WindowForm): VerifyVector[] {
  return EDGES.map(([id, description, expiresAt, notBefore, now, expect, flag = 'HugeInteger']) =>
    verifyVector({
      id: `${form.topic}::integer-${id}`,
      description: `${description} Caveat \`${form.caveat(expiresAt, notBefore)}\`.`,
      spec: ['EXP-4', ...form.cites],
      flags: [flag, ...(form.flags ?? [])],
      token: token({ caveats: [form.caveat(expiresAt, notBefore)] }),
      context: emptyContext(now),
      expect,
    }),
  )
}
