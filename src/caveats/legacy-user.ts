/** @module Legacy `{"version": 1, "permissions": "user"}` (spec/caveats/legacy-user.md). */
import type { CaveatModule } from './types.js'

export const legacyUser: CaveatModule<'legacy_user'> = {
  slug: 'legacy-user',
  tag: null,
  type: 'legacy_user',
  decode: () => ({ type: 'legacy_user' }),
  encode: () => ({ permissions: 'user', version: 1 }),
  // LUSER-2: Warehouse reads it as "a user must be authenticated", not as a no-op.
  check: (_r, context) => (context.user_id === null ? 'legacy user-scoped token used by a request that authenticates no user' : null),
  explain: () =>
    'Legacy "entire account" marker (2019–2022 form): valid whenever the token authenticates a user; invalid for Trusted Publishing requests.',
}
