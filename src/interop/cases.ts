/**
 * @module Generated inputs for the interop matrix: a token as the index issues it (Warehouse's
 * caveats per token kind, spec/minting.md), the restrictions its holder narrows it with, and the
 * request it is then used for. Built from the fuzzer's shared arbitraries so that caveats and
 * contexts match often; every choice shrinks towards fewer and plainer parts.
 */
import fc from 'fast-check'
import type { Restriction, VerifyContext } from '../generated/types.js'
import { encodeRestriction } from '../restrict.js'
import { contextArb, POOL, restrictionArb, timeArb } from '../fuzz/arbitraries.js'

/** How the index issued the token, and the exact caveats it wrote. */
export interface Issued {
  readonly kind: 'user' | 'project' | 'trusted-publishing' | 'legacy-user' | 'legacy-project'
  readonly caveats: readonly string[]
}

/** One case of the matrix: every chain gets the same one. */
export interface InteropCase {
  /** The token's root key, hex. */
  readonly key: string
  readonly identifier: string
  readonly issued: Issued
  /** What the holder narrows the token with (may be none). */
  readonly restrictions: readonly Restriction[]
  readonly context: VerifyContext
}

/** The location every minted token carries; it is not signed (TOKEN-8). */
export const LOCATION = 'index.example'

const caveat = (r: Restriction) => encodeRestriction(r)
const pick = <T>(items: readonly T[]) => fc.integer({ min: 0, max: items.length - 1 }).map((i) => items[i] as T)

const KINDS = ['user', 'project', 'trusted-publishing', 'legacy-user', 'legacy-project'] as const

/**
 * Warehouse's token kinds, with its canonical caveats (CAV-9). Every part is drawn independently,
 * so a shrink can move to the plainest kind (a user token) without losing the rest.
 */
export const issuedArb: fc.Arbitrary<Issued> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    user_id: pick(POOL.userIds),
    project: fc.integer({ min: 0, max: POOL.names.length - 1 }),
    publisher_id: pick(POOL.publisherIds),
    registered: fc.subarray(POOL.projectIds, { minLength: 1 }),
    nbf: timeArb,
  })
  .map(({ kind, user_id, project, publisher_id, registered, nbf }): Issued => {
    const name = POOL.names[project] as string
    const id = POOL.projectIds[project] as string
    switch (kind) {
      case 'user':
        return { kind, caveats: [caveat({ type: 'user', user_id })] }
      case 'project':
        return { kind, caveats: [caveat({ type: 'project_names', names: [name] }), caveat({ type: 'project_ids', ids: [id] })] }
      case 'trusted-publishing':
        return { kind, caveats: [caveat({ type: 'oidc_publisher', publisher_id }), caveat({ type: 'project_ids', ids: registered }), caveat({ type: 'expiration', expires_at: nbf + 900, not_before: nbf })] }
      case 'legacy-user':
        return { kind, caveats: [caveat({ type: 'legacy_user' })] }
      case 'legacy-project':
        return { kind, caveats: [caveat({ type: 'legacy_project_names', names: [name] }), caveat({ type: 'legacy_project_ids', ids: [id] })] }
    }
  })

const uuidArb = fc.uuid({ version: 4 })

export const interopCaseArb: fc.Arbitrary<InteropCase> = fc.record({
  key: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((k) => Buffer.from(k).toString('hex')),
  identifier: uuidArb,
  issued: issuedArb,
  restrictions: fc.array(restrictionArb, { maxLength: 3 }),
  context: contextArb,
})
