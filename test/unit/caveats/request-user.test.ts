import { describe, expect, it } from 'vitest'
import { requestUser } from '../../../src/caveats/request-user.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

const UID = 'a614e122-a9ee-473c-b6df-8c4f1b776628'

describe('request-user (tag 3)', () => {
  it('decodes the user id', () => {
    expect(outcome(`[3,"${UID}"]`)).toEqual({ slug: 'request-user', restriction: { type: 'user', user_id: UID } })
  })

  it('writes the bytes Warehouse writes', () => {
    expect(dumpJson(requestUser.encode({ type: 'user', user_id: 'a uuid' }))).toBe('[3,"a uuid"]')
  })

  it('holds only when the token authenticates that exact user (USER-2, USER-3)', () => {
    expect(check(`[3,"${UID}"]`, ctx({ user_id: UID }))).toBeNull()
    expect(check(`[3,"${UID}"]`, ctx({ user_id: UID.toUpperCase() }))).toBe('NOT_SATISFIED')
    expect(check(`[3,"${UID}"]`, ctx({ user_id: '00000000-0000-0000-0000-000000000009' }))).toBe('NOT_SATISFIED')
    expect(check(`[3,"${UID}"]`, ctx())).toBe('NOT_SATISFIED')
    expect(check(`[3,"${UID}"]`, ctx({ oidc_publisher: { id: 'p', project_ids: [] } }))).toBe('NOT_SATISFIED')
  })

  it.each([
    ['a number', '[3,5]'],
    ['a list', `[3,["${UID}"]]`],
    ['a missing id', '[3]'],
    ['two ids (CAV-6)', `[3,"${UID}","${UID}"]`],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
