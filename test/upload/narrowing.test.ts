/**
 * Issue 13: a token narrowed by `pypi-token restrict` right before an upload, presented by the
 * real clients (twine, `uv publish`; pinned in clients/requirements.txt) to the local test index.
 * What the index accepts must be exactly what `pypi-token inspect` says the token allows.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { normalizeProjectName } from '../../src/index.js'
import { CLI, CLIENTS, missingClients, newestSource, pypiToken, TEST_TIMEOUT_MS, type Client, type RunResult } from './clients.js'
import type { Dists } from './dists.js'
import { openScene, type Scene } from './scene.js'

const skip = missingClients()
let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

/** `pypi-token restrict` with the token in a variable (--from-env), as the README's recipe does. */
function narrow(token: string, ...restrictions: string[]): Promise<string> {
  return pypiToken(['restrict', '--from-env', 'PYPI_TOKEN', ...restrictions], { PYPI_TOKEN: token })
}

interface InspectedCaveat {
  slug: string
  restriction: { type: string; names?: string[]; not_before?: number; expires_at?: number }
}

async function inspectCaveats(token: string): Promise<InspectedCaveat[]> {
  return (JSON.parse(await pypiToken(['inspect', '--json', '-'], {}, token)) as { caveats: InspectedCaveat[] }).caveats
}

/** What inspect's caveats allow for an upload to `project` at `now` (only the kinds used here). */
function allows(caveats: readonly InspectedCaveat[], project: string, now: number): boolean {
  return caveats.every(({ restriction: r }) => {
    if (r.type === 'project_names') return (r.names ?? []).includes(normalizeProjectName(project))
    if (r.type === 'expiration') return (r.not_before as number) <= now && now < (r.expires_at as number)
    throw new Error(`unexpected caveat ${r.type}`)
  })
}

function expectStoredExactly(s: Scene, dists: Dists): void {
  expect(s.index.stored()).toEqual(dists.files.map((f) => basename(f)).sort())
  for (const file of dists.files) expect(readFileSync(`${s.index.options.dir}/${basename(file)}`).equals(readFileSync(file)), basename(file)).toBe(true)
}

function expectRefused(s: Scene, r: RunResult, shown: RegExp): void {
  expect(r.status, r.text).not.toBe(0)
  expect(r.text).toMatch(/403 Forbidden/)
  expect(r.text).toMatch(shown)
  expect(s.index.uploads.length).toBeGreaterThan(0)
  expect(s.index.uploads.every((u) => u.status === 403)).toBe(true)
  expect(s.index.stored()).toEqual([])
}

describe.skipIf(skip !== null)(`upload through real clients${skip === null ? '' : ` (skipped: ${skip})`}`, () => {
  it('runs the CLI built from the current sources (dist/ is not older than src/)', () => {
    expect(statSync(CLI).mtimeMs, 'dist/ is older than src/: run `npm run -s build`').toBeGreaterThanOrEqual(newestSource())
  })

  describe.each(CLIENTS.map((c) => [c.name, c] as [string, Client]))('%s', (_name, client) => {
    it('accepts a token narrowed with restrict --project NAME --expires-in 10m and stores exactly the files sent', async () => {
      const s = (scene = await openScene())
      const token = await narrow(s.token, '--project', 'sampleproj', '--expires-in', '10m')
      const dists = s.dists('sampleproj')
      const r = await client.upload(s.index.url, dists.files, token, s.home)
      expect(r.status, r.text).toBe(0)
      expect(s.index.uploads.map((u) => [u.status, u.filename, u.password === token])).toEqual(dists.files.map((f) => [200, basename(f), true]))
      expectStoredExactly(s, dists)
    }, TEST_TIMEOUT_MS)

    it('refuses the same token narrowed to another project with 403, and the client shows the reason', async () => {
      const s = (scene = await openScene())
      const token = await narrow(s.token, '--project', 'otherproj', '--expires-in', '10m')
      const r = await client.upload(s.index.url, s.dists('sampleproj').files, token, s.home)
      expectRefused(s, r, /Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 1 \(project-names\): token is not valid for project "sampleproj" \(allowed: "otherproj"\)/)
    }, TEST_TIMEOUT_MS)

    it('accepts a narrowed token until the last second inspect gives, and refuses it once expired', async () => {
      const s = (scene = await openScene())
      const token = await narrow(s.token, '--project', 'sampleproj', '--expires-in', '10m')
      const caveats = await inspectCaveats(token)
      const expiresAt = caveats.find((c) => c.slug === 'expiration')?.restriction.expires_at as number
      expect([allows(caveats, 'sampleproj', expiresAt - 1), allows(caveats, 'sampleproj', expiresAt)]).toEqual([true, false])

      s.index.options.now = () => expiresAt - 1
      const before = s.dists('sampleproj', '1.0')
      expect((await client.upload(s.index.url, [before.wheel], token, s.home)).status).toBe(0)
      s.index.options.now = () => expiresAt
      const after = await client.upload(s.index.url, s.dists('sampleproj', '2.0').files, token, s.home)
      expect(after.status, after.text).not.toBe(0)
      expect(after.text).toMatch(/403 Forbidden/)
      expect(after.text).toMatch(/Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 0 \(expiration\): token expired at/)
      expect(s.index.uploads.map((u) => u.status)).toEqual([200, 403])
      expect(s.index.stored()).toEqual([basename(before.wheel)])
    }, TEST_TIMEOUT_MS)

    it('accepts a token narrowed twice only for the intersection of its project lists, as inspect says', async () => {
      const s = (scene = await openScene())
      const once = await narrow(s.token, '--project', 'alpha', '--project', 'Beta.Pkg', '--expires-in', '10m')
      const twice = await narrow(once, '--project', 'beta-pkg', '--project', 'gamma')
      const caveats = await inspectCaveats(twice)
      expect(caveats.map((c) => c.slug)).toEqual(['expiration', 'project-names', 'project-names'])
      const accepted: string[] = []
      for (const project of ['alpha', 'Beta_Pkg', 'gamma']) {
        const before = s.index.uploads.length
        const dists = s.dists(project)
        const r = await client.upload(s.index.url, dists.files, twice, s.home)
        const expected = allows(caveats, project, Math.floor(Date.now() / 1000))
        expect([project, r.status === 0], r.text).toEqual([project, expected])
        const seen = s.index.uploads.slice(before)
        expect(seen.map((u) => u.status)).toEqual(expected ? [200, 200] : [403])
        if (expected) accepted.push(...dists.files.map((f) => basename(f)))
        else expect(r.text).toContain(`token is not valid for project "${normalizeProjectName(project)}"`)
      }
      expect(accepted).toHaveLength(2)
      expect(s.index.stored()).toEqual(accepted.sort())
    }, TEST_TIMEOUT_MS)
  })
})
