/**
 * The local test index itself (no upload client needed): what it accepts, what it refuses and
 * how it says so, and that the upload folder only ever holds complete, accepted files.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mint, restrict } from '../../src/index.js'
import { buildSdist, buildWheel, crc32, writeDists } from './dists.js'
import { projectIdFor } from './index-store.js'
import { post } from './post-upload.js'
import { FormError, parseMultipart } from './multipart.js'
import { INDEX_TEST_TIMEOUT_MS, openScene, type Scene } from './scene.js'

/** Checks the wheel's CRCs and RECORD (sha256, size) and reads the sdist's PKG-INFO, independently of dists.ts. */
const CHECK_ARCHIVES = `
import base64, hashlib, sys, tarfile, zipfile
from email.parser import Parser
wheel, sdist = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    assert z.testzip() is None, "bad CRC"
    for line in z.read([n for n in z.namelist() if n.endswith("/RECORD")][0]).decode().splitlines():
        path, digest, size = line.split(",")
        if not digest:
            continue
        data = z.read(path)
        ok = digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode() and int(size) == len(data)
        print(path, "ok" if ok else "MISMATCH")
with tarfile.open(sdist, "r:gz") as t:
    member = [m for m in t.getmembers() if m.name.endswith("/PKG-INFO")][0]
    meta = Parser().parsestr(t.extractfile(member).read().decode())
    print("sdist", member.name, meta["Name"], meta["Version"])
`

let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

async function withScene(): Promise<Scene> {
  scene = await openScene()
  return scene
}

describe('local test index', { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  it('stores an upload whose token the reference verifier accepts, under its own name, complete', async () => {
    const s = await withScene()
    const d = s.dists('Sample_Project')
    for (const file of d.files) {
      const data = readFileSync(file)
      const r = await post(s.index.url, { name: 'Sample_Project', version: '0.1.0', file: { name: basename(file), data }, password: s.token, digest: createHash('sha256').update(data).digest('hex') })
      expect(r).toMatchObject({ status: 200, statusText: 'OK' })
    }
    expect(s.index.stored()).toEqual(d.files.map((f) => basename(f)).sort())
    for (const file of d.files) expect(readFileSync(`${s.index.options.dir}/${basename(file)}`).equals(readFileSync(file))).toBe(true)
  })

  it('refuses a token for another project with 403, the reason code and message in the reason phrase and the body, and stores nothing', async () => {
    const s = await withScene()
    const narrowed = restrict(s.token, [{ type: 'project_names', names: ['other-project'] }])
    if (!narrowed.ok) throw new Error(narrowed.message)
    const r = await post(s.index.url, { name: 'sample.project', version: '1', file: { name: 'sample_project-1.tar.gz', data: buildSdist('sample.project', '1') }, password: narrowed.token })
    expect(r.status).toBe(403)
    expect(r.statusText).toBe('Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 0 (project-names): token is not valid for project "sample-project" (allowed: "other-project")')
    expect(r.body).toBe(`${r.statusText}\n`)
    expect(s.index.uploads[0]?.verdict?.failures.map((f) => f.caveat)).toEqual(['project-names'])
    expect(s.index.stored()).toEqual([])
  })

  it('builds the context from the request: PEP 503 name, a fixed lowercase-UUID id per name, the injected clock, the token owner as the user', async () => {
    const s = await withScene()
    s.index.options.now = () => 1_700_000_000
    const byId = restrict(s.token, [{ type: 'project_ids', ids: [projectIdFor('My.Pkg')] }, { type: 'expiration', not_before: 1_699_999_999, expires_at: 1_700_000_001 }])
    if (!byId.ok) throw new Error(byId.message)
    expect(projectIdFor('my-pkg')).toBe(projectIdFor('MY__PKG'))
    expect(projectIdFor('my-pkg')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(projectIdFor('my-pkg')).not.toBe(projectIdFor('my-pkg2'))
    const file = { name: 'my_pkg-1-py3-none-any.whl', data: buildWheel('My.Pkg', '1') }
    expect((await post(s.index.url, { name: 'my_PKG', version: '1', file, password: byId.token })).status).toBe(200)
    s.index.options.now = () => 1_700_000_001
    const late = await post(s.index.url, { name: 'my_PKG', version: '2', file: { ...file, name: 'my_pkg-2-py3-none-any.whl' }, password: byId.token })
    expect(late.statusText).toMatch(/^Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 1 \(expiration\): token expired/)
    const user = restrict(s.token, [{ type: 'user', user_id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }])
    if (!user.ok) throw new Error(user.message)
    const r = await post(s.index.url, { name: 'my-pkg', version: '3', file: { ...file, name: 'my_pkg-3-py3-none-any.whl' }, password: user.token })
    expect(r.statusText).toBe(`Invalid API Token: CAVEAT_NOT_SATISFIED: caveat 0 (request-user): token is restricted to user 0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11, not ${s.owner.id}`)
    const owner = restrict(s.token, [{ type: 'user', user_id: s.owner.id }])
    if (!owner.ok) throw new Error(owner.message)
    expect((await post(s.index.url, { name: 'my-pkg', version: '4', file: { ...file, name: 'my_pkg-4-py3-none-any.whl' }, password: owner.token })).status).toBe(200)
    expect(s.index.uploads.map((u) => u.stage)).toEqual(['stored', 'token', 'token', 'stored'])
    expect(s.index.stored()).toEqual(['my_pkg-1-py3-none-any.whl', 'my_pkg-4-py3-none-any.whl'])
  })

  it('refuses a token of another index, a wrong key, a user other than __token__ and a missing Authorization with 403', async () => {
    const s = await withScene()
    const other = await openScene()
    try {
      const file = { name: 'a-1.tar.gz', data: buildSdist('a', '1') }
      const otherId = other.row.id
      expect((await post(s.index.url, { name: 'a', version: '1', file, password: other.token })).statusText).toBe(`Invalid or non-existent authentication information: Macaroon not found: no token has the identifier "${otherId}" (deleted, or never issued)`)
      const forged = mint({ key: new Uint8Array(32).fill(7), identifier: s.row.id, location: 'index.example' })
      if (!forged.ok) throw new Error(forged.message)
      expect((await post(s.index.url, { name: 'a', version: '1', file, password: forged.token })).statusText).toBe('Invalid API Token: SIGNATURE_MISMATCH: signature does not match: wrong key, or the token was altered')
      expect((await post(s.index.url, { name: 'a', version: '1', file, password: s.token, user: 'alice' })).statusText).toBe('Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead.')
      expect((await post(s.index.url, { name: 'a', version: '1', file })).statusText).toBe('Invalid or non-existent authentication information: no Authorization header')
      expect(s.index.uploads.map((u) => [u.status, u.stage])).toEqual([[403, 'identity'], [403, 'token'], [403, 'identity'], [403, 'identity']])
      expect(s.index.stored()).toEqual([])
      expect(s.store.project('a')).toBeUndefined()
    } finally {
      await other.close()
    }
  })

  it('answers 400 for an incomplete upload, a file of another project, a wrong digest and a file that already exists', async () => {
    const s = await withScene()
    const data = buildSdist('a', '1')
    const file = { name: 'a-1.tar.gz', data }
    expect((await post(s.index.url, { name: 'a', version: '1', password: s.token })).status).toBe(400)
    expect((await post(s.index.url, { name: 'a', version: '1', file: { name: 'b-1.tar.gz', data }, password: s.token })).statusText).toBe('File b-1.tar.gz does not belong to project a')
    expect((await post(s.index.url, { name: 'a', version: '1', file, password: s.token, digest: '00'.repeat(32) })).statusText).toBe('sha256_digest does not match the content')
    expect((await post(s.index.url, { name: 'a', version: '1', file, password: s.token })).status).toBe(200)
    expect((await post(s.index.url, { name: 'a', version: '1', file: { name: 'a-1.tar.gz', data: Buffer.from('other bytes') }, password: s.token })).statusText).toBe('File already exists: a-1.tar.gz')
    expect(s.index.stored()).toEqual(['a-1.tar.gz'])
    expect(readFileSync(`${s.index.options.dir}/a-1.tar.gz`).equals(data)).toBe(true)
  })

  it('can put the reason in the reason phrase only or in the body only', async () => {
    const s = await withScene()
    const file = { name: 'a-1.tar.gz', data: buildSdist('a', '1') }
    s.index.options.refusalIn = { phrase: true, body: false }
    const phraseOnly = await post(s.index.url, { name: 'a', version: '1', file, password: 'pypi-x' })
    expect([phraseOnly.statusText, phraseOnly.body]).toEqual(['Invalid or non-existent authentication information: TOKEN_BAD_ENCODING: the token looks truncated or has a stray character (body length is 1 mod 4, which no byte sequence encodes); copy it again whole', ''])
    s.index.options.refusalIn = { phrase: false, body: true }
    const bodyOnly = await post(s.index.url, { name: 'a', version: '1', file, password: 'pypi-x' })
    expect([bodyOnly.statusText, bodyOnly.body]).toEqual(['Forbidden', 'Invalid or non-existent authentication information: TOKEN_BAD_ENCODING: the token looks truncated or has a stray character (body length is 1 mod 4, which no byte sequence encodes); copy it again whole\n'])
  })
})

describe('multipart reader and fixture archives', { timeout: INDEX_TEST_TIMEOUT_MS }, () => {
  it('reads parts, and refuses a body cut short', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nfoo\r\n--b\r\nContent-Disposition: form-data; name="content"; filename="f.whl"\r\n\r\n\r\n--x\r\n--b--\r\n')
    expect(parseMultipart(body, 'b').map((p) => [p.name, p.filename, p.data.toString()])).toEqual([
      ['name', null, 'foo'],
      ['content', 'f.whl', '\r\n--x'],
    ])
    expect(() => parseMultipart(body.subarray(0, body.length - 8), 'b')).toThrow(new FormError('part "content" is not closed by a boundary (truncated body?)'))
    expect(() => parseMultipart(body.subarray(0, 30), 'b')).toThrow(new FormError('part headers never end'))
  })

  it('computes the zip CRC-32 (check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })

  it('writes archives that the zipfile and tarfile modules of Python read back: CRCs, RECORD digests and sizes, PKG-INFO', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dists-'))
    try {
      const d = writeDists(dir, 'Check.Me', '1.2')
      const r = spawnSync('python3', ['-c', CHECK_ARCHIVES, d.wheel, d.sdist], { encoding: 'utf8', timeout: 120_000 })
      expect(r.stderr).toBe('')
      expect(r.stdout.trim().split('\n')).toEqual([
        'check_me/__init__.py ok',
        'check_me-1.2.dist-info/METADATA ok',
        'check_me-1.2.dist-info/WHEEL ok',
        'sdist check_me-1.2/PKG-INFO Check.Me 1.2',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
