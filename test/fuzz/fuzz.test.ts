import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateRef } from '../../src/caveats/schema-validator.js'
import type { VectorFile, XfailEntry } from '../../src/generated/types.js'
import { fuzzCaseArb, type FuzzCase } from '../../src/fuzz/cases.js'
import { agree, normalize } from '../../src/fuzz/compare.js'
import { fuzz, shard } from '../../src/fuzz/fuzz.js'
import { runConformance } from '../../src/harness/run.js'
import { mint } from '../../src/index.js'
import { loadVectors } from '../../src/vectors/load.js'
import { IDENTIFIER, KEY, KEY_HEX, LOCATION, T0 } from '../harness/fixtures/build-vectors.js'
import { fake, REFERENCE, ROOT, SLOW, tempDir, variant } from '../harness/helpers.js'

describe('differential fuzzing', () => {
  it('finds, shrinks and writes down a planted disagreement (an adapter that says valid to everything)', async () => {
    const out = tempDir()
    const report = await fuzz({ adapters: [REFERENCE, fake('always-valid')], runs: 150, seed: 7, outDir: out, cwd: ROOT, onStderr: () => {} })
    expect(report.implementations.map((i) => i.name)).toEqual(['pypi-token-spec', 'fake-always-valid'])
    expect(report.disagreements.length).toBeGreaterThanOrEqual(2) // distinct classes: different reasons the reference rejects for
    expect(new Set(report.disagreements.map((d) => d.class)).size).toBe(report.disagreements.length)
    for (const d of report.disagreements) {
      expect(d.input.op).toBe('verify') // the fake adapter lists verify only
      expect(d.answers.map((a) => a.display)).toEqual([expect.stringMatching(/^invalid \(/), 'valid'])
      expect(d.input.origin.caveats.length).toBeLessThanOrEqual(1) // shrunk: one caveat at most explains any rejection
      expect(d.path).toMatch(/^\d+(:\d+)*$/)
    }
    expect(report.disagreements.some((d) => d.numShrinks > 0)).toBe(true)

    // every candidate is a schema-valid vector file the loader accepts, expecting the reference's answer
    const files = readdirSync(out).sort()
    expect(files).toEqual(report.disagreements.map((d) => `${d.hash}.json`).sort())
    for (const name of files) {
      const data = JSON.parse(readFileSync(join(out, name), 'utf8')) as VectorFile
      expect(validateRef('vector-file.schema.json', data)).toEqual({ ok: true })
      expect(data).toMatchObject({ topic: 'candidates', notes: { FuzzCandidate: { bug_type: 'INTEROP' } }, provenance: { generator: 'src/fuzz/fuzz.ts' } })
      const d = report.disagreements.find((x) => `${x.hash}.json` === name)!
      expect(data.provenance.seed).toBe(d.seed)
      expect(data.provenance.sources[0]).toBe(`fast-check seed ${d.seed} path ${d.path}`)
      expect(data.vectors[0]).toMatchObject({ id: `candidates::${d.hash}`, flags: ['FuzzCandidate'], expected: { result: 'invalid', reason: /^[A-Z_]+$/ } })
    }
    // and the candidates, run as vectors, pass on the reference and fail on the fake adapter
    const suite = loadVectors(out)
    expect((await runConformance({ adapter: REFERENCE, suite, cwd: ROOT, onStderr: () => {} })).summary.PASS).toBe(files.length)
    expect((await runConformance({ adapter: fake('always-valid'), suite, onStderr: () => {} })).summary.FAIL).toBe(files.length)
  }, SLOW.timeout)

  it('finds nothing when both adapters are the reference', async () => {
    const report = await fuzz({ adapters: [REFERENCE, REFERENCE], runs: 200, seed: 1, outDir: null, cwd: ROOT, onStderr: () => {} })
    expect(report.runs).toBe(200)
    expect(report.disagreements).toEqual([])
  }, SLOW.timeout)
})

describe('only new disagreements', () => {
  const padding: XfailEntry = { id: 'token-format::padding-*', reason: 'reads padded tokens', spec: ['TOKEN-4'], flag: 'Base64Padding', level: 'verdict', effect: 'malleability', class: 'malleability' }

  it('counts a difference the adapter\'s xfail entries explain, and writes nothing', async () => {
    const out = tempDir()
    const report = await fuzz({ adapters: [REFERENCE, variant('lenient-padding')], deviations: [null, [padding]], runs: 300, seed: 11, outDir: out, cwd: ROOT, onStderr: () => {} })
    expect(report.disagreements).toEqual([])
    expect(readdirSync(out)).toEqual([])
    expect(report.explained).toEqual([{ adapter: 'variant-lenient-padding', flag: 'Base64Padding', count: report.explainedInputs }])
    expect(report.explainedInputs).toBeGreaterThan(3)
    expect(report.agreed + report.explainedInputs).toBe(report.runs)
  }, SLOW.timeout)

  it('reports the same difference as new when no xfail entry explains it', async () => {
    const report = await fuzz({ adapters: [REFERENCE, variant('lenient-padding')], runs: 300, seed: 11, outDir: null, cwd: ROOT, onStderr: () => {} })
    expect(report.explained).toEqual([])
    expect(report.disagreements.length).toBeGreaterThan(0)
    for (const d of report.disagreements) expect(d.input.origin.variant).toBe('padding')
  }, SLOW.timeout)

  it('splits a run into shards by seed: shard 1 keeps the seed, the shares add up to the run', () => {
    expect(shard(5, 1000, 0, 1)).toEqual({ seed: 5, runs: 1000 })
    const parts = [0, 1, 2].map((i) => shard(5, 1000, i, 3))
    expect(parts.map((p) => p.runs)).toEqual([334, 333, 333])
    expect(new Set(parts.map((p) => p.seed)).size).toBe(3)
    expect(parts[0]?.seed).toBe(5)
    expect(() => shard(5, 1000, 3, 3)).toThrow(RangeError)
  })
})

describe('fuzz inputs', () => {
  it('cover every op, near-miss token spellings and near-miss caveats', () => {
    const cases = fc.sample(fuzzCaseArb, { numRuns: 400, seed: 3 })
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(['verify', 'inspect', 'restrict']))
    expect(new Set(cases.map((c) => c.origin.variant)).size).toBeGreaterThan(6)
    expect(cases.some((c) => c.origin.caveats.some((t) => typeof t === 'object'))).toBe(true)
    expect(cases.some((c) => c.origin.caveats.some((t) => typeof t === 'string' && /\.0|e\d/.test(t)))).toBe(true)
  })
})

describe('comparing answers', () => {
  const base = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION })
  const T = base.ok ? base.token : ''
  const c: FuzzCase = { op: 'restrict', token: T, key: KEY_HEX, restrictions: [{ type: 'expiration', expires_at: T0 + 900, not_before: T0 }], origin: { identifier: IDENTIFIER, caveats: [], variant: 'none' } }
  const restricted = (caveat: string) => {
    const m = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: [caveat] })
    return { kind: 'response' as const, response: { id: 1, ok: true, token: m.ok ? m.token : '' } }
  }

  it('treats restricted tokens that differ only in caveat whitespace as the same answer', () => {
    expect(agree([normalize(c, restricted(`[0,${T0 + 900},${T0}]`)), normalize(c, restricted(`[0, ${T0 + 900}, ${T0}]`))])).toBe(true)
    expect(agree([normalize(c, restricted(`[0,${T0 + 900},${T0}]`)), normalize(c, restricted(`[0,${T0 + 901},${T0}]`))])).toBe(false)
  })

  it('leaves unsupported answers out and counts adapter errors as answers', () => {
    const v: FuzzCase = { op: 'verify', token: T, key: KEY_HEX, context: { now: T0, project: null, user_id: null, oidc_publisher: null }, origin: c.origin }
    const valid = normalize(v, { kind: 'response', response: { id: 1, ok: true, valid: true, reason: null, message: null } })
    expect(normalize(v, { kind: 'response', response: { id: 1, ok: false, error: { code: 'unsupported' } } })).toBeNull()
    expect(agree([valid, null])).toBe(true)
    expect(agree([valid, normalize(v, { kind: 'response', response: { id: 1, ok: false, error: { code: 'internal', message: 'boom' } } })])).toBe(false)
    expect(agree([valid, normalize(v, { kind: 'hang', message: 'no answer' })])).toBe(false)
    expect(agree([valid, normalize(v, { kind: 'response', response: { id: 1, ok: true, valid: true, reason: null, message: 'fine' } })])).toBe(true)
  })
})
