import { describe, expect, it } from 'vitest'
import { analyzeCaveats, inspect, mint, narrowingProblems, verify, type Restriction } from '../../src/index.js'
import { KEY, PYPITOKEN, THIRD_PARTY } from '../fixtures/reference-tokens.js'

const T = 1700000000
const A = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
const B = '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76'
const U1 = 'a614e122-a9ee-473c-b6df-8c4f1b776628'
const U2 = '00000000-0000-0000-0000-000000000002'
const exp = (expires_at: number, not_before: number): Restriction => ({ type: 'expiration', expires_at, not_before })
const names = (...n: string[]): Restriction => ({ type: 'project_names', names: n })
const ids = (...i: string[]): Restriction => ({ type: 'project_ids', ids: i })

describe('analyzeCaveats: caveats that can never all hold (spec/restricting.md)', () => {
  it('finds nothing wrong with a token without caveats or with caveats that fit together', () => {
    expect(analyzeCaveats([])).toEqual({ never_valid: false, conflicts: [], not_before: null, expires_at: null, expired: null, not_yet_valid: null, valid_now: null })
    const fine = analyzeCaveats([exp(T + 900, T), names('a', 'b'), { type: 'legacy_project_names', names: ['b', 'c'] }, ids(A), { type: 'user', user_id: U1 }, { type: 'legacy_user' }, { type: 'oidc_publisher', publisher_id: U2, claims: null }], T)
    expect(fine).toMatchObject({ never_valid: false, conflicts: [], not_before: T, expires_at: T + 900, expired: false, not_yet_valid: false, valid_now: true })
  })

  it.each<[string, (Restriction | null)[], number[], RegExp]>([
    ['a caveat every verifier rejects', [names('a'), null], [1], /caveat 1 is malformed, unknown or third-party/],
    ['an inverted window (EXP-3)', [exp(T, T + 900)], [0], /caveat 0's window ends \(2023-11-14T22:13:20Z\) before it starts/],
    ['an empty window (expires_at = not_before)', [exp(T, T)], [0], /ends .* before it starts/],
    ['two windows that do not overlap', [exp(T + 600, T), { type: 'legacy_expiration', expires_at: T + 1800, not_before: T + 600 }], [0, 1], /the windows of caveats 0 and 1 do not overlap: caveat 0 ends at 2023-11-14T22:23:20Z, caveat 1 starts at 2023-11-14T22:23:20Z/],
    ['a window that ends before any time a request can have (CTX-1)', [exp(0, -10)], [0], /before any time a request can have/],
    ['disjoint project names', [names('my-pkg'), exp(T + 60, T), names('other')], [0, 2], /caveats 0 and 2 allow no project in common \("my-pkg"; "other"\)/],
    ['disjoint names across the tagged and the legacy form (LPNAME-2)', [names('a', 'b'), { type: 'legacy_project_names', names: ['c'] }], [0, 1], /allow no project in common/],
    ['three name lists whose intersection is empty', [names('a', 'b'), names('b', 'c'), names('a', 'c')], [0, 1, 2], /caveats 0, 1 and 2 allow no project in common \("b"; "a", "c"\)/],
    ['an empty name list (PNAME-2)', [names()], [0], /caveat 0 allows no project at all/],
    ['only names that are not in normal form (PNAME-3)', [names('Foo_Bar', 'a..b')], [0], /lists only "Foo_Bar", "a..b", which are not project names in PEP 503 normal form and never match/],
    ['disjoint project ids', [ids(A), { type: 'legacy_project_ids', ids: [B] }], [0, 1], /allow no project id in common/],
    ['only upper-case ids (PID-3)', [ids(A.toUpperCase())], [0], /not lowercase UUIDs and never matches/],
    ['two users (USER-3)', [{ type: 'user', user_id: U1 }, { type: 'user', user_id: U2 }], [0, 1], /caveats 0 and 1 name different users/],
    ['an empty user id (CTX-1)', [{ type: 'user', user_id: '' }], [0], /names an empty user id/],
    ['two publishers (OIDC-4)', [{ type: 'oidc_publisher', publisher_id: U1, claims: null }, { type: 'oidc_publisher', publisher_id: U2, claims: null }], [0, 1], /different publishers/],
  ])('is never valid with %s', (_what, caveats, involved, message) => {
    const a = analyzeCaveats(caveats, T)
    expect(a.never_valid).toBe(true)
    expect(a.valid_now).toBe(false)
    expect(a.conflicts).toHaveLength(1)
    expect(a.conflicts[0]!.caveats).toEqual(involved)
    expect(a.conflicts[0]!.message).toMatch(message)
  })

  it('keeps names and ids apart, and allows a user beside a publisher (CTX-2)', () => {
    expect(analyzeCaveats([names('a'), ids(A), { type: 'user', user_id: U1 }, { type: 'oidc_publisher', publisher_id: U2, claims: null }]).never_valid).toBe(false)
  })

  it('says expired, not valid yet and valid now against now, with the window the caveats leave', () => {
    const caveats = [exp(T + 900, T), exp(T + 600, T - 100)]
    expect(analyzeCaveats(caveats, T - 1)).toMatchObject({ not_before: T, expires_at: T + 600, expired: false, not_yet_valid: true, valid_now: false })
    expect(analyzeCaveats(caveats, T)).toMatchObject({ expired: false, not_yet_valid: false, valid_now: true })
    expect(analyzeCaveats(caveats, T + 599)).toMatchObject({ valid_now: true })
    expect(analyzeCaveats(caveats, T + 600)).toMatchObject({ expired: true, valid_now: false, never_valid: false })
  })

  it('agrees with verify: whenever it says never valid, no context makes verify accept (spot check)', () => {
    const caveats = [names('a'), names('b')]
    const minted = mint({ key: KEY, identifier: 'x', caveats })
    if (!minted.ok) throw new Error(minted.message)
    for (const name of ['a', 'b']) {
      expect(verify(minted.token, KEY, { now: T, project: { name, normalized_name: name, id: A } }).valid).toBe(false)
    }
    expect(analyzeCaveats(caveats).never_valid).toBe(true)
  })
})

describe('inspect reports the analysis', () => {
  it('adds never_valid, the window and, with now, expired and valid_now', () => {
    const r = inspect(PYPITOKEN.all!.token, { now: T + 10 })
    expect(r.ok && r.token).toMatchObject({ never_valid: false, conflicts: [], not_before: T, expires_at: T + 3600, expired: false, not_yet_valid: false, valid_now: true })
    const later = inspect(PYPITOKEN.all!.token, { now: T + 3600 })
    expect(later.ok && later.token).toMatchObject({ expired: true, valid_now: false })
    const timeless = inspect(PYPITOKEN.all!.token)
    expect(timeless.ok && timeless.token).toMatchObject({ expired: null, valid_now: null, never_valid: false })
  })

  it('calls a token with a third-party caveat never valid', () => {
    const r = inspect(THIRD_PARTY, { now: T })
    expect(r.ok && r.token).toMatchObject({ never_valid: true, valid_now: false, conflicts: [{ caveats: [0] }] })
  })
})

describe('narrowingProblems: what the CLI refuses to append without --force', () => {
  const existing = [exp(T + 600, T - 60), names('my-pkg')]
  it('accepts a restriction that narrows', () => {
    expect(narrowingProblems(existing, [exp(T + 300, T - 60)], T)).toEqual([])
    expect(narrowingProblems(existing, [names('my-pkg', 'other')], T)).toEqual([])
    expect(narrowingProblems([], [exp(T + 300, T - 60), names('a')], T)).toEqual([])
  })

  it('refuses a project outside the token, a window outside it, and an expiry that adds nothing', () => {
    expect(narrowingProblems(existing, [names('other')], T)).toEqual([{ kind: 'never-valid', message: 'the token could never be used: caveats 1 and 2 allow no project in common ("my-pkg"; "other")' }])
    expect(narrowingProblems(existing, [exp(T + 1200, T + 900)], T)).toEqual([
      { kind: 'never-valid', message: expect.stringMatching(/^the token could never be used: the windows of caveats 0 and 2 do not overlap/) },
    ])
    expect(narrowingProblems(existing, [exp(T + 86400, T - 60)], T)).toEqual([
      { kind: 'adds-nothing', message: 'caveat 2 (until 2023-11-15T22:13:20Z) adds nothing: the token already expires at 2023-11-14T22:23:20Z (in 10 minutes)' },
    ])
  })

  it('lets a later start through: it narrows even when the end does not', () => {
    expect(narrowingProblems(existing, [exp(T + 86400, T + 300)], T)).toEqual([])
  })

  it('refuses anything on a token that is already expired or unusable, and an expiry already past', () => {
    expect(narrowingProblems(existing, [names('my-pkg')], T + 600)).toEqual([{ kind: 'expired', message: 'the token already expired at 2023-11-14T22:23:20Z (now)' }])
    expect(narrowingProblems([names('a'), names('b')], [ids(A)], T)).toEqual([{ kind: 'unusable', message: 'the token can already never be used: caveats 0 and 1 allow no project in common ("a"; "b")' }])
    expect(narrowingProblems([], [exp(T, T - 60)], T)).toEqual([{ kind: 'expired', message: 'the token would already be expired: caveat 0 ends at 2023-11-14T22:13:20Z, which is not in the future' }])
  })
})
