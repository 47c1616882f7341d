import { describe, expect, it } from 'vitest'
import { expiration } from '../../../src/caveats/expiration.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

describe('expiration (tag 0)', () => {
  it('decodes [0, expires_at, not_before] with expiry first (EXP-1)', () => {
    expect(outcome('[0,50,10]')).toEqual({ slug: 'expiration', restriction: { type: 'expiration', expires_at: 50, not_before: 10 } })
  })

  it('writes the bytes Warehouse writes', () => {
    expect(dumpJson(expiration.encode({ type: 'expiration', expires_at: 50, not_before: 10 }))).toBe('[0,50,10]')
  })

  it('holds from not_before inclusive to expires_at exclusive (EXP-3)', () => {
    const c = '[0,1700000900,1700000000]'
    expect(check(c, ctx({ now: 1699999999 }))).toBe('NOT_SATISFIED')
    expect(check(c, ctx({ now: 1700000000 }))).toBeNull()
    expect(check(c, ctx({ now: 1700000899 }))).toBeNull()
    expect(check(c, ctx({ now: 1700000900 }))).toBe('NOT_SATISFIED')
  })

  it('never holds when the window is empty or inverted (EXP-3)', () => {
    for (const now of [0, 10, 49, 50, 51]) {
      expect(check('[0,50,50]', ctx({ now }))).toBe('NOT_SATISFIED')
      expect(check('[0,10,50]', ctx({ now }))).toBe('NOT_SATISFIED')
    }
  })

  it('compares huge and negative integers exactly against any safe now (EXP-4)', () => {
    expect(check('[0,99999999999999999999999,0]', ctx({ now: 1700000000 }))).toBeNull()
    expect(check('[0,' + '9'.repeat(400) + ',-' + '9'.repeat(400) + ']', ctx({ now: Number.MAX_SAFE_INTEGER }))).toBeNull()
    expect(check('[0,9007199254740993,9007199254740992]', ctx({ now: Number.MAX_SAFE_INTEGER }))).toBe('NOT_SATISFIED')
    expect(check('[0,1700000900,-5]', ctx({ now: 0 }))).toBeNull()
  })

  it.each([
    ['a string timestamp', '[0,"50",10]'],
    ['a boolean timestamp', '[0,true,10]'],
    ['a null timestamp', '[0,null,10]'],
    ['a float timestamp (JSON-4)', '[0,50.0,10]'],
    ['an exponent timestamp (JSON-4)', '[0,1e3,0]'],
    ['a missing not_before (CAV-6)', '[0,50]'],
    ['a trailing element (CAV-6)', '[0,50,10,99]'],
    ['a trailing null (CAV-6)', '[0,50,10,null]'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
