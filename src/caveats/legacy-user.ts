/** @module Legacy `{"version": 1, "permissions": "user"}` (spec/caveats/legacy-user.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'

export const legacyUser: CaveatModule<RestrictionOf<'legacy_user'>> = {
  slug: 'legacy-user',
  tag: null,
  type: 'legacy_user',
  schemas: { caveat: caveatSchemas['legacy-user'], restriction: restrictionSchema.definitions.LegacyUserRestriction },
  decode: () => ({ type: 'legacy_user' }),
  encode: () => ({ permissions: 'user', version: 1 }),
  normalize: () => ({ ok: true, restriction: { type: 'legacy_user' } }),
  // LUSER-2: Warehouse reads it as "a user must be authenticated", not as a no-op.
  check: (_r, context) => (context.user_id === null ? 'legacy user-scoped token used by a request that authenticates no user' : null),
  explain: () =>
    'Legacy "entire account" marker (2019–2022 form): valid whenever the token authenticates a user; invalid for Trusted Publishing requests.',
}
