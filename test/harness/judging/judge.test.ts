import { describe, expect, it } from 'vitest'
import { handle } from '../../../src/adapter/handle.js'
import type { InspectedToken, MintVector, Vector, VerifyVector } from '../../../src/generated/types.js'
import { judge } from '../../../src/harness/judging/judge.js'
import { mint } from '../../../src/index.js'
import { ctx, IDENTIFIER, KEY, KEY_HEX, LOCATION, token } from '../fixtures/build-vectors.js'

const base = { description: 'd', spec: ['VERIFY-1'] as [string], flags: [] as string[] }
const T = token(['[1,["sampleproject"]]'])
const verifyVector = (expected: VerifyVector['expected']): Vector => ({ ...base, id: 't::v', op: 'verify', input: { token: T, key: KEY_HEX, context: ctx() }, expected })
const said = (valid: boolean, reason: string | null = null) => ({ id: 1, ok: true, valid, reason, message: reason === null ? null : 'why' })

describe('judge: verify (VEC-3, VEC-4)', () => {
  it.each([
    ['valid', { result: 'valid' }, said(true), 'PASS', undefined],
    ['valid, answered invalid', { result: 'valid' }, said(false, 'SIGNATURE_MISMATCH'), 'FAIL', 'expected valid, got invalid (SIGNATURE_MISMATCH)'],
    ['invalid with the reason', { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }, said(false, 'CAVEAT_NOT_SATISFIED'), 'PASS', undefined],
    ['invalid, answered valid', { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }, said(true), 'FAIL', 'expected invalid (CAVEAT_NOT_SATISFIED), got valid'],
    ['invalid, another reason', { result: 'invalid', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_UNKNOWN'), 'FAIL', 'expected invalid (CAVEAT_MALFORMED), got invalid (CAVEAT_UNKNOWN): wrong reason'],
    ['acceptable, answered valid', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(true), 'PASS', undefined],
    ['acceptable, answered invalid with the reason', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_MALFORMED'), 'PASS', undefined],
    ['acceptable, answered another reason', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_UNKNOWN'), 'FAIL', 'expected valid or invalid (CAVEAT_MALFORMED), got invalid (CAVEAT_UNKNOWN): wrong reason'],
  ] as const)('%s', (_name, expected, response, outcome, message) => {
    expect(judge(verifyVector(expected as VerifyVector['expected']), response)).toEqual(message === undefined ? { outcome } : { outcome, message })
  })

  it('skips what the adapter does not support, and errors on adapter faults (ADAPT-6)', () => {
    const v = verifyVector({ result: 'valid' })
    expect(judge(v, { id: 1, ok: false, error: { code: 'unsupported' } }).outcome).toBe('SKIP')
    expect(judge(v, { id: 1, ok: false, error: { code: 'internal', message: 'KeyError' } })).toEqual({ outcome: 'ERROR', message: 'the adapter reported internal: KeyError' })
    expect(judge(v, { id: 1, ok: false, error: { code: 'bad_request' } })).toEqual({ outcome: 'ERROR', message: 'the adapter reported bad_request' })
  })

  it.each([
    ['valid is not a boolean', { id: 1, ok: true, valid: 'yes', reason: null, message: null }, /does not match VerifyResponse/],
    ['an unknown reason code', { id: 1, ok: true, valid: false, reason: 'EXPIRED', message: 'x' }, /does not match VerifyResponse/],
    ['a missing member', { id: 1, ok: true, valid: true }, /does not match VerifyResponse/],
    ['an ok:false without error', { id: 1, ok: false }, /does not match AdapterError/],
    ['an unknown error code', { id: 1, ok: false, error: { code: 'crashed' } }, /does not match AdapterError/],
    ['valid with a reason', { id: 1, ok: true, valid: true, reason: 'CAVEAT_UNKNOWN', message: null }, /says valid but gives reason/],
    ['invalid without a reason', { id: 1, ok: true, valid: false, reason: null, message: null }, /says invalid but gives no reason/],
    ['not an object', [1, 2], /not a JSON object/],
  ])('errors on a response that breaks the protocol: %s', (_name, response, message) => {
    const j = judge(verifyVector({ result: 'valid' }), response)
    expect(j.outcome).toBe('ERROR')
    expect(j.message).toMatch(message)
  })
})

describe('judge: inspect (VEC-4, ADAPT-9)', () => {
  const reference = handle({ id: 1, op: 'inspect', token: T }) as { token: InspectedToken }
  const valid: Vector = { ...base, id: 't::i', op: 'inspect', input: { token: T }, expected: { result: 'valid', token: reference.token } }
  const rejected: Vector = { ...base, id: 't::j', op: 'inspect', input: { token: `${T}=` }, expected: { result: 'invalid', reason: 'TOKEN_BAD_ENCODING' } }

  it('passes equal parts, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(reference.token).reverse())
    expect(judge(valid, { id: 1, ok: true, token: reordered })).toEqual({ outcome: 'PASS' })
  })

  it('fails on the first differing part and names it', () => {
    const changed = { ...reference.token, caveats: ['[1, ["sampleproject"]]'] }
    expect(judge(valid, { id: 1, ok: true, token: changed })).toEqual({ outcome: 'FAIL', message: 'token.caveats[0]: expected "[1,[\\"sampleproject\\"]]", got "[1, [\\"sampleproject\\"]]"' })
    expect(judge(valid, { id: 1, ok: true, token: { ...reference.token, location: null } }).message).toBe('token.location: expected "index.example", got null')
  })

  it('fails a rejection where parts were expected, and parts where a rejection was', () => {
    expect(judge(valid, { id: 1, ok: true, error: { code: 'TOKEN_BAD_PREFIX', message: 'm' } }).message).toBe('expected a parsed token, got error TOKEN_BAD_PREFIX (m)')
    expect(judge(rejected, { id: 1, ok: true, token: reference.token }).message).toBe('expected error TOKEN_BAD_ENCODING, got a parsed token')
    expect(judge(rejected, { id: 1, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } })).toEqual({ outcome: 'PASS' })
    expect(judge(rejected, { id: 1, ok: true, error: { code: 'MACAROON_MALFORMED' } }).message).toBe('expected error TOKEN_BAD_ENCODING, got error MACAROON_MALFORMED')
  })
})

describe('judge: mint (VEC-4, ADAPT-12)', () => {
  const input = { key: KEY_HEX, location: LOCATION, identifier: IDENTIFIER, prefix: 'pypi', caveats: ['[1,["sampleproject"]]'] }
  const valid: Vector = { ...base, id: 't::m', op: 'mint', input, expected: { result: 'valid', token: T } }
  const refused: MintVector = { ...base, id: 't::n', op: 'mint', input: { ...input, prefix: 'py-pi' }, expected: { result: 'invalid', reason: 'INVALID_ARGUMENT' } }

  it('compares tokens byte for byte and points at the first difference', () => {
    expect(judge(valid, { id: 1, ok: true, token: T })).toEqual({ outcome: 'PASS' })
    const other = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: ['[1, ["sampleproject"]]'] })
    const j = judge(valid, { id: 1, ok: true, token: other.ok ? other.token : '' })
    expect(j.outcome).toBe('FAIL')
    expect(j.message).toMatch(/^token: expected ".*", got ".*" \(first difference at character \d+\)$/)
  })

  it('compares rejection codes', () => {
    expect(judge(refused, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT' } })).toEqual({ outcome: 'PASS' })
    expect(judge(refused, { id: 1, ok: true, token: T }).message).toBe('expected error INVALID_ARGUMENT, got a token')
    expect(judge(valid, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT' } }).message).toBe('expected a token, got error INVALID_ARGUMENT')
  })
})
