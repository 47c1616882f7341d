/**
 * Issue 20: the real clients (twine, `uv publish`) against a test index that knows its tokens
 * and its users' projects: the most common real token, a user-scoped one (`[3, user]`), uploads
 * to its owner's projects only; a deleted token is refused; a copy narrowed with
 * `pypi-token restrict` works only within the narrowing, and dies with the token it came from.
 */
import { basename } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CLIENTS, missingClients, pypiToken, TEST_TIMEOUT_MS, type Client, type RunResult } from './clients.js'
import type { Stage } from './local-index.js'
import { openScene, type Scene } from './scene.js'

const skip = missingClients()
let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

/** alice owns alice-proj and alice-other, bob owns bobs-proj; `token` is alice's user-scoped token. */
async function ownedScene() {
  const s = (scene = await openScene())
  const bob = s.store.addUser('bob')
  s.store.createProject('alice-proj', s.owner)
  s.store.createProject('alice-other', s.owner)
  s.store.createProject('bobs-proj', bob)
  const { token, row } = s.store.issue(s.owner, { kind: 'user' }, { description: 'entire account' })
  return { s, token, row }
}

async function accepted(s: Scene, client: Client, project: string, token: string): Promise<void> {
  const before = s.index.uploads.length
  const dists = s.dists(project)
  const r = await client.upload(s.index.url, dists.files, token, s.home)
  expect(r.status, r.text).toBe(0)
  expect(s.index.uploads.slice(before).map((u) => [u.status, u.stage, u.filename])).toEqual(dists.files.map((f) => [200, 'stored', basename(f)]))
}

async function refused(s: Scene, client: Client, project: string, token: string, stage: Stage, shown: string): Promise<RunResult> {
  const before = s.index.uploads.length
  const stored = s.index.stored()
  const r = await client.upload(s.index.url, s.dists(project).files, token, s.home)
  expect(r.status, r.text).not.toBe(0)
  expect(r.text).toMatch(/403 Forbidden/)
  expect(r.text).toContain(shown)
  expect(s.index.uploads.slice(before).map((u) => [u.status, u.stage])).toEqual([[403, stage]])
  expect(s.index.stored()).toEqual(stored)
  return r
}

describe.skipIf(skip !== null)(`uploads to an index that knows its tokens${skip === null ? '' : ` (skipped: ${skip})`}`, () => {
  describe.each(CLIENTS.map((c) => [c.name, c] as [string, Client]))('%s', (_name, client) => {
    it('a user-scoped token uploads to its owner\'s project and to a new project its owner then owns, and is refused for another user\'s project', async () => {
      const { s, token } = await ownedScene()
      await accepted(s, client, 'alice-proj', token)
      await accepted(s, client, 'Alice.New', token)
      expect([...(s.store.project('alice-new')?.roles ?? [])]).toEqual([[s.owner.id, 'Owner']])
      await refused(s, client, 'bobs-proj', token, 'role', "The user 'alice' isn't allowed to upload to project 'bobs-proj'.")
      expect(s.index.uploads.at(-1)?.verdict?.valid).toBe(true)
    }, TEST_TIMEOUT_MS)

    it('a deleted token is refused, and the owner\'s other tokens still work', async () => {
      const { s, token, row } = await ownedScene()
      await accepted(s, client, 'alice-proj', token)
      expect(s.store.delete(row.id)).toBe(true)
      await refused(s, client, 'alice-other', token, 'identity', `Invalid or non-existent authentication information: Macaroon not found: no token has the identifier "${row.id}" (deleted, or never issued)`)
      await accepted(s, client, 'alice-other', s.token)
    }, TEST_TIMEOUT_MS)

    it('a copy narrowed with restrict --project alice-proj uploads only there, and dies with the token it came from', async () => {
      const { s, token, row } = await ownedScene()
      const copy = await pypiToken(['restrict', '--from-env', 'PYPI_TOKEN', '--project', 'alice-proj', '--expires-in', '10m'], { PYPI_TOKEN: token })
      await accepted(s, client, 'alice-proj', copy)
      await refused(s, client, 'alice-other', copy, 'token', 'Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 2 (project-names): token is not valid for project "alice-other" (allowed: "alice-proj")')
      await refused(s, client, 'bobs-proj', copy, 'token', 'caveat 2 (project-names): token is not valid for project "bobs-proj"')
      await accepted(s, client, 'alice-other', token)
      s.store.delete(row.id)
      await refused(s, client, 'alice-proj', copy, 'identity', 'Invalid or non-existent authentication information: Macaroon not found')
    }, TEST_TIMEOUT_MS)
  })
})
