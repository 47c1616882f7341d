/**
 * The README's upload recipes, taken from README.md and run as they stand in `sh`, with
 * `npx --no pypi-token` finding the built CLI as after a local install, twine and uv on PATH, the wide token in PYPI_TOKEN and the
 * clients pointed at the local index by TWINE_REPOSITORY_URL / UV_PUBLISH_URL.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanEnv, missingClients, ROOT, run, shimDir, TEST_TIMEOUT_MS } from './clients.js'
import { writeDists, type Dists } from './dists.js'
import { openScene, type Scene } from './scene.js'

const skip = missingClients()

/** Every ```sh block of README.md. */
function readmeShellBlocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  return [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string)
}

/** The README's blocks that contain `marker`; there must be at least one. */
function recipes(marker: string): string[] {
  const found = readmeShellBlocks().filter((b) => b.includes(marker))
  if (found.length === 0) throw new Error(`README.md has no sh block containing ${JSON.stringify(marker)}`)
  return found
}

/** A project folder whose dist/ holds a wheel and an sdist of `name` (the recipes upload dist/*). */
function projectFolder(s: Scene, name: string): { cwd: string; dists: Dists } {
  const cwd = join(s.home, `project-${name}`)
  mkdirSync(join(cwd, 'dist'), { recursive: true })
  return { cwd, dists: writeDists(join(cwd, 'dist'), name) }
}

/**
 * The recipes call `npx --no pypi-token`, which finds the command in a node_modules/.bin above
 * the working directory (a local install) or in npm's global bin (npm link), never on PATH. HOME
 * stands for the project the package was installed in: its node_modules/.bin holds the built CLI.
 */
function installLocally(home: string): void {
  const bin = join(home, 'node_modules', '.bin')
  if (existsSync(join(bin, 'pypi-token'))) return
  mkdirSync(bin, { recursive: true })
  symlinkSync(join(shimDir(home), 'pypi-token'), join(bin, 'pypi-token'))
}

function shell(s: Scene, script: string, cwd: string) {
  installLocally(s.home)
  const env = cleanEnv(s.home, { PYPI_TOKEN: s.token, TWINE_REPOSITORY_URL: s.index.url, UV_PUBLISH_URL: s.index.url })
  return run('/bin/sh', ['-c', script], env, { cwd })
}

let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

describe.skipIf(skip !== null)(`the README's upload recipes${skip === null ? '' : ` (skipped: ${skip})`}`, () => {
  it('shows what the narrowed token allows, with pypi-token inspect, before uploading', async () => {
    const s = (scene = await openScene())
    for (const recipe of recipes('| npx --no pypi-token inspect')) {
      const r = await shell(s, recipe, s.home)
      expect(r.status, r.text).toBe(0)
      expect(r.stdout).toMatch(/\[0\] expiration +\[0,\d+,\d+\]\n.*Expires in (9|10) minutes( \d+ seconds?)?\./)
      expect(r.stdout).toMatch(/\[1\] project-names +\[1,\["foo"\]\]\n +Only for the project named "foo"\./)
    }
  }, TEST_TIMEOUT_MS)

  describe.each([
    ['twine', 'twine upload'],
    ['uv', 'uv publish --token'],
  ])('%s', (_client, marker) => {
    it('uploads project foo through the recipe: every file accepted and stored, the wide token never sent', async () => {
      for (const recipe of recipes(marker)) {
        const s = (scene = await openScene())
        const { cwd, dists } = projectFolder(s, 'foo')
        const r = await shell(s, recipe, cwd)
        expect(r.status, r.text).toBe(0)
        const files = dists.files.map((f) => basename(f))
        expect(s.index.uploads.map((u) => [u.status, u.filename, u.password === s.token])).toEqual(files.map((f) => [200, f, false]))
        expect(s.index.stored()).toEqual(files.sort())
        await s.close()
        scene = null
      }
    }, TEST_TIMEOUT_MS)

    it('refuses project bar through the same recipe with 403, and the client shows the reason', async () => {
      const s = (scene = await openScene())
      for (const recipe of recipes(marker)) {
        const { cwd } = projectFolder(s, 'bar')
        const before = s.index.uploads.length
        const r = await shell(s, recipe, cwd)
        expect(r.status, r.text).not.toBe(0)
        expect(r.text).toMatch(/403 Forbidden/)
        expect(r.text).toContain('Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 1 (project-names): token is not valid for project "bar" (allowed: "foo")')
        expect(s.index.uploads.slice(before).map((u) => u.status)).toEqual([403])
      }
      expect(s.index.stored()).toEqual([])
    }, TEST_TIMEOUT_MS)
  })
})
