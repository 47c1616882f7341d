/**
 * The two conformance levels in a run (VEC-7), against variants of the reference adapter
 * (fixtures/reference-variant.ts): results keep the reason level in `outcome` and the verdict
 * level in `verdict`, xfail entries act at their level (VEC-6), and failure lists are compared
 * only when the adapter reports them.
 */
import { describe, expect, it } from 'vitest'
import type { ConformanceResults, XfailEntry } from '../../src/generated/types.js'
import { Xfails } from '../../src/harness/judging/xfail.js'
import { runConformance, type RunOptions } from '../../src/harness/run.js'
import { loadVectors } from '../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, ManualClock, REFERENCE, ROOT, SLOW, twoFailuresSuite, variant } from './helpers.js'

const run = (options: Partial<RunOptions> & Pick<RunOptions, 'adapter'>) => runConformance({ clock: new ManualClock(), suite: loadVectors(FIXTURE_VECTORS), cwd: ROOT, onStderr: () => {}, ...options })
const by = (r: ConformanceResults) => Object.fromEntries(r.results.map((x) => [x.id, x]))
const entry = (id: string, level: 'verdict' | 'reason' = 'verdict'): XfailEntry => ({ id, reason: 'reports another code', spec: ['VEC-7'], level, effect: 'only the reason', class: 'reason-only' })

/** Vectors whose expected rejection the other-reasons variant gets right in verdict but not in code. */
const REASON_ONLY = [
  'expiration::at-expires-at',
  'expiration::before-window',
  'expiration::wrong-key',
  'project-names::other-project',
  'project-names::no-project',
  'project-names::float-tag',
  'token-format::inspect-padding',
  'token-format::mint-bad-prefix',
  'token-format::restrict-empty-window',
]

describe('both levels in a run (VEC-7)', SLOW, () => {
  it('grades a right verdict with another reason PASS at the verdict level and FAIL at the reason level', async () => {
    const r = await run({ adapter: variant('other-reasons') })
    expect(r.verdict_summary).toMatchObject({ PASS: 15, FAIL: 0 })
    expect(r.summary).toMatchObject({ PASS: 6, FAIL: 9 })
    expect(r.results.filter((x) => x.outcome === 'FAIL').map((x) => x.id)).toEqual(REASON_ONLY)
    expect(by(r)['expiration::at-expires-at']).toMatchObject({ verdict: 'PASS', outcome: 'FAIL', message: 'expected invalid (CAVEAT_NOT_SATISFIED), got invalid (CAVEAT_UNKNOWN): wrong reason' })
    expect(by(r)['token-format::mint-bad-prefix']).toMatchObject({ verdict: 'PASS', outcome: 'FAIL', message: 'expected error INVALID_ARGUMENT, got error CAVEAT_UNKNOWN' })
    expect(by(r)['expiration::at-expires-at']).not.toHaveProperty('verdict_message')
    expect(r).toMatchObject({ passed: false, problems: ['reason level: 9 FAIL'] })
  })

  it('grades a wrong verdict FAIL at both levels', async () => {
    const r = await run({ adapter: fake('ok') })
    expect(by(r)['expiration::at-expires-at']).toMatchObject({ verdict: 'FAIL', outcome: 'FAIL' })
    expect(r.verdict_summary).toEqual(r.summary)
  })
})

describe('xfail entries at their level in a run (VEC-6, VEC-7)', SLOW, () => {
  it('reason entries: the verdict passes and the reason level is XFAIL, so the run passes', async () => {
    const r = await run({ adapter: variant('other-reasons'), xfails: new Xfails(REASON_ONLY.map((id) => entry(id, 'reason'))) })
    expect(r.verdict_summary).toMatchObject({ PASS: 15 })
    expect(r.summary).toMatchObject({ PASS: 6, XFAIL: 9 })
    expect(by(r)['expiration::wrong-key']).toMatchObject({ verdict: 'PASS', outcome: 'XFAIL', xfail: 'reports another code' })
    expect(r).toMatchObject({ passed: true, problems: [] })
  })

  it('verdict entries on such vectors: XPASS at the verdict level fails the run, with a hint', async () => {
    const r = await run({ adapter: variant('other-reasons'), xfails: new Xfails(REASON_ONLY.map((id) => entry(id))) })
    expect(by(r)['expiration::wrong-key']).toMatchObject({ verdict: 'XPASS', outcome: 'XFAIL', verdict_message: expect.stringMatching(/give it "level": "reason"$/) })
    expect(r).toMatchObject({ passed: false, problems: ['verdict level: 9 XPASS'] })
  })

  it('a reason entry on a vector whose verdict is wrong leaves it FAIL at both levels', async () => {
    const r = await run({ adapter: fake('ok'), xfails: new Xfails([entry('expiration::at-expires-at', 'reason')]) })
    expect(by(r)['expiration::at-expires-at']).toMatchObject({ verdict: 'FAIL', outcome: 'FAIL', message: expect.stringMatching(/says only the reason differs\)$/) })
  })

  it('a reason entry whose vector passes at the reason level is XPASS there', async () => {
    const r = await run({ adapter: REFERENCE, xfails: new Xfails([entry('expiration::wrong-key', 'reason')]) })
    expect(by(r)['expiration::wrong-key']).toMatchObject({ verdict: 'PASS', outcome: 'XPASS' })
    expect(r.problems).toEqual(['reason level: 1 XPASS'])
  })
})

describe('failure lists (VERIFY-5, ADAPT-11) at the reason level', SLOW, () => {
  const suite = twoFailuresSuite()
  const one = async (adapter: string) => (await runConformance({ clock: new ManualClock(), adapter, suite, cwd: ROOT, onStderr: () => {} })).results[0]

  it('passes the reference, whose list is compared', async () => {
    expect(await one(REFERENCE)).toMatchObject({ verdict: 'PASS', outcome: 'PASS', failures_checked: true })
  })

  it('fails a list in another order at the reason level only', async () => {
    expect(await one(variant('reversed-failures'))).toMatchObject({
      verdict: 'PASS',
      outcome: 'FAIL',
      failures_checked: true,
      message: 'failures: expected [0 CAVEAT_NOT_SATISFIED, 1 CAVEAT_MALFORMED], got [1 CAVEAT_MALFORMED, 0 CAVEAT_NOT_SATISFIED]',
    })
  })

  it('passes an adapter that lists no failures on its reason alone, and says the list was not checked', async () => {
    const result = await one(variant('no-failures'))
    expect(result).toMatchObject({ verdict: 'PASS', outcome: 'PASS', failures_checked: false, message: expect.stringMatching(/^failures not reported/) })
  })
})
