import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { XfailEntry } from '../../../src/generated/types.js'
import { runConformance } from '../../../src/harness/run.js'
import { applyXfail, loadXfailFile, Xfails, XfailLoadError } from '../../../src/harness/judging/xfail.js'
import { loadVectors } from '../../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, SLOW, tempDir } from '../helpers.js'

const entry = (id: string): XfailEntry => ({ id, reason: `known: ${id}`, spec: ['VERIFY-1'] })

describe('xfail entries (VEC-6)', () => {
  it('match exact ids and * patterns', () => {
    const x = new Xfails([entry('expiration::at-expires-at'), entry('project-names::*'), entry('*::wrong-*')])
    expect(x.match('expiration::at-expires-at')?.id).toBe('expiration::at-expires-at')
    expect(x.match('expiration::at-expires-at-2')).toBeUndefined()
    expect(x.match('project-names::anything::deeper')?.id).toBe('project-names::*')
    expect(x.match('expiration::wrong-key')?.id).toBe('*::wrong-*')
    expect(x.match('expiration.at-expires-at')).toBeUndefined()
  })

  it('turn FAIL and ERROR into XFAIL, PASS into XPASS, and leave SKIP alone', () => {
    const e = entry('a::b')
    expect(applyXfail({ outcome: 'FAIL', message: 'expected valid, got invalid (X)' }, e)).toEqual({ outcome: 'XFAIL', message: 'expected valid, got invalid (X)', xfail: 'known: a::b' })
    expect(applyXfail({ outcome: 'ERROR', message: 'crash' }, e)).toEqual({ outcome: 'XFAIL', message: 'crash', xfail: 'known: a::b' })
    expect(applyXfail({ outcome: 'PASS' }, e)).toMatchObject({ outcome: 'XPASS', xfail: 'known: a::b' })
    expect(applyXfail({ outcome: 'SKIP', message: 'no' }, e).outcome).toBe('SKIP')
    expect(applyXfail({ outcome: 'FAIL', message: 'm' }, undefined)).toEqual({ outcome: 'FAIL', message: 'm' })
  })

  it('report entries that match no vector as stale', () => {
    const x = new Xfails([entry('a::b'), entry('a::*'), entry('c::d')])
    expect(x.stale(['a::b', 'a::e'])).toEqual(['c::d'])
  })

  it('are validated when loaded, with the file named', () => {
    const dir = tempDir()
    const path = join(dir, 'xfail.json')
    writeFileSync(path, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'x', entries: [{ id: 'a::b', reason: 'r' }] }))
    expect(() => loadXfailFile(path)).toThrow(XfailLoadError)
    expect(() => loadXfailFile(path)).toThrow(/xfail\.json: does not match xfail-file\.schema\.json: \/entries\/0 must have required property 'spec'/)
    expect(() => loadXfailFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read \(ENOENT\)/)
  })
})

describe('xfail in a run (VEC-6)', SLOW, () => {
  const suite = loadVectors(FIXTURE_VECTORS)
  // fake ok: verify is always valid; inspect, mint and restrict are not supported
  const run = (entries: XfailEntry[], filter?: string[]) => runConformance({ adapter: fake('ok'), suite, xfails: new Xfails(entries), onStderr: () => {}, ...(filter === undefined ? {} : { filter }) })

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
