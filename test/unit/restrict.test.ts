import { describe, expect, it } from 'vitest'
import { encodeRestriction, inspect, restrict, verify, type Restriction } from '../../src/index.js'
import { KEY, PT, PYPITOKEN, PYPITOKEN_BASE_PLUS_COMPACT, PYPITOKEN_TESTSUITE } from '../fixtures/reference-tokens.js'
import { ctx, project } from '../helpers.js'

const rawCaveats = (token: string) => {
  const r = inspect(token)
  if (!r.ok) throw new Error(r.message)
  return r.token.caveats.map((c) => c.raw)
}
const restricted = (token: string, restrictions: unknown[]) => {
  const r = restrict(token, restrictions as Restriction[])
  if (!r.ok) throw new Error(`${r.reason}: ${r.message}`)
  return r.token
}
const refusal = (token: unknown, restrictions: unknown) => {
  const r = restrict(token, restrictions as Restriction[])
  return r.ok ? 'ok' : r.reason
}

describe('restrict', () => {
  it('appends the caveat Warehouse would write, extending the chain without the key (SIG-3)', () => {
    expect(restricted(PYPITOKEN.base!.token, [{ type: 'project_names', names: ['requests'] }])).toBe(PYPITOKEN_BASE_PLUS_COMPACT)
  })

  it('appends one caveat per restriction, in order, canonically (RESTRICT-1)', () => {
    const t = restricted(PYPITOKEN.base!.token, [
      { type: 'expiration', expires_at: 1700000900, not_before: 1700000000 },
      { type: 'project_names', names: ['Foo_Bar', 'requests'] },
      { type: 'project_ids', ids: ['0B7E4D4F-2F3E-4E53-9A0A-5F5F0C8F5A11'] },
      { type: 'user', user_id: PT.userId },
      { type: 'oidc_publisher', publisher_id: PT.userId },
      { type: 'legacy_user' },
      { type: 'legacy_project_names', names: ['a.b'] },
      { type: 'legacy_expiration', expires_at: 20, not_before: 10 },
      { type: 'legacy_project_ids', ids: [PT.projectId] },
    ])
    expect(rawCaveats(t)).toEqual([
      '[0,1700000900,1700000000]',
      '[1,["foo-bar","requests"]]',
      '[2,["0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11"]]',
      `[3,"${PT.userId}"]`,
      `[4,"${PT.userId}",null]`,
      '{"permissions":"user","version":1}',
      '{"permissions":{"projects":["a-b"]},"version":1}',
      '{"exp":20,"nbf":10}',
      `{"project_ids":["${PT.projectId}"]}`,
    ])
  })

  it('keeps the prefix, location and identifier', () => {
    const t = restricted(PYPITOKEN_TESTSUITE.token, [{ type: 'project_names', names: ['a'] }])
    const r = inspect(t)
    expect(r.ok && [r.token.prefix, r.token.location, r.token.identifier]).toEqual(['pre', 'example.com', '123foo'])
  })

  it('produces a token that verifies exactly when the old one does and the new caveat holds (LAW-1)', () => {
    const t = restricted(PYPITOKEN.user!.token, [{ type: 'project_names', names: ['requests'] }])
    expect(verify(t, KEY, ctx({ user_id: PT.userId, project: project('requests') })).valid).toBe(true)
    expect(verify(t, KEY, ctx({ user_id: PT.userId, project: project('flask') })).reason).toBe('CAVEAT_NOT_SATISFIED')
    expect(verify(t, KEY, ctx({ user_id: 'someone-else', project: project('requests') })).reason).toBe('CAVEAT_NOT_SATISFIED')
  })

  it('adds nothing for an empty list', () => {
    expect(restricted(PYPITOKEN.base!.token, [])).toBe(PYPITOKEN.base!.token)
  })

  it.each([
    ['an empty name list (RESTRICT-5)', [{ type: 'project_names', names: [] }]],
    ['an invalid project name (RESTRICT-2)', [{ type: 'project_names', names: ['-bad-'] }]],
    ['a name with a space (RESTRICT-2)', [{ type: 'project_names', names: ['a b'] }]],
    ['a project id that is not a UUID (RESTRICT-3)', [{ type: 'project_ids', ids: ['123uuid'] }]],
    ['a user id that is not a UUID (RESTRICT-3)', [{ type: 'user', user_id: 'a uuid' }]],
    ['not_before equal to expires_at (RESTRICT-4)', [{ type: 'expiration', expires_at: 10, not_before: 10 }]],
    ['not_before after expires_at (RESTRICT-4)', [{ type: 'expiration', expires_at: 10, not_before: 20 }]],
    ['a fractional time (RESTRICT-4)', [{ type: 'expiration', expires_at: 10.5, not_before: 1 }]],
    ['a negative time (RESTRICT-4)', [{ type: 'expiration', expires_at: 10, not_before: -1 }]],
    ['an unknown type', [{ type: 'ip_range', cidr: '10.0.0.0/8' }]],
    ['a missing member', [{ type: 'user' }]],
    ['an extra member', [{ type: 'user', user_id: PT.userId, x: 1 }]],
    ['float claims (JSON-4)', [{ type: 'oidc_publisher', publisher_id: PT.userId, claims: { iat: 1.5 } }]],
    ['a non-list', { type: 'legacy_user' }],
  ])('refuses %s with INVALID_ARGUMENT', (_what, restrictions) => {
    expect(refusal(PYPITOKEN.base!.token, restrictions)).toBe('INVALID_ARGUMENT')
  })

  it('reports a malformed input token with its reason', () => {
    expect(refusal('pypi-AAAA', [])).toBe('MACAROON_MALFORMED')
    expect(refusal('nope', [])).toBe('TOKEN_BAD_PREFIX')
    expect(refusal(42, [])).toBe('TOKEN_BAD_ENCODING')
  })

  it('refuses a result beyond what every verifier must accept: 64 caveats, 4,096-byte caveats, 8,192 characters (RESTRICT-9)', () => {
    const names = { type: 'project_names', names: ['requests'] }
    const base = PYPITOKEN.base!.token
    const existing = rawCaveats(base).length
    const upTo64 = restricted(base, Array(64 - existing).fill(names))
    expect(rawCaveats(upTo64)).toHaveLength(64)
    expect(refusal(upTo64, [names])).toBe('INVALID_ARGUMENT')
    const long = (n: number) => ({ type: 'project_names', names: ['a' + 'b'.repeat(n)] })
    expect(refusal(base, [long(4096 - 9)])).toBe('ok')
    expect(refusal(base, [long(4096 - 8)])).toBe('INVALID_ARGUMENT')
    const big = restricted(base, [long(4000)])
    expect(big.length).toBeLessThan(8192)
    expect(refusal(big, [long(1000)])).toBe('ok')
    expect(refusal(big, [long(3000)])).toBe('INVALID_ARGUMENT')
  })

  it('writes a token of exactly 8,192 characters and refuses one of 8,193 (RESTRICT-9, LIMIT-1)', () => {
    const long = (n: number) => ({ type: 'project_names', names: ['a' + 'b'.repeat(n)] })
    const big = restricted(PYPITOKEN.base!.token, [long(4000)])
    const lengthWith = (n: number) => {
      const r = restrict(big, [long(n)] as Restriction[])
      return r.ok ? r.token.length : null
    }
    // Each added byte adds 4/3 characters: find the names that land on 8,192 and on the next length written.
    let n = Math.floor(((8192 - big.length) * 3) / 4) - 40
    while ((lengthWith(n) ?? 8193) < 8192) n++
    expect(lengthWith(n)).toBe(8192)
    expect(refusal(big, [long(n + 1)])).toBe('INVALID_ARGUMENT')
  })
})

describe('encodeRestriction', () => {
  it('writes the caveat a restricter would (RESTRICT-1), and throws on a type no module has: a caller bug', () => {
    expect(encodeRestriction({ type: 'project_names', names: ['a'] })).toBe('[1,["a"]]')
    expect(() => encodeRestriction({ type: 'paint' } as never)).toThrow(new TypeError('unknown restriction type paint'))
  })
})
