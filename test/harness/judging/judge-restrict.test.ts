import { describe, expect, it } from 'vitest'
import type { RestrictVector } from '../../../src/generated/types.js'
import { judge } from '../../../src/harness/judging/judge.js'
import { requestOf } from '../../../src/harness/run.js'
import { dumpToken, mint, parseToken, restrict } from '../../../src/index.js'
import { IDENTIFIER, KEY, KEY_HEX, LOCATION, T0 } from '../fixtures/build-vectors.js'

const ORIGINAL = '[1,["sampleproject"]]'
const base = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: [ORIGINAL] })
const T = base.ok ? base.token : ''
const restrictions = [
  { type: 'expiration' as const, expires_at: T0 + 900, not_before: T0 },
  { type: 'legacy_expiration' as const, expires_at: T0 + 900, not_before: T0 },
]
const vector: RestrictVector = {
  id: 't::r',
  description: 'd',
  spec: ['ADAPT-13'],
  flags: [],
  op: 'restrict',
  input: { token: T, key: KEY_HEX, restrictions },
  expected: { result: 'valid', caveats: [[0, T0 + 900, T0], { exp: T0 + 900, nbf: T0 }] },
}

/** A token minted with the fixture key: a correct signature chain over whatever it is given. */
function minted(caveats: string[], over: { identifier?: string; location?: string; prefix?: string } = {}): string {
  const m = mint({ key: KEY, identifier: over.identifier ?? IDENTIFIER, location: over.location ?? LOCATION, prefix: over.prefix ?? 'pypi', caveats })
  if (!m.ok) throw new Error(m.message)
  return m.token
}
/** A restricted token is judged the same at both levels. */
const answer = (token: string) => {
  const j = judge(vector, { id: 1, ok: true, token })
  expect(j.reason).toEqual(j.verdict)
  return j.verdict
}
const EXP = `[0,${T0 + 900},${T0}]`
const LEGACY = `{"exp":${T0 + 900},"nbf":${T0}}`

describe('judge: restrict (VEC-4, VEC-7, ADAPT-13)', () => {
  it("passes the reference restricter's token", () => {
    const r = restrict(T, restrictions)
    expect(r.ok && answer(r.token)).toEqual({ outcome: 'PASS' })
  })

  it('compares appended caveats as JSON values: whitespace and key order are free', () => {
    expect(answer(minted([ORIGINAL, `[0, ${T0 + 900}, ${T0}]`, `{ "nbf": ${T0}, "exp": ${T0 + 900} }`]))).toEqual({ outcome: 'PASS' })
  })

  it('never sends the key to the adapter', () => {
    expect(requestOf(vector)).toEqual({ op: 'restrict', token: T, restrictions })
  })

  it.each([
    ['a wrong signature', () => {
      const p = parseToken(minted([ORIGINAL, EXP, LEGACY]))
      if (!p.ok) throw new Error('fixture')
      const sig = Uint8Array.from(p.token.macaroon.signature)
      sig[0] = (sig[0] as number) ^ 1
      return dumpToken({ prefix: 'pypi', macaroon: { ...p.token.macaroon, signature: sig } })
    }, /^signature [0-9a-f]{16}… does not match the chain computed with the key/],
    ['appended caveats reordered', () => minted([ORIGINAL, LEGACY, EXP]), /^caveat 1: expected \[0,1700000900,1700000000\], got/],
    ['an appended caveat missing', () => minted([ORIGINAL, EXP]), /^expected 2 appended caveats, got 1$/],
    ['an extra caveat', () => minted([ORIGINAL, EXP, LEGACY, EXP]), /^expected 2 appended caveats, got 3$/],
    ['a changed identifier', () => minted([ORIGINAL, EXP, LEGACY], { identifier: 'another-identifier' }), /^identifier changed from "d4d8a706-.*" to "another-identifier"$/],
    ['a changed location', () => minted([ORIGINAL, EXP, LEGACY], { location: 'other.example' }), /^location changed$/],
    ['a changed prefix', () => minted([ORIGINAL, EXP, LEGACY], { prefix: 'pypj' }), /^prefix changed from "pypi" to "pypj"$/],
    ['an original caveat rewritten', () => minted(['[1, ["sampleproject"]]', EXP, LEGACY]), /^original caveat 0 changed/],
    ['an original caveat dropped', () => minted([EXP, LEGACY]), /^original caveat 0 changed/],
    ['an appended caveat that is not strict JSON', () => minted([ORIGINAL, `[0,${T0 + 900}.0,${T0}]`, LEGACY]), /^caveat 1 .* is not strict JSON/],
    ['an appended caveat with another value', () => minted([ORIGINAL, `[0,${T0 + 901},${T0}]`, LEGACY]), /^caveat 1: expected \[0,1700000900,1700000000\], got "\[0,1700000901,1700000000\]"$/],
    ['a token that does not parse', () => `${T}=`, /^the restricted token does not parse: TOKEN_BAD_ENCODING/],
  ])('fails %s', (_name, build, message) => {
    const j = answer(build())
    expect(j.outcome).toBe('FAIL')
    expect(j.message).toMatch(message)
  })

  it('passes any rejection at the verdict level, and compares its code at the reason level', () => {
    const refused: RestrictVector = { ...vector, expected: { result: 'invalid', reason: 'INVALID_ARGUMENT' } }
    expect(judge(refused, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT' } })).toEqual({ verdict: { outcome: 'PASS' }, reason: { outcome: 'PASS' } })
    expect(judge(refused, { id: 1, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } })).toEqual({
      verdict: { outcome: 'PASS' },
      reason: { outcome: 'FAIL', message: 'expected error INVALID_ARGUMENT, got error TOKEN_BAD_ENCODING' },
    })
    const lenient: RestrictVector = { ...vector, expected: { result: 'invalid', reason: 'INVALID_ARGUMENT', acceptable_reasons: ['TOKEN_BAD_ENCODING'] } }
    expect(judge(lenient, { id: 1, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } }).reason).toEqual({ outcome: 'PASS' })
    expect(judge(refused, { id: 1, ok: true, token: T }).verdict.message).toBe('expected error INVALID_ARGUMENT, got a token')
    expect(judge(vector, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT', message: 'no' } }).verdict.message).toBe('expected a restricted token, got error INVALID_ARGUMENT (no)')
  })
})
