import { describe, expect, it } from 'vitest'
import type { DeepCase } from '../../src/fuzz/deep/cases.js'
import { examine } from '../../src/fuzz/deep/examine.js'
import { isWholeLocationField, locationSpan, mutationArb } from '../../src/fuzz/deep/mutations.js'
import { deepFuzz } from '../../src/fuzz/deep/run.js'
import { mint } from '../../src/index.js'
import fc from 'fast-check'
import { PROCESS_SUITE } from '../limits.js'

const KEY = new Uint8Array(32).fill(9)
const CONTEXT = { now: 1700000000, project: null, user_id: null, oidc_publisher: null }
const token = (caveats: string[] = []) => {
  const m = mint({ key: KEY, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', location: 'index.example', caveats })
  if (!m.ok) throw new Error(m.message)
  return m.token
}
const deepCase = (over: Partial<DeepCase>): DeepCase => ({ token: token(), key: KEY, context: CONTEXT, restrictions: [], expected: 'valid', restrictionsModelled: true, caveatCount: 0, how: 'test', ...over })

describe('deep fuzzing (npm run fuzz:deep)', PROCESS_SUITE, () => {
  it('runs the reference through parse, inspect, verify and restrict without a finding, and exercises both verdicts', () => {
    const report = deepFuzz({ runs: 1500, seed: 42 })
    expect(report.counts).toEqual({ exception: 0, 'false-accept': 0, 'false-reject': 0, inconsistent: 0 })
    expect(report.findings).toEqual([])
    expect(report.shrunk).toBeNull()
    expect(report.runs).toBe(1500)
    // not vacuous: both verdicts are common, and narrowed tokens are judged too
    expect(report.accepted).toBeGreaterThan(50)
    expect(report.rejected).toBeGreaterThan(500)
    expect(report.narrowed).toBeGreaterThan(200)
    expect(report.peakRssBytes).toBeGreaterThan(0)
  }, 120_000)

  it('reports a false accept when verify accepts what the model rejects', () => {
    const e = examine(deepCase({ expected: 'invalid' }))
    expect(e.findings).toContainEqual(expect.objectContaining({ kind: 'false-accept', operation: 'verify' }))
  })

  it('reports a false reject when verify rejects what the model accepts', () => {
    const e = examine(deepCase({ token: token(['[1,["requests"]]']), caveatCount: 1 }))
    expect(e.findings).toContainEqual(expect.objectContaining({ kind: 'false-reject', operation: 'verify' }))
  })

  it('judges a narrowed token by LAW-1: valid only where the added restriction holds', () => {
    // the restriction does not hold (no project), so a valid narrowed token would be a false accept:
    // none is reported, and the narrowed token is judged (restricted)
    const e = examine(deepCase({ restrictions: [{ type: 'project_names', names: ['requests'] }] }))
    expect(e).toEqual({ findings: [], valid: true, restricted: true })
  })

  it('reports an exception as a finding instead of letting it escape', () => {
    const hostile = [{ get type(): string { throw new Error('boom') } }]
    const e = examine(deepCase({ restrictions: hostile }))
    expect(e.findings).toContainEqual({ kind: 'exception', operation: 'restrict', detail: 'Error: boom' })
  })

  it('keeps the first findings of each kind, and shrinks the first to a case fast-check replays from its seed and path', () => {
    const planted = (c: DeepCase) => {
      const e = examine(c)
      // a planted bug: any token with an expiration caveat is "rejected wrongly"
      return c.how.includes('expiration') ? { ...e, findings: [...e.findings, { kind: 'false-reject' as const, operation: 'verify' as const, detail: 'planted' }] } : e
    }
    const report = deepFuzz({ runs: 400, seed: 3, examine: planted, keep: 2 })
    expect(report.counts['false-reject']).toBeGreaterThan(2)
    expect(report.findings).toHaveLength(2)
    expect(report.shrunk).toMatchObject({ kind: 'false-reject', seed: 3, path: expect.stringMatching(/^\d+(:\d+)*$/) })
    // shrunk: one caveat, the expiration, is all it takes
    expect(report.shrunk!.how).toMatch(/^mint\([^[]*\[\{"type":"(legacy_)?expiration"[^\]]*\]\)/)
  }, 60_000)

  it('mutates tokens both inside the unsigned location and outside it', () => {
    // A 1-byte mutation counts as confined to the location only inside bytes 3..15 of this token.
    expect(locationSpan(13)).toEqual({ start: 3, end: 16 })
    const t = token()
    const samples = fc.sample(mutationArb(t, locationSpan(13)), { seed: 5, numRuns: 300 })
    expect(samples.some((m) => m.confinedToLocation && m.token !== t)).toBe(true)
    expect(samples.some((m) => !m.confinedToLocation)).toBe(true)
  })

  it('counts deleting the whole location field as confined to it: the token stays valid (MAC-5, TOKEN-8)', () => {
    // Found by `npm run fuzz:deep -- --runs 1000000 --seed 20261130` (case 409394): "15 byte(s)
    // deleted at 1" of a token minted at index.example removes type 1, length 13 and the value.
    const span = locationSpan(13)
    expect(isWholeLocationField(span, 1, 15)).toBe(true)
    expect([[1, 14], [1, 16], [2, 15], [0, 16], [3, 13]].some(([p, n]) => isWholeLocationField(span, p as number, n as number))).toBe(false)
    const bytes = Buffer.from(token().slice(5), 'base64url')
    const stripped = `pypi-${Buffer.concat([bytes.subarray(0, 1), bytes.subarray(16)]).toString('base64url')}`
    // verify accepts it, as the spec says: had the fuzzer expected 'invalid', that was a false accept
    expect(examine(deepCase({ token: stripped }))).toEqual({ findings: [], valid: true, restricted: true })
    expect(examine(deepCase({ token: stripped, expected: 'invalid' })).findings).toContainEqual(expect.objectContaining({ kind: 'false-accept' }))
  })
})
