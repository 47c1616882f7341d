/** @module Tag 3, `[3, user_id]` (spec/caveats/request-user.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { refusing, uuid } from './normalize.js'

export const requestUser: CaveatModule<RestrictionOf<'user'>> = {
  slug: 'request-user',
  tag: 3,
  type: 'user',
  schemas: { caveat: caveatSchemas['request-user'], restriction: restrictionSchema.definitions.UserRestriction },
  decode: (wire) => ({ type: 'user', user_id: (wire as [3, string])[1] }),
  encode: (r) => [3, r.user_id],
  // USER-2 / USER-3: a request without a user never satisfies it; ids compare exactly.
  normalize: (r) => refusing(() => ({ type: 'user', user_id: uuid(r.user_id, 'user id') })),
  check: (r, context) => {
    if (context.user_id === null) return 'token is restricted to a user, but the request authenticates no user'
    if (context.user_id !== r.user_id) return `token is restricted to user ${r.user_id}, not ${context.user_id}`
    return null
  },
  explain: (r) => `Only when the token authenticates the user with id ${r.user_id}.`,
}
