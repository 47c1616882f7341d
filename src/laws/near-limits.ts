/**
 * @module Restrictions near the limits a verifier applies (LAW-7): OIDC claims nested around the
 * reference's depth limit (LIMIT-4), a project-names list that brings the token near its length
 * limit (LIMIT-2), and enough caveats to cross 64 (LIMIT-1). A restricter must either write them
 * so that its own verifier reads them, or refuse them with INVALID_ARGUMENT.
 */
import fc from 'fast-check'
import { POOL } from '../fuzz/arbitraries.js'
import type { Restriction } from '../generated/types.js'

/** Claims `{"k": …}` or `[…]` nested `depth` levels deep (the claims object itself is level 1), around `innermost`. */
export function nestedClaims(depth: number, arrays: boolean, innermost: unknown): Record<string, unknown> {
  let inner: unknown = innermost
  for (let level = depth; level > 1; level--) inner = arrays && level % 2 === 0 ? [inner] : { k: inner }
  return { k: inner }
}

const deepClaims = fc
  .tuple(fc.integer({ min: 28, max: 36 }), fc.boolean(), fc.constantFrom(1, 'x', null), fc.constantFrom(...POOL.publisherIds))
  .map(([depth, arrays, leaf, publisher_id]): Restriction[] => {
    // The innermost level is an empty container, or one holding a scalar: only the containers count as depth.
    const innermost = leaf === null ? (arrays ? [] : {}) : leaf
    return [{ type: 'oidc_publisher', publisher_id, claims: nestedClaims(depth, arrays, innermost) as never }]
  })

/** One list of long names: 3 to 5 names of about 1,000 characters bring a caveat near LIMIT-3's 4,096 bytes. */
const longNames = fc
  .tuple(fc.integer({ min: 3, max: 5 }), fc.constantFrom(...POOL.names))
  .map(([count, last]): Restriction[] => [{ type: 'project_names', names: [...Array.from({ length: count }, (_, i) => `n${i}-${'a'.repeat(1000)}`), last] }])

/** Around 64 caveats at once (LIMIT-1's count), each a user restriction. */
const manyCaveats = fc
  .tuple(fc.integer({ min: 60, max: 70 }), fc.constantFrom(...POOL.userIds))
  .map(([count, user_id]): Restriction[] => Array.from({ length: count }, () => ({ type: 'user', user_id })))

/** A list of restrictions near one of the limits. */
export const nearLimitRestrictionsArb: fc.Arbitrary<Restriction[]> = fc.oneof(deepClaims, longNames, manyCaveats)
