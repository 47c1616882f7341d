import { describe, expect, it } from 'vitest'
import { handle } from '../../../src/adapter/handle.js'
import type { InspectedToken, MintVector, Vector, VerifyVector } from '../../../src/generated/types.js'
import { judge, type Graded, type Judgement } from '../../../src/harness/judging/judge.js'
import { FAILURES_NOT_REPORTED } from '../../../src/harness/judging/judge-verify.js'
import { PASS } from '../../../src/harness/judging/judgement.js'
import { mint } from '../../../src/index.js'
import { ctx, IDENTIFIER, KEY, KEY_HEX, LOCATION, token } from '../fixtures/build-vectors.js'

const base = { description: 'd', spec: ['VERIFY-1'] as [string], flags: [] as string[] }
const T = token(['[1,["sampleproject"]]'])
const verifyVector = (expected: VerifyVector['expected']): Vector => ({ ...base, id: 't::v', op: 'verify', input: { token: T, key: KEY_HEX, context: ctx() }, expected })
const said = (valid: boolean, reason: string | null = null) => ({ id: 1, ok: true, valid, reason, message: reason === null ? null : 'why' })

/** Both levels in one line: `PASS`, `FAIL: message`, or `PASS / FAIL: message` when they differ (verdict / reason). */
function levels(j: Graded): string {
  const one = (x: Judgement) => (x.message === undefined ? x.outcome : `${x.outcome}: ${x.message}`)
  return j.verdict.outcome === j.reason.outcome && j.verdict.message === j.reason.message ? one(j.verdict) : `${j.verdict.outcome} / ${one(j.reason)}`
}

describe('judge: verify at the verdict and the reason level (VEC-3, VEC-4, VEC-7)', () => {
  const wrong = (expected: string, got: string) => `PASS / FAIL: expected ${expected}, got invalid (${got}): wrong reason`
  it.each([
    ['valid', { result: 'valid' }, said(true), 'PASS'],
    ['valid, answered invalid', { result: 'valid' }, said(false, 'SIGNATURE_MISMATCH'), 'FAIL: expected valid, got invalid (SIGNATURE_MISMATCH)'],
    ['invalid with the reason', { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }, said(false, 'CAVEAT_NOT_SATISFIED'), 'PASS'],
    ['invalid, answered valid', { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }, said(true), 'FAIL: expected invalid (CAVEAT_NOT_SATISFIED), got valid'],
    ['invalid, another reason', { result: 'invalid', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_UNKNOWN'), wrong('invalid (CAVEAT_MALFORMED)', 'CAVEAT_UNKNOWN')],
    ['invalid, an acceptable other reason', { result: 'invalid', reason: 'CAVEAT_MALFORMED', acceptable_reasons: ['CAVEAT_UNKNOWN'] }, said(false, 'CAVEAT_UNKNOWN'), 'PASS'],
    ['invalid, a reason neither expected nor acceptable', { result: 'invalid', reason: 'CAVEAT_MALFORMED', acceptable_reasons: ['CAVEAT_UNKNOWN'] }, said(false, 'SIGNATURE_MISMATCH'), wrong('invalid (CAVEAT_MALFORMED or CAVEAT_UNKNOWN)', 'SIGNATURE_MISMATCH')],
    ['invalid with acceptable reasons, answered valid', { result: 'invalid', reason: 'CAVEAT_MALFORMED', acceptable_reasons: ['CAVEAT_UNKNOWN'] }, said(true), 'FAIL: expected invalid (CAVEAT_MALFORMED or CAVEAT_UNKNOWN), got valid'],
    ['acceptable, answered valid', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(true), 'PASS'],
    ['acceptable, answered invalid with the reason', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_MALFORMED'), 'PASS'],
    ['acceptable, answered another reason', { result: 'acceptable', reason: 'CAVEAT_MALFORMED' }, said(false, 'CAVEAT_UNKNOWN'), wrong('valid or invalid (CAVEAT_MALFORMED)', 'CAVEAT_UNKNOWN')],
    ['acceptable, answered an acceptable other reason', { result: 'acceptable', reason: 'CAVEAT_MALFORMED', acceptable_reasons: ['CAVEAT_UNKNOWN'] }, said(false, 'CAVEAT_UNKNOWN'), 'PASS'],
  ] as const)('%s', (_name, expected, response, outcome) => {
    expect(levels(judge(verifyVector(expected as VerifyVector['expected']), response))).toBe(outcome)
  })

  describe('the failures a verifier must report (VERIFY-5, ADAPT-11)', () => {
    const expected: VerifyVector['expected'] = {
      result: 'invalid',
      reason: 'CAVEAT_MALFORMED',
      failures: [
        { index: 0, reason: 'CAVEAT_NOT_SATISFIED' },
        { index: 1, reason: 'CAVEAT_MALFORMED' },
      ],
    }
    const listing = (...failures: [number | null, string][]) => ({ ...said(false, 'CAVEAT_MALFORMED'), failures: failures.map(([index, reason]) => ({ index, reason, message: 'm' })) })

    it('passes the same (index, reason) sequence at the reason level; messages are free', () => {
      expect(judge(verifyVector(expected), listing([0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_MALFORMED']))).toEqual({ verdict: PASS, reason: PASS, failuresChecked: true })
    })

    it.each([
      ['one missing', [[1, 'CAVEAT_MALFORMED']], '[1 CAVEAT_MALFORMED]'],
      ['in another order', [[1, 'CAVEAT_MALFORMED'], [0, 'CAVEAT_NOT_SATISFIED']], '[1 CAVEAT_MALFORMED, 0 CAVEAT_NOT_SATISFIED]'],
      ['another reason', [[0, 'CAVEAT_UNKNOWN'], [1, 'CAVEAT_MALFORMED']], '[0 CAVEAT_UNKNOWN, 1 CAVEAT_MALFORMED]'],
      ['one too many', [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_MALFORMED'], [null, 'SIGNATURE_MISMATCH']], '[0 CAVEAT_NOT_SATISFIED, 1 CAVEAT_MALFORMED, token SIGNATURE_MISMATCH]'],
    ] as const)('fails a failure list with %s at the reason level only', (_name, failures, got) => {
      const j = judge(verifyVector(expected), listing(...(failures as unknown as [number | null, string][])))
      expect(levels(j)).toBe(`PASS / FAIL: failures: expected [0 CAVEAT_NOT_SATISFIED, 1 CAVEAT_MALFORMED], got ${got}`)
      expect(j.failuresChecked).toBe(true)
    })

    it('does not check a response without failures, and says so', () => {
      const j = judge(verifyVector(expected), said(false, 'CAVEAT_MALFORMED'))
      expect(j).toEqual({ verdict: PASS, reason: { outcome: 'PASS', message: FAILURES_NOT_REPORTED }, failuresChecked: false })
      expect(FAILURES_NOT_REPORTED).toMatch(/^failures not reported/)
    })

    it('grades the index of a single failing caveat too (VERIFY-5, VEC-4)', () => {
      const single: VerifyVector['expected'] = { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED', failures: [{ index: 0, reason: 'CAVEAT_NOT_SATISFIED' }] }
      const one = (index: number | null) => ({ ...said(false, 'CAVEAT_NOT_SATISFIED'), failures: [{ index, reason: 'CAVEAT_NOT_SATISFIED', message: 'm' }] })
      expect(judge(verifyVector(single), one(0))).toEqual({ verdict: PASS, reason: PASS, failuresChecked: true })
      expect(levels(judge(verifyVector(single), one(null)))).toBe('PASS / FAIL: failures: expected [0 CAVEAT_NOT_SATISFIED], got [token CAVEAT_NOT_SATISFIED]')
      expect(levels(judge(verifyVector(single), one(1)))).toBe('PASS / FAIL: failures: expected [0 CAVEAT_NOT_SATISFIED], got [1 CAVEAT_NOT_SATISFIED]')
    })

    it('checks the reason before the list, and the list only when the vector has one', () => {
      expect(levels(judge(verifyVector(expected), { ...listing([0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_MALFORMED']), reason: 'CAVEAT_UNKNOWN' }))).toBe(wrong('invalid (CAVEAT_MALFORMED)', 'CAVEAT_UNKNOWN'))
      expect(judge(verifyVector({ result: 'invalid', reason: 'CAVEAT_MALFORMED' }), listing([5, 'CAVEAT_UNKNOWN']))).toEqual({ verdict: PASS, reason: PASS })
    })
  })

  it('skips what the adapter does not support, and errors on adapter faults (ADAPT-6)', () => {
    const v = verifyVector({ result: 'valid' })
    expect(levels(judge(v, { id: 1, ok: false, error: { code: 'unsupported' } }))).toBe('SKIP: the adapter does not support this verify')
    expect(levels(judge(v, { id: 1, ok: false, error: { code: 'internal', message: 'KeyError' } }))).toBe('ERROR: the adapter reported internal: KeyError')
    expect(levels(judge(v, { id: 1, ok: false, error: { code: 'bad_request' } }))).toBe('ERROR: the adapter reported bad_request')
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
    ['failures that are not a list', { ...said(false, 'CAVEAT_UNKNOWN'), failures: { index: 0 } }, /does not match VerifyResponse/],
    ['a failure without its index', { ...said(false, 'CAVEAT_UNKNOWN'), failures: [{ reason: 'CAVEAT_UNKNOWN' }] }, /does not match VerifyResponse/],
  ])('errors at both levels on a response that breaks the protocol: %s', (_name, response, message) => {
    const j = judge(verifyVector({ result: 'valid' }), response)
    expect(j.reason).toEqual(j.verdict)
    expect(j.verdict.outcome).toBe('ERROR')
    expect(j.verdict.message).toMatch(message)
  })
})

describe('judge: inspect (VEC-4, VEC-7, ADAPT-9)', () => {
  const reference = handle({ id: 1, op: 'inspect', token: T }) as { token: InspectedToken }
  const valid: Vector = { ...base, id: 't::i', op: 'inspect', input: { token: T }, expected: { result: 'valid', token: reference.token } }
  const rejected: Vector = { ...base, id: 't::j', op: 'inspect', input: { token: `${T}=` }, expected: { result: 'invalid', reason: 'TOKEN_BAD_ENCODING' } }

  it('passes equal parts, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(reference.token).reverse())
    expect(levels(judge(valid, { id: 1, ok: true, token: reordered }))).toBe('PASS')
  })

  it('fails on the first differing part and names it', () => {
    const changed = { ...reference.token, caveats: ['[1, ["sampleproject"]]'] }
    expect(levels(judge(valid, { id: 1, ok: true, token: changed }))).toBe('FAIL: token.caveats[0]: expected "[1,[\\"sampleproject\\"]]", got "[1, [\\"sampleproject\\"]]"')
    expect(levels(judge(valid, { id: 1, ok: true, token: { ...reference.token, location: null } }))).toBe('FAIL: token.location: expected "index.example", got null')
  })

  it('fails a rejection where parts were expected, and parts where a rejection was, at both levels', () => {
    expect(levels(judge(valid, { id: 1, ok: true, error: { code: 'TOKEN_BAD_PREFIX', message: 'm' } }))).toBe('FAIL: expected a parsed token, got error TOKEN_BAD_PREFIX (m)')
    expect(levels(judge(rejected, { id: 1, ok: true, token: reference.token }))).toBe('FAIL: expected error TOKEN_BAD_ENCODING, got a parsed token')
  })

  it('passes any rejection at the verdict level, and only the expected or an acceptable code at the reason level', () => {
    expect(levels(judge(rejected, { id: 1, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } }))).toBe('PASS')
    expect(levels(judge(rejected, { id: 1, ok: true, error: { code: 'MACAROON_MALFORMED' } }))).toBe('PASS / FAIL: expected error TOKEN_BAD_ENCODING, got error MACAROON_MALFORMED')
    const lenient = { ...rejected, expected: { result: 'invalid', reason: 'TOKEN_BAD_ENCODING', acceptable_reasons: ['MACAROON_MALFORMED'] } } as Vector
    expect(levels(judge(lenient, { id: 1, ok: true, error: { code: 'MACAROON_MALFORMED' } }))).toBe('PASS')
    expect(levels(judge(lenient, { id: 1, ok: true, error: { code: 'TOKEN_BAD_PREFIX' } }))).toBe('PASS / FAIL: expected error TOKEN_BAD_ENCODING or MACAROON_MALFORMED, got error TOKEN_BAD_PREFIX')
  })
})

describe('judge: mint (VEC-4, VEC-7, ADAPT-12)', () => {
  const input = { key: KEY_HEX, location: LOCATION, identifier: IDENTIFIER, prefix: 'pypi', caveats: ['[1,["sampleproject"]]'] }
  const valid: Vector = { ...base, id: 't::m', op: 'mint', input, expected: { result: 'valid', token: T } }
  const refused: MintVector = { ...base, id: 't::n', op: 'mint', input: { ...input, prefix: 'py-pi' }, expected: { result: 'invalid', reason: 'INVALID_ARGUMENT' } }

  it('compares tokens byte for byte and points at the first difference', () => {
    expect(levels(judge(valid, { id: 1, ok: true, token: T }))).toBe('PASS')
    const other = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: ['[1, ["sampleproject"]]'] })
    expect(levels(judge(valid, { id: 1, ok: true, token: other.ok ? other.token : '' }))).toMatch(/^FAIL: token: expected ".*", got ".*" \(first difference at character \d+\)$/)
  })

  it('compares rejection codes', () => {
    expect(levels(judge(refused, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT' } }))).toBe('PASS')
    expect(levels(judge(refused, { id: 1, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } }))).toBe('PASS / FAIL: expected error INVALID_ARGUMENT, got error TOKEN_BAD_ENCODING')
    expect(levels(judge(refused, { id: 1, ok: true, token: T }))).toBe('FAIL: expected error INVALID_ARGUMENT, got a token')
    expect(levels(judge(valid, { id: 1, ok: true, error: { code: 'INVALID_ARGUMENT' } }))).toBe('FAIL: expected a token, got error INVALID_ARGUMENT')
  })
})
