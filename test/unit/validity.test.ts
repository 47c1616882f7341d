import { describe, expect, it } from 'vitest'
import { inspect, mint, type TokenInfo } from '../../src/index.js'
import { timeValidity } from '../../src/validity.js'

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i)
function token(...caveats: string[]): TokenInfo {
  const m = mint({ key: KEY, identifier: 'id', caveats })
  if (!m.ok) throw new Error(m.message)
  const info = inspect(m.token)
  if (!info.ok) throw new Error(info.message)
  return info.token
}

describe('timeValidity', () => {
  it('is unlimited without a time window', () => {
    expect(timeValidity(token('[1,["a"]]'), 5)).toEqual({ status: 'unlimited', notBefore: null, expiresAt: null, rejected: [] })
  })

  it('follows EXP-3 at the edges: not_before inclusive, expires_at exclusive', () => {
    const t = token('[0,200,100]')
    expect(timeValidity(t, 99).status).toBe('not-yet-valid')
    expect(timeValidity(t, 100).status).toBe('valid')
    expect(timeValidity(t, 199).status).toBe('valid')
    expect(timeValidity(t, 200).status).toBe('expired')
  })

  it('intersects every window, legacy ones included', () => {
    const t = token('[0,300,100]', '{"exp":250,"nbf":150}')
    expect(timeValidity(t, 200)).toMatchObject({ status: 'valid', notBefore: 150, expiresAt: 250 })
    expect(timeValidity(t, 120).status).toBe('not-yet-valid')
    expect(timeValidity(t, 260).status).toBe('expired')
  })

  it('is never valid when the windows do not overlap, or a window is empty', () => {
    expect(timeValidity(token('[0,200,100]', '[0,400,300]'), 150)).toMatchObject({ status: 'never', notBefore: 300, expiresAt: 200 })
    expect(timeValidity(token('[0,100,100]'), 100).status).toBe('never')
  })

  it('lists the caveats every verifier rejects', () => {
    expect(timeValidity(token('[1,["a"]]', '[9]', '[0,"x",1]'), 5).rejected).toEqual([
      { index: 1, reason: 'CAVEAT_UNKNOWN' },
      { index: 2, reason: 'CAVEAT_MALFORMED' },
    ])
  })
})
