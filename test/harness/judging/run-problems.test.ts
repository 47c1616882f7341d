import { describe, expect, it } from 'vitest'
import type { Summary } from '../../../src/generated/types.js'
import { runFailed, runProblems, type RunFacts } from '../../../src/harness/judging/run-problems.js'

const counts = (over: Partial<Summary> = {}): Summary => ({ PASS: 0, FAIL: 0, XFAIL: 0, XPASS: 0, SKIP: 0, ERROR: 0, HANG: 0, ...over })
const facts = (over: Partial<RunFacts> = {}): RunFacts => ({ startError: null, ops: ['hello', 'verify'], summary: counts({ PASS: 3 }), verdict_summary: counts({ PASS: 3 }), stale_xfails: [], ...over })

describe('runProblems: a run passes only when it ran something (VEC-8)', () => {
  it('has no problem when the adapter started, lists verify, ran vectors and nothing failed', () => {
    expect(runProblems(facts())).toEqual([])
    expect(runProblems(facts({ summary: counts({ PASS: 1, XFAIL: 1, SKIP: 5 }), verdict_summary: counts({ PASS: 2, SKIP: 5 }) }))).toEqual([])
  })

  it("accepts a secret scanner's adapter, whose hello lists detect instead of verify (ADAPT-14)", () => {
    expect(runProblems(facts({ ops: ['hello', 'detect'], summary: counts({ PASS: 2, SKIP: 700 }), verdict_summary: counts({ PASS: 2, SKIP: 700 }) }))).toEqual([])
  })

  it("accepts a macaroon library's adapter, whose hello lists inspect and restrict instead of verify (LIB-1)", () => {
    expect(runProblems(facts({ ops: ['hello', 'inspect', 'mint', 'restrict'], summary: counts({ PASS: 2, SKIP: 700 }), verdict_summary: counts({ PASS: 2, SKIP: 700 }) }))).toEqual([])
  })

  it.each([
    ['the adapter did not start', { startError: 'it exited with status 1', ops: [], summary: counts({ ERROR: 2 }), verdict_summary: counts({ ERROR: 2 }) }, ['the adapter could not be started: it exited with status 1', 'verdict level: 2 ERROR', 'reason level: 2 ERROR']],
    ['its hello lists only hello', { ops: ['hello'], summary: counts({ SKIP: 4 }), verdict_summary: counts({ SKIP: 4 }) }, ["the adapter's hello lists neither verify, detect nor inspect and restrict (it lists hello)", 'no vector was run: all 4 were SKIP']],
    ['its hello lists inspect but not restrict', { ops: ['hello', 'inspect', 'mint'] }, ["the adapter's hello lists neither verify, detect nor inspect and restrict (it lists hello, inspect, mint)"]],
    ['every vector was SKIP', { summary: counts({ SKIP: 4 }), verdict_summary: counts({ SKIP: 4 }) }, ['no vector was run: all 4 were SKIP']],
    ['no vector was selected', { summary: counts(), verdict_summary: counts() }, ['no vector was run: none was selected']],
    ['only the reason level fails', { summary: counts({ PASS: 2, FAIL: 1 }) }, ['reason level: 1 FAIL']],
    ['both levels fail', { summary: counts({ FAIL: 1, XPASS: 1, HANG: 1 }), verdict_summary: counts({ PASS: 1, XPASS: 1, HANG: 1 }) }, ['verdict level: 1 XPASS, 1 HANG', 'reason level: 1 FAIL, 1 XPASS, 1 HANG']],
    ['an xfail entry is stale', { stale_xfails: ['a::*', 'b::c'] }, ['2 stale xfail entries (matching no vector): a::*, b::c']],
  ] as const)('has a problem when %s', (_name, over, problems) => {
    expect(runProblems(facts(over as Partial<RunFacts>))).toEqual(problems)
  })
})

describe('runFailed (VEC-8)', () => {
  it('is the negation of passed', () => {
    expect(runFailed({ passed: true })).toBe(false)
    expect(runFailed({ passed: false })).toBe(true)
  })
})
