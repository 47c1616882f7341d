/** @module Legacy `{"exp": expires_at, "nbf": not_before}` (spec/caveats/legacy-expiration.md). */
import type { CaveatModule } from './types.js'
import { checkWindow, explainWindow } from './window.js'

export const legacyExpiration: CaveatModule<'legacy_expiration'> = {
  slug: 'legacy-expiration',
  tag: null,
  type: 'legacy_expiration',
  decode: (wire) => {
    const { exp, nbf } = wire as { exp: number; nbf: number }
    return { type: 'legacy_expiration', expires_at: exp, not_before: nbf }
  },
  encode: (r) => ({ exp: r.expires_at, nbf: r.not_before }),
  // LEXP-2: the same rule as tag 0.
  check: (r, context) => checkWindow(r.expires_at, r.not_before, context),
  explain: (r, now) => `Legacy time window (2022 form). ${explainWindow(r.expires_at, r.not_before, now)}`,
}
