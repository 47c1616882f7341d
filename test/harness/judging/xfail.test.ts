import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { XfailEntry } from '../../../src/generated/types.js'
import type { Judgement } from '../../../src/harness/judging/judgement.js'
import { runConformance } from '../../../src/harness/run.js'
import { applyXfail, loadXfailFile, Xfails, XfailLoadError } from '../../../src/harness/judging/xfail.js'
import { loadVectors } from '../../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, ManualClock, SLOW, tempDir } from '../helpers.js'

const entry = (id: string): XfailEntry => ({ id, reason: `known: ${id}`, spec: ['VERIFY-1'], level: 'verdict', effect: 'none', class: 'reason-only' })

describe('xfail entries (VEC-6, VEC-7)', () => {
  it('match exact ids and * patterns', () => {
    const x = new Xfails([entry('expiration::at-expires-at'), entry('project-names::*'), entry('*::wrong-*')])
    expect(x.match('expiration::at-expires-at')?.id).toBe('expiration::at-expires-at')
    expect(x.match('expiration::at-expires-at-2')).toBeUndefined()
    expect(x.match('project-names::anything::deeper')?.id).toBe('project-names::*')
    expect(x.match('expiration::wrong-key')?.id).toBe('*::wrong-*')
    expect(x.match('expiration.at-expires-at')).toBeUndefined()
  })

  const P: Judgement = { outcome: 'PASS' }
  const F: Judgement = { outcome: 'FAIL', message: 'expected valid, got invalid (X)' }
  const R: Judgement = { outcome: 'FAIL', message: 'wrong reason' }
  const E: Judgement = { outcome: 'ERROR', message: 'crash' }
  const S: Judgement = { outcome: 'SKIP', message: 'no' }
  /** `verdict/reason` outcomes after xfail. */
  const after = (verdict: Judgement, reason: Judgement, e: XfailEntry | undefined) => {
    const x = applyXfail({ verdict, reason }, e)
    return `${x.verdict.outcome}/${x.reason.outcome}`
  }

  it('at the verdict level: FAIL and ERROR become XFAIL, PASS becomes XPASS, at both levels; SKIP stays', () => {
    const e = entry('a::b')
    for (const level of [e, { ...e, level: 'verdict' as const }]) {
      expect([after(F, F, level), after(E, E, level), after(P, P, level), after(P, R, level), after(S, S, level)]).toEqual(['XFAIL/XFAIL', 'XFAIL/XFAIL', 'XPASS/XPASS', 'XPASS/XFAIL', 'SKIP/SKIP'])
    }
    expect(applyXfail({ verdict: F, reason: F }, e)).toEqual({ verdict: { ...F, outcome: 'XFAIL' }, reason: { ...F, outcome: 'XFAIL' } })
    expect(applyXfail({ verdict: P, reason: P }, e).reason.message).toBe('passed, but an xfail entry (a::b) expects it to fail: known: a::b')
    expect(applyXfail({ verdict: P, reason: R }, e).verdict.message).toBe('the verdict is right, but the xfail entry (a::b) is at the verdict level: if only the reason differs, give it "level": "reason"')
  })

  it('at the reason level: the verdict must PASS, and the reason level is XFAIL (XPASS when it passes)', () => {
    const e: XfailEntry = { ...entry('a::b'), level: 'reason' }
    expect([after(P, R, e), after(P, P, e), after(S, S, e)]).toEqual(['PASS/XFAIL', 'PASS/XPASS', 'SKIP/SKIP'])
    expect(applyXfail({ verdict: P, reason: R }, e)).toEqual({ verdict: P, reason: { ...R, outcome: 'XFAIL' } })
  })

  it('at the reason level, a wrong verdict stays FAIL (or ERROR) at both levels: the entry understated it', () => {
    const e: XfailEntry = { ...entry('a::b'), level: 'reason' }
    expect([after(F, F, e), after(E, E, e)]).toEqual(['FAIL/FAIL', 'ERROR/ERROR'])
    expect(applyXfail({ verdict: F, reason: F }, e).verdict.message).toBe('expected valid, got invalid (X) (the xfail entry a::b says only the reason differs)')
  })

  it('leave both levels alone without an entry', () => {
    expect(applyXfail({ verdict: P, reason: R }, undefined)).toEqual({ verdict: P, reason: R })
  })

  it('report entries that match no vector as stale', () => {
    const x = new Xfails([entry('a::b'), entry('a::*'), entry('c::d')])
    expect(x.stale(['a::b', 'a::e'])).toEqual(['c::d'])
  })

  it('are validated when loaded, with the file named', () => {
    const dir = tempDir()
    const path = join(dir, 'xfail.json')
    writeFileSync(path, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'x', entries: [{ id: 'a::b', reason: 'r', level: 'verdict', effect: 'none', class: 'fail-closed' }] }))
    expect(() => loadXfailFile(path)).toThrow(XfailLoadError)
    expect(() => loadXfailFile(path)).toThrow(/xfail\.json: does not match xfail-file\.schema\.json: \/entries\/0 must have required property 'spec'/)
    expect(() => loadXfailFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read \(ENOENT\)/)
  })

  it('name the entries without a severity class and the classes to choose from', () => {
    const path = join(tempDir(), 'xfail.json')
    const classless = (id: string) => ({ id, reason: 'r', spec: ['VERIFY-1'], level: 'verdict', effect: 'none' })
    writeFileSync(path, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'x', entries: [classless('a::b'), { ...classless('a::c'), class: 'crash' }, classless('a::d')] }))
    expect(() => loadXfailFile(path)).toThrow(/xfail\.json: 2 entries have no "class" \("a::b", "a::d"\); give each the severity class of its effect, one of widens-access, parser-differential, malleability, crash, information-leak, fail-closed, reason-only/)
    writeFileSync(path, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'x', entries: [{ ...classless('a::b'), class: 'bad' }] }))
    expect(() => loadXfailFile(path)).toThrow(/\/entries\/0\/class must be equal to one of the allowed values/)
  })
})

describe('xfail in a run (VEC-6)', SLOW, () => {
  const suite = loadVectors(FIXTURE_VECTORS)
  // fake ok: verify is always valid; inspect, mint and restrict are not supported
  const run = (entries: XfailEntry[], filter?: string[]) => runConformance({ clock: new ManualClock(), adapter: fake('ok'), suite, xfails: new Xfails(entries), onStderr: () => {}, ...(filter === undefined ? {} : { filter }) })

  it('gives XFAIL to known failures, XPASS to unexpected passes, and lists stale entries', async () => {
    const r = await run([entry('expiration::at-expires-at'), entry('expiration::inside-window'), entry('nothing::*'), entry('token-format::*')])
    const by = Object.fromEntries(r.results.map((x) => [x.id, x]))
    expect(by['expiration::at-expires-at']).toMatchObject({ outcome: 'XFAIL', message: 'expected invalid (CAVEAT_NOT_SATISFIED), got valid', xfail: 'known: expiration::at-expires-at' })
    expect(by['expiration::inside-window']).toMatchObject({ outcome: 'XPASS' })
    expect(by['expiration::before-window']).toMatchObject({ outcome: 'FAIL' })
    expect(by['token-format::inspect-names']).toMatchObject({ outcome: 'SKIP' })
    expect(r.stale_xfails).toEqual(['nothing::*'])
  })

  it('reports no stale entries when a filter hides vectors', async () => {
    const r = await run([entry('project-names::other-project')], ['expiration::*'])
    expect(r.results.map((x) => x.id)).toEqual(suite.vectors.filter((v) => v.vector.id.startsWith('expiration::')).map((v) => v.vector.id))
    expect(r.stale_xfails).toEqual([])
  })
})
