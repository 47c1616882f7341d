import { describe, expect, it } from 'vitest'
import { oidcPublisher } from '../../../src/caveats/oidc-publisher.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx, project } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

const PUB = '89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c'
const PID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
const publisher = (id = PUB, project_ids = [PID]) => ({ id, project_ids })

describe('oidc-publisher (tag 4)', () => {
  it('decodes with or without claims, absent claims meaning null (OIDC-1)', () => {
    const expected = { slug: 'oidc-publisher', restriction: { type: 'oidc_publisher', publisher_id: PUB, claims: null } }
    expect(outcome(`[4,"${PUB}"]`)).toEqual(expected)
    expect(outcome(`[4,"${PUB}",null]`)).toEqual(expected)
    expect(outcome(`[4,"${PUB}",{"sub":"repo:o/r","iat":1700000000}]`)).toMatchObject({ restriction: { claims: { sub: 'repo:o/r', iat: 1700000000 } } })
  })

  it('writes the claims element even when null, as Warehouse does', () => {
    expect(dumpJson(oidcPublisher.encode({ type: 'oidc_publisher', publisher_id: 'x' }))).toBe('[4,"x",null]')
  })

  it('holds for its publisher on a registered project (OIDC-3 … OIDC-5)', () => {
    const c = `[4,"${PUB}",null]`
    expect(check(c, ctx({ oidc_publisher: publisher(), project: project('x', PID) }))).toBeNull()
    expect(check(c, ctx({ project: project('x', PID) }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx({ user_id: PUB, project: project('x', PID) }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx({ oidc_publisher: publisher('00000000-0000-0000-0000-000000000000'), project: project('x', PID) }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx({ oidc_publisher: publisher() }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx({ oidc_publisher: publisher(PUB, []), project: project('x', PID) }))).toBe('NOT_SATISFIED')
  })

  it.each([
    ['string claims', `[4,"${PUB}","str"]`],
    ['list claims', `[4,"${PUB}",[]]`],
    ['a float inside the claims (JSON-4)', `[4,"${PUB}",{"iat":1.5}]`],
    ['NaN inside the claims', `[4,"${PUB}",{"a":NaN}]`],
    ['a numeric publisher', '[4,5]'],
    ['a missing publisher', '[4]'],
    ['a fourth element (CAV-6)', `[4,"${PUB}",null,null]`],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})

describe("oidc-publisher's normalize: the claims a restricter may write (JSON-4, JSON-6, LIMIT-4)", () => {
  const normalize = (claims: unknown) => oidcPublisher.normalize({ type: 'oidc_publisher', publisher_id: PUB, claims } as never)
  /** Claims whose innermost object sits at `depth` in the caveat `[4, id, claims]` (the array is depth 1, the claims 2). */
  const nested = (depth: number): unknown => (depth <= 2 ? {} : { a: nested(depth - 1) })

  it('refuses a lone surrogate in a claim value or key, saying which rule', () => {
    expect(normalize({ sub: 'repo\ud800' })).toEqual({ ok: false, message: 'claims contain a lone surrogate (JSON-6)' })
    expect(normalize({ ['\udc00']: 'x' })).toEqual({ ok: false, message: 'claims contain a lone surrogate (JSON-6)' })
    expect(normalize({ sub: 'repo\ud83d\ude00' }).ok).toBe(true)
  })

  it('writes claims up to the depth limit of 32 containers and refuses one deeper', () => {
    expect(normalize(nested(32)).ok).toBe(true)
    expect(normalize(nested(33))).toEqual({ ok: false, message: 'claims nest deeper than the caveat depth limit of 32 (LIMIT-4)' })
    expect(normalize({ list: [[nested(31)]] })).toEqual({ ok: false, message: 'claims nest deeper than the caveat depth limit of 32 (LIMIT-4)' })
  })

  it('refuses a value JSON cannot carry', () => {
    expect(normalize({ f: 1.5 })).toEqual({ ok: false, message: 'claims may only contain integers, not 1.5 (JSON-4)' })
    expect(normalize({ u: undefined })).toEqual({ ok: false, message: 'claims may not contain undefined' })
  })
})
