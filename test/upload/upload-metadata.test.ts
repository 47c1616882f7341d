/**
 * The name and version checks of the test index (upload-metadata.ts): answered with 400 before
 * the token's caveats are looked at, as the production index does, and decided as packaging
 * decides (the pinned packaging of the clients' virtualenv is the oracle).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { restrict } from '../../src/index.js'
import { CLIENT_BIN } from './clients.js'
import { buildWheel } from './dists.js'
import { post } from './post-upload.js'
import { INDEX_TEST_TIMEOUT_MS, openScene, type Scene } from './scene.js'
import { metadataProblem, normalVersion } from './upload-metadata.js'

const PYTHON = join(CLIENT_BIN, 'python')
const noPython = existsSync(PYTHON) ? null : `${PYTHON} is missing: run \`npm run adapters:setup\``

let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

const CORE = 'See the core metadata specification for more information.'

describe('name and version of an upload', { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  it('refuses an invalid name, metadata version or version, or a local version, with 400 and the production message', async () => {
    const s = (scene = await openScene())
    const file = { name: 'x-1-py3-none-any.whl', data: buildWheel('x', '1') }
    const cases: [Parameters<typeof post>[1], string][] = [
      [{ version: '1' }, `'' is an invalid value for Name. Error: This field is required. ${CORE}`],
      [{ name: '-x', version: '1' }, `'-x' is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. ${CORE}`],
      [{ name: `x${'y'.repeat(70)}.`, version: '1' }, `'x${'y'.repeat(29)}...${'y'.repeat(29)}.' is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. ${CORE}`],
      [{ name: 'x', version: '1', metadataVersion: null }, `None is not a valid metadata version. ${CORE}`],
      [{ name: 'x', version: '1', metadataVersion: '3.0' }, `'3.0' is not a valid metadata version. ${CORE}`],
      [{ name: 'x' }, `'version' is a required field. ${CORE}`],
      [{ name: 'x', version: '1.0.x' }, `'1.0.x' is invalid for 'version'. ${CORE}`],
      [{ name: 'x', version: '1.0+Ubuntu-1' }, "The use of local versions in '1.0+ubuntu.1' is not allowed. See the version specifiers specification (local version identifiers) for more information."],
    ]
    for (const [fields, message] of cases) {
      const r = await post(s.index.url, { ...fields, file, password: s.token })
      expect([r.status, r.statusText, r.body]).toEqual([400, message, `${message}\n`])
    }
    expect(s.index.uploads.every((u) => u.stage === 'metadata')).toBe(true)
    expect((await post(s.index.url, { name: 'x', version: ' V1.0-RC1 ', file, password: s.token })).status).toBe(200)
    expect(s.index.stored()).toEqual(['x-1-py3-none-any.whl'])
  })

  it('checks the metadata after the identity and before the token\'s caveats, as the production index does', async () => {
    const s = (scene = await openScene())
    const other = restrict(s.token, [{ type: 'project_names', names: ['other'] }])
    if (!other.ok) throw new Error(other.message)
    const file = { name: 'x-1-py3-none-any.whl', data: buildWheel('x', '1') }
    expect((await post(s.index.url, { name: 'x', version: 'one', file, password: other.token })).status).toBe(400)
    expect((await post(s.index.url, { name: 'x', version: 'one', file, password: 'pypi-nothing' })).status).toBe(403)
    expect((await post(s.index.url, { name: 'x', version: '1', file, password: other.token })).status).toBe(403)
    expect(s.index.uploads.map((u) => u.stage)).toEqual(['metadata', 'identity', 'token'])
  })
})

describe.skipIf(noPython !== null)(`name and version rules against packaging${noPython === null ? '' : ` (skipped: ${noPython})`}`, { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  const ORACLE = `
import json, sys
from packaging.utils import canonicalize_name, InvalidName
from packaging.version import Version, InvalidVersion
names, versions = json.load(sys.stdin)
def name_ok(n):
    try:
        canonicalize_name(n, validate=True); return True
    except InvalidName:
        return False
def version_str(v):
    try: return str(Version(v))
    except InvalidVersion: return None
print(json.dumps([[name_ok(n) for n in names], [version_str(v) for v in versions]]))`

  it('accepts exactly the names packaging validates and parses versions to the strings packaging gives (local ones refused)', () => {
    const names = [...fc.sample(fc.array(fc.constantFrom(...'aZ09._-é \n'.split('')), { minLength: 1, maxLength: 6 }).map((a) => a.join('')), { numRuns: 400, seed: 6 }), 'A', 'a.b', 'a..b', 'a-', '_a', 'ǅ', 'k\u212a']
    const pieces = ['1', '0', '12', '.', '!', '+', '-', '_', 'a', 'b', 'c', 'rc', 'RC', 'pre', 'preview', 'alpha', 'beta', 'post', 'rev', 'r', 'dev', 'Dev', 'v', 'V', ' ', 'local', 'x', '\t']
    const versions = [...fc.sample(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 7 }).map((a) => a.join('')), { numRuns: 1500, seed: 6 }), '1.0', '1!2.0.post3.dev4+abc.5', ' 1.0 ', '1.0\n', 'v1', '1.0-1', '1_0', '01.02']
    const r = spawnSync(PYTHON, ['-c', ORACLE], { input: JSON.stringify([names, versions]), encoding: 'utf8', timeout: 120_000 })
    expect(r.stderr).toBe('')
    const [nameOk, versionStr] = JSON.parse(r.stdout) as [boolean[], (string | null)[]]
    expect(nameOk.filter(Boolean).length).toBeGreaterThan(50)
    expect(versionStr.filter((v) => v !== null).length).toBeGreaterThan(50)
    expect(names.map((name) => metadataProblem({ metadata_version: '2.1', name, version: '1' }) === null)).toEqual(nameOk)
    expect(versions.map((v) => normalVersion(v))).toEqual(versionStr)
    const local = versions.filter((_, i) => versionStr[i]?.includes('+'))
    expect(local.length).toBeGreaterThan(5)
    for (const v of local) expect(metadataProblem({ metadata_version: '2.1', name: 'x', version: v })).toMatch(/^The use of local versions in /)
  })
})
