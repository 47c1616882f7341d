import { describe, expect, it } from 'vitest'
import type { InteropExplanation } from '../../src/generated/types.js'
import { runInterop } from '../../src/interop/interop.js'
import { cellOf, interopText, writeInteropReports } from '../../src/interop/report.js'
import { REFERENCE, ROOT, SLOW, tempDir, variant } from '../harness/helpers.js'

const adapters = [
  { name: 'reference', command: REFERENCE },
  { name: 'variant', command: variant('accepts-unsatisfied') },
]
const CLASS = 'invalid (CAVEAT_NOT_SATISFIED) → valid'
const ALL_KINDS = ['expiration', 'legacy-expiration', 'legacy-project-ids', 'legacy-project-names', 'legacy-user', 'oidc-publisher', 'project-ids', 'project-names', 'request-user']
const because: InteropExplanation = { implementation: 'variant', role: 'verify', class: 'invalid (*) → valid', caveats: ALL_KINDS as [string, ...string[]], widens: true, reason: 'checks no context', spec: ['VERIFY-1'], level: 'verdict', effect: 'widens access' }

describe('the interop matrix (minter × restricter × verifier)', SLOW, () => {
  it('finds a planted verifier deviation in every chain it verifies, shrinks it, and fails while it is unexplained', async () => {
    const r = await runInterop({ adapters, runs: 40, seed: 3, cwd: ROOT, onStderr: () => {} })
    expect(r.implementations.map((i) => [i.name, i.roles])).toEqual([
      ['reference', ['mint', 'restrict', 'verify']],
      ['variant', ['mint', 'restrict', 'verify']],
    ])
    expect(r.chains).toHaveLength(2 * 3 * 2) // minters × (none + restricters) × verifiers
    for (const c of r.chains) {
      expect(c.agree + c.verdict + c.reason + c.skipped, `${c.minter} → ${c.restricter} → ${c.verifier}`).toBe(40)
      if (c.verifier === 'reference') expect(c).toMatchObject({ agree: 40, unexplained: 0, deviations: [] })
      else expect(c.verdict).toBeGreaterThan(0)
    }
    expect(r.deviations.map((d) => d.id)).toEqual([`variant verify: ${CLASS} (widens access)`])
    const [d] = r.deviations
    expect(d).toMatchObject({ level: 'verdict', widens: true, explanation: null })
    expect(d!.caveats.every((k) => ALL_KINDS.includes(k))).toBe(true)
    expect(d!.minimal.shrinks).toBeGreaterThan(0)
    expect((d!.minimal.case as { restrictions: unknown[] }).restrictions.length).toBeLessThanOrEqual(1)
    expect(d!.minimal.steps.at(-1)).toMatchObject({ role: 'verify', implementation: 'variant', answer: 'valid', spec: 'invalid (CAVEAT_NOT_SATISFIED)' })
    expect(r.passed).toBe(false)
    expect(r.problems[0]).toMatch(/^unexplained deviation: variant verify: invalid \(CAVEAT_NOT_SATISFIED\) → valid \(widens access\)/)
    // INTEROP-3: each chain the variant verifies let tokens through that the spec's chain refuses.
    expect(r.problems.slice(1)).toEqual(r.chains.filter((c) => c.verifier === 'variant').map((c) => expect.stringMatching(new RegExp(`^widening not explained: ${c.minter} → ${c.restricter ?? '—'} → variant accepted \\d+ token`))))
    expect(interopText(r)).toContain('UNEXPLAINED')
    expect(writeInteropReports(r, tempDir()).map((p) => p.split('/').at(-1))).toEqual(['interop.json', 'interop.md', 'interop.html'])
  }, 240000)

  it('passes when every deviation is explained, and lists explanations no case needed; the same seed gives the same matrix', async () => {
    const otherImplementation: InteropExplanation = { ...because, implementation: 'reference' } // listed first: it must not explain the variant's deviation
    const [a, b] = await Promise.all([1, 2].map(() => runInterop({ adapters, runs: 25, seed: 11, explanations: [otherImplementation, because], cwd: ROOT, onStderr: () => {} })))
    expect(a!.passed).toBe(true)
    expect(a!.problems).toEqual([])
    expect(a!.deviations[0]?.explanation).toEqual(because)
    expect(a!.unseen_explanations).toEqual(['reference verify: invalid (*) → valid'])
    expect(a!.chains.map(cellOf)).toEqual(b!.chains.map(cellOf))
    expect(a!.deviations.map((d) => d.minimal.case)).toEqual(b!.deviations.map((d) => d.minimal.case))
  }, 240000)

  it('is a problem, not a crash, when an adapter cannot start', async () => {
    const r = await runInterop({ adapters: [{ name: 'reference', command: REFERENCE }, { name: 'missing', command: 'no-such-adapter-command' }], runs: 3, cwd: ROOT, onStderr: () => {} })
    expect(r.passed).toBe(false)
    expect(r.problems).toEqual([expect.stringMatching(/^missing could not be started: /)])
    expect(r.chains.map((c) => `${c.minter} ${c.restricter} ${c.verifier} ${c.agree}`)).toEqual(['reference null reference 3', 'reference reference reference 3'])
  }, 120000)
})
