import { describe, expect, it } from 'vitest'
import { checkLaws, LAWS } from '../../../src/laws/laws.js'
import { BUILT_IN_SUBJECT } from '../../../src/laws/subjects.js'

describe('checkLaws', () => {
  it('checks every law of spec/laws.md but LAW-0 at the edges, which is a built-in test', () => {
    expect(LAWS.map((l) => l.id)).toEqual(['LAW-0', 'LAW-1', 'LAW-2', 'LAW-3', 'LAW-4', 'LAW-5', 'LAW-6', 'LAW-7'])
  })

  it('reports every law holding for the built-in formats, with the runs and seed', () => {
    const results = checkLaws(BUILT_IN_SUBJECT, { numRuns: 30, seed: 42 })
    expect(results.map((r) => [r.id, r.ok, r.runs, r.seed, r.counterexample])).toEqual(LAWS.map((l) => [l.id, true, 30, 42, null]))
  })

  it('reports a model that says every restriction holds as LAW-0, LAW-1 and LAW-7 failing, with a shrunk counterexample', () => {
    const results = checkLaws({ ...BUILT_IN_SUBJECT, holds: () => true }, { numRuns: 200, seed: 7 })
    const failed = results.filter((r) => !r.ok)
    expect(failed.map((r) => r.id)).toEqual(['LAW-0', 'LAW-1', 'LAW-7'])
    expect(failed[0]?.message).toBe('valid: got false, the law says true')
    expect(failed[0]?.counterexample).toMatch(/^\[/)
  })
})
