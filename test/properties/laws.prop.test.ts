import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { mint, restrict, verify } from '../../src/index.js'
import { contextArb, identifierArb, keyArb, nonUtf8Arb, rejectedCaveatTextArb, restrictionArb, T0 } from '../../src/fuzz/arbitraries.js'
import { holds } from '../../src/fuzz/model.js'

const KEY32 = new Uint8Array(32).fill(7)
const minted = (key: Uint8Array, identifier: string, caveats: (string | Uint8Array)[] = []) => {
  const r = mint({ key, identifier, location: 'index.example', caveats })
  if (!r.ok) throw new Error(r.message)
  return r.token
}
const restricted = (token: string, ...restrictions: Parameters<typeof restrict>[1]) => {
  const r = restrict(token, restrictions)
  if (!r.ok) throw new Error(r.message)
  return r.token
}
const verdict = (token: string, key: Uint8Array, context: Parameters<typeof verify>[2]) => {
  const v = verify(token, key, context)
  return { valid: v.valid, reason: v.reason }
}

describe('laws (spec/laws.md)', () => {
  test.prop([keyArb, identifierArb, contextArb])('LAW-0: a freshly minted token without caveats is valid in every context', (key, id, context) => {
    expect(verify(minted(key, id), key, context).valid).toBe(true)
  })

  test.prop([keyArb, identifierArb, fc.array(restrictionArb, { maxLength: 5 }), contextArb])(
    'LAW-0: a token minted with restrictions is valid exactly when every restriction holds',
    (key, id, restrictions, context) => {
      const r = mint({ key, identifier: id, caveats: restrictions })
      if (!r.ok) throw new Error(r.message)
      expect(verify(r.token, key, context).valid).toBe(restrictions.every((x) => holds(x, context)))
    },
  )

  const instant = fc.integer({ min: T0 - 2, max: T0 + 2 })
  test.prop([instant, instant, instant, fc.boolean()])(
    'LAW-0 at the edges: a time window holds exactly when not_before <= now < expires_at',
    (not_before, expires_at, now, legacy) => {
      const caveat = legacy ? `{"exp":${expires_at},"nbf":${not_before}}` : `[0,${expires_at},${not_before}]`
      const t = minted(KEY32, 'id', [caveat])
      expect(verify(t, KEY32, { now }).valid).toBe(not_before <= now && now < expires_at)
    },
  )

  test.prop([keyArb, identifierArb, fc.array(restrictionArb, { maxLength: 3 }), restrictionArb, contextArb])(
    'LAW-1: verify(restrict(t, c)) = verify(t) ∧ (c holds) — attenuation never widens',
    (key, id, before, extra, context) => {
      const t = restricted(minted(key, id), ...before)
      const original = verify(t, key, context).valid
      const narrowed = verify(restricted(t, extra), key, context)
      expect(narrowed.valid).toBe(original && holds(extra, context))
      if (original && !narrowed.valid) expect(narrowed.reason).toBe('CAVEAT_NOT_SATISFIED')
    },
  )

  test.prop([keyArb, identifierArb, fc.array(fc.oneof(restrictionArb, rejectedCaveatTextArb), { minLength: 1, maxLength: 6 }), contextArb, fc.integer()])(
    'LAW-3: caveat order never changes the verdict (validity and reason)',
    (key, id, caveats, context, seed) => {
      const shuffled = fc.sample(fc.shuffledSubarray(caveats, { minLength: caveats.length }), { seed, numRuns: 1 })[0]!
      const a = mint({ key, identifier: id, caveats })
      const b = mint({ key, identifier: id, caveats: shuffled })
      if (!a.ok || !b.ok) throw new Error('mint failed')
      expect(verdict(b.token, key, context)).toEqual(verdict(a.token, key, context))
    },
  )

  test.prop([keyArb, keyArb, identifierArb, fc.array(restrictionArb, { maxLength: 3 }), contextArb])(
    'LAW-5: a token never verifies under another key',
    (key, other, id, restrictions, context) => {
      fc.pre(Buffer.compare(Buffer.from(key), Buffer.from(other)) !== 0)
      const t = restricted(minted(key, id), ...restrictions)
      expect(verify(t, other, context).reason).toBe('SIGNATURE_MISMATCH')
    },
  )

  test.prop([keyArb, identifierArb, fc.array(fc.oneof(rejectedCaveatTextArb, nonUtf8Arb), { minLength: 1, maxLength: 3 }), fc.array(restrictionArb, { maxLength: 3 }), contextArb])(
    'LAW-2: a caveat that is rejected in every context makes the token invalid in every context',
    (key, id, bad, good, context) => {
      const t = mint({ key, identifier: id, caveats: [...good, ...bad] })
      if (!t.ok) throw new Error(t.message)
      expect(verify(t.token, key, context).valid).toBe(false)
    },
  )
})
