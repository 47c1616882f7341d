/** @module Legacy `{"exp": expires_at, "nbf": not_before}` (spec/caveats/legacy-expiration.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { timeWindow } from './normalize.js'
import { checkWindow, explainWindow } from './window.js'

export const legacyExpiration: CaveatModule<RestrictionOf<'legacy_expiration'>> = {
  slug: 'legacy-expiration',
  tag: null,
  type: 'legacy_expiration',
  schemas: { caveat: caveatSchemas['legacy-expiration'], restriction: restrictionSchema.definitions.LegacyExpirationRestriction },
  decode: (wire) => {
    const { exp, nbf } = wire as { exp: number; nbf: number }
    return { type: 'legacy_expiration', expires_at: exp, not_before: nbf }
  },
  encode: (r) => ({ exp: r.expires_at, nbf: r.not_before }),
  // LEXP-2: the same rule as tag 0.
  normalize: (r) => timeWindow(r),
  check: (r, context) => checkWindow(r.expires_at, r.not_before, context),
  explain: (r, now) => `Legacy time window (2022 form). ${explainWindow(r.expires_at, r.not_before, now)}`,
}
