import { describe, expect, it } from 'vitest'
import { legacyUser } from '../../../src/caveats/legacy-user.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

describe('legacy-user {"version":1,"permissions":"user"}', () => {
  it('decodes the 2019 form in any key order', () => {
    expect(outcome('{"version": 1, "permissions": "user"}')).toEqual({ slug: 'legacy-user', restriction: { type: 'legacy_user' } })
    expect(outcome('{"permissions": "user", "version": 1}')).toEqual({ slug: 'legacy-user', restriction: { type: 'legacy_user' } })
  })

  it('writes sorted compact keys', () => {
    expect(dumpJson(legacyUser.encode({ type: 'legacy_user' }))).toBe('{"permissions":"user","version":1}')
  })

  it('holds when the token authenticates a user, not for Trusted Publishing (LUSER-2)', () => {
    const c = '{"version":1,"permissions":"user"}'
    expect(check(c, ctx({ user_id: 'a614e122-a9ee-473c-b6df-8c4f1b776628' }))).toBeNull()
    expect(check(c, ctx({ oidc_publisher: { id: 'p', project_ids: [] } }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx())).toBe('NOT_SATISFIED')
  })

  it.each([
    ['permissions alone', '{"permissions":"user"}'],
    ['version 2', '{"version":2,"permissions":"user"}'],
    ['version true (LUSER-1)', '{"version":true,"permissions":"user"}'],
    ['version "1"', '{"version":"1","permissions":"user"}'],
    ['an extra key (LUSER-1)', '{"version":1,"permissions":"user","additional":"key"}'],
    ['a duplicate version key (JSON-5)', '{"version":2,"version":1,"permissions":"user"}'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
