import { describe, expect, it } from 'vitest'
import type { DetectVector } from '../../../src/generated/types.js'
import { judge } from '../../../src/harness/judging/judge.js'
import { INDEX_NOT_REPORTED } from '../../../src/harness/judging/judge-detect.js'
import { PASS } from '../../../src/harness/judging/judgement.js'

const TOKEN = 'pypi-AgEItokentokentoken'
const vector = (expected: DetectVector['expected']): DetectVector => ({ id: 'detection::t', description: 'd', spec: ['DETECT-1'], flags: [], op: 'detect', input: { text: `x=${TOKEN}` }, expected })
const said = (...findings: { match: string; index?: string }[]) => ({ id: 1, ok: true, findings })
const detected = vector({ result: 'detected', token: TOKEN, index: 'production' })
const none = vector({ result: 'not_detected' })

describe('judge: detect at the verdict and the reason level (ADAPT-14, VEC-4, VEC-7)', () => {
  it('passes the whole token with its index, or without one (then saying so)', () => {
    expect(judge(detected, said({ match: TOKEN, index: 'production' }))).toEqual({ verdict: PASS, reason: PASS })
    expect(judge(detected, said({ match: TOKEN }))).toEqual({ verdict: PASS, reason: { outcome: 'PASS', message: INDEX_NOT_REPORTED } })
  })

  it('fails both levels for a missed token and for a false alarm', () => {
    const missed = judge(detected, said())
    expect([missed.verdict.outcome, missed.reason.outcome]).toEqual(['FAIL', 'FAIL'])
    const alarm = judge(none, said({ match: TOKEN }))
    expect([alarm.verdict.outcome, alarm.reason.outcome]).toEqual(['FAIL', 'FAIL'])
    expect(judge(none, said())).toEqual({ verdict: PASS, reason: PASS })
  })

  it('fails only the reason level for a token cut short, another index, or two findings', () => {
    const cut = judge(detected, said({ match: TOKEN.slice(0, 12) }))
    expect(cut.verdict).toEqual(PASS)
    expect(cut.reason).toEqual({ outcome: 'FAIL', message: `the finding is not the whole token: only its first 12 of ${TOKEN.length} characters` })
    expect(judge(detected, said({ match: TOKEN, index: 'test' })).reason).toEqual({ outcome: 'FAIL', message: 'expected the production index, got test' })
    expect(judge(detected, said({ match: TOKEN }, { match: TOKEN })).reason.outcome).toBe('FAIL')
    expect(judge(detected, said({ match: `${TOKEN}x` })).reason.outcome).toBe('FAIL')
  })

  it('is an ERROR when the response does not match DetectResponse', () => {
    expect(judge(detected, { id: 1, ok: true, findings: [{ token: TOKEN }] }).verdict.outcome).toBe('ERROR')
    expect(judge(detected, { id: 1, ok: true, findings: [{ match: TOKEN, index: 'staging' }] }).verdict.outcome).toBe('ERROR')
  })
})
