import { describe, expect, it } from 'vitest'
import { legacyExpiration } from '../../../src/caveats/legacy-expiration.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx } from '../../helpers.js'
import { check, decodeText, expectMalformed, outcome } from './cases.js'

describe('legacy-expiration {"exp","nbf"}', () => {
  it('decodes either key order', () => {
    const expected = { slug: 'legacy-expiration', restriction: { type: 'legacy_expiration', expires_at: 50, not_before: 10 } }
    expect(outcome('{"exp": 50, "nbf": 10}')).toEqual(expected)
    expect(outcome('{"nbf": 10, "exp": 50}')).toEqual(expected)
  })

  it('writes sorted compact keys', () => {
    expect(dumpJson(legacyExpiration.encode({ type: 'legacy_expiration', expires_at: 50, not_before: 10 }))).toBe('{"exp":50,"nbf":10}')
  })

  it('applies the tag-0 window (LEXP-2)', () => {
    expect(check('{"exp":50,"nbf":10}', ctx({ now: 10 }))).toBeNull()
    expect(check('{"exp":50,"nbf":10}', ctx({ now: 9 }))).toBe('NOT_SATISFIED')
    expect(check('{"exp":50,"nbf":10}', ctx({ now: 50 }))).toBe('NOT_SATISFIED')
  })

  it.each([
    ['only exp', '{"exp":1}'],
    ['only nbf', '{"nbf":1}'],
    ['a string exp', '{"exp":"1","nbf":0}'],
    ['a float exp (JSON-4)', '{"exp":50.0,"nbf":0}'],
    ['an extra key (LEXP-1)', '{"exp":50,"nbf":10,"x":1}'],
    ['project_ids alongside, which Warehouse silently drops (LEXP-1)', '{"exp":50,"nbf":10,"project_ids":["a"]}'],
    ['a duplicate key (JSON-5)', '{"exp":1,"nbf":0,"exp":99999999999}'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })

  // CAV-7: `exp` or `nbf` alone claims the form, so the rejection names it (inspect's and verify's
  // `caveat`); the reason is CAVEAT_MALFORMED either way, so no vector can tell (failures carry no slug).
  it.each(['{"exp":1}', '{"nbf":1}', '{"exp":1,"x":2}'])('recognises %s as a malformed legacy-expiration caveat (CAV-7)', (text) => {
    const d = decodeText(text)
    expect(d.ok ? 'decoded' : [d.reason, d.slug]).toEqual(['CAVEAT_MALFORMED', 'legacy-expiration'])
  })
})
