/** @module Tag 0, `[0, expires_at, not_before]` (spec/caveats/expiration.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { timeWindow } from './normalize.js'
import { checkWindow, explainWindow } from './window.js'

export const expiration: CaveatModule<RestrictionOf<'expiration'>> = {
  slug: 'expiration',
  tag: 0,
  type: 'expiration',
  schemas: { caveat: caveatSchemas['expiration'], restriction: restrictionSchema.definitions.ExpirationRestriction },
  // EXP-1: expiry first, then not-before (the order pypitoken 6.0.0/6.0.1 got wrong).
  decode: (wire) => {
    const [, expires_at, not_before] = wire as [0, number, number]
    return { type: 'expiration', expires_at, not_before }
  },
  encode: (r) => [0, r.expires_at, r.not_before],
  normalize: (r) => timeWindow(r),
  check: (r, context) => checkWindow(r.expires_at, r.not_before, context),
  explain: (r, now) => explainWindow(r.expires_at, r.not_before, now),
}
