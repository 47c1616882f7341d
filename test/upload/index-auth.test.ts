/**
 * The test index's authentication path (upload-auth.ts, index-store.ts, authorization.ts), with
 * no upload client: tokens found by identifier and revoked by deleting their row, the owner as
 * the request user, the role checked after the token, new projects, and the Authorization forms
 * the production index reads, with Python itself as the oracle for its base64 and strip rules.
 */
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { restrict } from '../../src/index.js'
import { pythonB64decode, pythonStrip } from './authorization.js'
import { buildWheel, distName } from './dists.js'
import { post, type Upload } from './post-upload.js'
import type { Project } from './index-store.js'
import { INDEX_TEST_TIMEOUT_MS, openScene, type Scene } from './scene.js'

let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

let version = 0
/** Uploads a fresh wheel of `project` with `token` (Basic `__token__` unless `extra` says otherwise). */
async function send(s: Scene, token: string, project: string, extra: Partial<Upload> = {}) {
  const v = `1.${version++}`
  return post(s.index.url, { name: project, version: v, file: { name: `${distName(project)}-${v}-py3-none-any.whl`, data: buildWheel(project, v) }, password: token, ...extra })
}

function narrowed(token: string, names: string[]): string {
  const r = restrict(token, [{ type: 'project_names', names }])
  if (!r.ok) throw new Error(r.message)
  return r.token
}

describe('tokens, owners and projects', { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  it('a user-scoped token uploads to its owner\'s projects and creates new ones for its owner; another user\'s project is refused by role, after the token verified', async () => {
    const s = (scene = await openScene())
    const bob = s.store.addUser('bob')
    s.store.createProject('alice-one', s.owner)
    s.store.createProject('bobs-project', bob)
    const { token } = s.store.issue(s.owner, { kind: 'user' })
    expect((await send(s, token, 'Alice_One')).status).toBe(200)
    expect((await send(s, token, 'alice-new')).status).toBe(200)
    expect(s.store.project('alice.new')?.roles).toEqual(new Map([[s.owner.id, 'Owner']]))
    const foreign = await send(s, token, 'bobs-project')
    expect([foreign.status, foreign.statusText]).toEqual([403, "The user 'alice' isn't allowed to upload to project 'bobs-project'."])
    expect(s.index.uploads.map((u) => [u.stage, u.verdict?.valid])).toEqual([['stored', true], ['stored', true], ['role', true]])
    const bobs = s.store.issue(bob, { kind: 'user' }).token
    expect((await send(s, bobs, 'alice-new')).statusText).toBe("The user 'bob' isn't allowed to upload to project 'alice-new'.")
    s.store.grant(s.store.project('alice-new') as Project, bob, 'Maintainer')
    expect((await send(s, bobs, 'alice-new')).status).toBe(200)
  })

  it('verifies with the owner as the request user: another user\'s user-scoped token is refused by its caveat, not by role', async () => {
    const s = (scene = await openScene())
    const bob = s.store.addUser('bob')
    s.store.grant(s.store.createProject('shared', s.owner), bob, 'Owner')
    const bobs = s.store.issue(bob, { kind: 'user' }).token
    const aliceCaveat = restrict(bobs, [{ type: 'user', user_id: s.owner.id }])
    if (!aliceCaveat.ok) throw new Error(aliceCaveat.message)
    expect((await send(s, bobs, 'shared')).status).toBe(200)
    const r = await send(s, aliceCaveat.token, 'shared')
    expect(r.statusText).toBe(`Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 1 (request-user): token is restricted to user ${s.owner.id}, not ${bob.id}`)
  })

  it('appends the stored caveats: a project-scoped token is refused elsewhere by both copies, and a token that embeds none is still held to them', async () => {
    const s = (scene = await openScene())
    const mine = s.store.createProject('mine', s.owner)
    s.store.createProject('other', s.owner)
    const scoped = s.store.issue(s.owner, { kind: 'project', project: mine }).token
    expect((await send(s, scoped, 'mine')).status).toBe(200)
    const r = await send(s, scoped, 'other')
    expect(r.status).toBe(403)
    expect(s.index.uploads.at(-1)?.verdict?.failures.map((f) => [f.index, f.caveat])).toEqual([[0, 'project-names'], [1, 'project-ids'], [2, 'project-names'], [3, 'project-ids']])
    const bare = s.store.issue(s.owner, { kind: 'project', project: mine }, { embed: false }).token
    expect((await send(s, bare, 'mine')).status).toBe(200)
    expect((await send(s, bare, 'other')).statusText).toMatch(/^Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 0 \(project-names\): .*; caveat 1 \(project-ids\): /)
  })

  it('a narrowed copy of a user-scoped token works only within the narrowing, and deleting the row revokes the token and every copy', async () => {
    const s = (scene = await openScene())
    s.store.createProject('alpha', s.owner)
    s.store.createProject('beta', s.owner)
    const { token, row } = s.store.issue(s.owner, { kind: 'user' })
    const copy = narrowed(token, ['alpha'])
    expect((await send(s, copy, 'alpha')).status).toBe(200)
    expect((await send(s, copy, 'beta')).statusText).toBe('Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 1 (project-names): token is not valid for project "beta" (allowed: "alpha")')
    expect((await send(s, copy, 'gamma')).status).toBe(403)
    expect(s.store.project('gamma')).toBeUndefined()
    expect(s.store.delete(row.id)).toBe(true)
    const gone = `Invalid or non-existent authentication information: Macaroon not found: no token has the identifier "${row.id}" (deleted, or never issued)`
    for (const t of [token, copy]) expect((await send(s, t, 'alpha')).statusText).toBe(gone)
    expect((await send(s, s.token, 'alpha')).status).toBe(200)
    expect(s.index.uploads.map((u) => u.stage)).toEqual(['stored', 'token', 'token', 'identity', 'identity', 'stored'])
  })

  it('a disabled owner\'s tokens authenticate nobody; a refused upload creates no project', async () => {
    const s = (scene = await openScene())
    s.owner.disabled = true
    expect((await send(s, s.token, 'anything')).statusText).toBe("Invalid or non-existent authentication information: the user 'alice' is disabled")
    s.owner.disabled = false
    const r = await post(s.index.url, { name: 'fresh', version: '1', file: { name: 'not-fresh-1.tar.gz', data: Buffer.from('x') }, password: s.token })
    expect([r.status, s.index.uploads.at(-1)?.stage, s.store.project('fresh')]).toEqual([400, 'file', undefined])
  })
})

describe('the Authorization header, read as the production index reads it', { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  it('accepts Basic in any case, token and bearer; strips the Basic password with Python\'s str.strip(); leaves token and bearer as they are', async () => {
    const s = (scene = await openScene())
    const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64')
    const accepted = [`Basic ${basic('__token__', s.token)}`, `BASIC ${basic('__token__', s.token)}`, `bAsIc ${basic('__token__', `\u001c\u0085\u3000${s.token}\u2028\r\n`)}`, `token ${s.token}`, `Bearer ${s.token}`, `TOKEN ${s.token}`]
    for (const authorization of accepted) expect((await send(s, '', 'proj', { authorization })).status, authorization.slice(0, 12)).toBe(200)
    const refused: [string, string][] = [
      [`Basic ${basic('__token__', `\ufeff${s.token}`)}`, 'TOKEN_BAD_PREFIX'],
      [`bearer  ${s.token}`, 'TOKEN_BAD_PREFIX'],
      [`Basic\t${basic('__token__', s.token)}`, 'the Authorization header has no space after its scheme'],
      [`Digest ${s.token}`, 'the Authorization scheme "digest" is not basic, token or bearer'],
      ['Basic X190b2tlbl9fOnB5cGk', 'the Basic credentials are not base64'],
      [`Basic ${Buffer.from(`__token__${s.token}`).toString('base64')}`, 'the Basic credentials have no ":"'],
      [`Basic ${Buffer.concat([Buffer.from('__token__:'), Buffer.from([0xff]), Buffer.from(s.token)]).toString('base64')}`, 'the Basic credentials are not UTF-8'],
    ]
    for (const [authorization, why] of refused) {
      const r = await send(s, '', 'proj', { authorization })
      expect([r.status, r.statusText.startsWith(`Invalid or non-existent authentication information: ${why}`)], `${authorization.slice(0, 12)} ${r.statusText}`).toEqual([403, true])
    }
  })

  it('decodes base64 and strips whitespace exactly as Python 3 does (checked against python3 on generated strings)', () => {
    const chars = fc.constantFrom(...'ABab09+/-_=*: \t\n\u000b\u001c\u0085\u00a0\u2028\u3000\ufeffé'.split(''))
    const samples = fc.sample(fc.array(chars, { maxLength: 14 }).map((a) => a.join('')), { numRuns: 600, seed: 20 })
    const script = `
import base64, json, sys
out = []
for s in json.load(sys.stdin):
    try: d = base64.b64decode(s).hex()
    except ValueError: d = None
    out.append([d, s.strip()])
print(json.dumps(out))`
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(samples), encoding: 'utf8', timeout: 120_000 })
    expect(r.stderr).toBe('')
    const python = JSON.parse(r.stdout) as [string | null, string][]
    expect(python.filter(([d]) => d === null).length).toBeGreaterThan(50)
    expect(samples.map((t) => [pythonB64decode(t)?.toString('hex') ?? null, pythonStrip(t)])).toEqual(python)
  })
})
