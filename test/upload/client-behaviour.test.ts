/**
 * What the real clients do with the token string and with a 403, recorded by the local index
 * byte for byte: surrounding whitespace, characters outside the token alphabet, tokens up to and
 * beyond the size limits of spec/limits.md, and where each client shows the index's reason.
 * The README's "Uploading with a narrowed token" section reports these observations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { missingClients, TEST_TIMEOUT_MS, twineUpload, uvPublish, type RunResult, type TwineVia, type UvVia } from './clients.js'
import { tokenOfLength } from './long-token.js'
import { openScene, type Scene } from './scene.js'

const skip = missingClients()
const title = (what: string) => `${what}${skip === null ? '' : ` (skipped: ${skip})`}`

type Channel = { client: 'twine'; via: TwineVia } | { client: 'uv'; via: UvVia }
const CHANNELS: readonly Channel[] = [
  { client: 'twine', via: 'env' },
  { client: 'twine', via: 'option' },
  { client: 'uv', via: 'token' },
  { client: 'uv', via: 'env' },
  { client: 'uv', via: 'password' },
]
const channelName = (c: Channel) => `${c.client} ${{ env: c.client === 'twine' ? 'TWINE_PASSWORD' : 'UV_PUBLISH_TOKEN', option: '--password', token: '--token', password: '--username __token__ --password' }[c.via]}`

function upload(c: Channel, s: Scene, files: readonly string[], token: string): Promise<RunResult> {
  return c.client === 'twine' ? twineUpload(s.index.url, files, token, s.home, c.via) : uvPublish(s.index.url, files, token, s.home, c.via)
}

let scene: Scene | null = null
afterEach(async () => {
  await scene?.close()
  scene = null
})

describe.skipIf(skip !== null)(title('what the clients send as the token'), () => {
  describe.each(CHANNELS.map((c) => [channelName(c), c] as [string, Channel]))('%s', (_name, channel) => {
    it('sends surrounding whitespace unchanged (no trimming); the index strips it from the Basic password, as the production index does, and accepts', async () => {
      const s = (scene = await openScene())
      const sent = [`${s.token}\n`, `${s.token}\t`, ` ${s.token}`, s.token]
      for (const [i, token] of sent.entries()) {
        const r = await upload(channel, s, [s.dists('sampleproj', `1.${i}`).wheel], token)
        expect(r.status, r.text).toBe(0)
        expect(s.index.uploads.at(-1)?.passwordBytes?.equals(Buffer.from(token)), JSON.stringify(token)).toBe(true)
      }
      expect(s.index.uploads.map((u) => u.status)).toEqual([200, 200, 200, 200])
      expect(s.index.stored()).toEqual(sent.map((_, i) => `sampleproj-1.${i}-py3-none-any.whl`))
    }, TEST_TIMEOUT_MS)
  })

  it.each([
    ['twine', 'Latin-1', 'e9', 'Invalid or non-existent authentication information: the Basic credentials are not UTF-8'],
    ['uv', 'UTF-8', 'c3a9', 'Invalid or non-existent authentication information: TOKEN_BAD_ENCODING: standard-alphabet character \'+\' is not allowed in a token body (canonical unpadded base64url only)'],
  ] as const)('%s sends ASCII verbatim (no percent-encoding) and encodes other characters as %s', async (client, _encoding, eAcute, refusal) => {
    const s = (scene = await openScene())
    const sent = 'pypi-Ab+c/d==%41:@é'
    const channel: Channel = client === 'twine' ? { client, via: 'env' } : { client, via: 'token' }
    const r = await upload(channel, s, [s.dists('sampleproj').wheel], sent)
    expect(r.status).not.toBe(0)
    expect(s.index.uploads.map((u) => u.passwordBytes?.toString('hex'))).toEqual([Buffer.from('pypi-Ab+c/d==%41:@', 'latin1').toString('hex') + eAcute])
    expect(s.index.uploads.map((u) => [u.stage, u.body])).toEqual([['identity', `${refusal}\n`]])
  }, TEST_TIMEOUT_MS)
})

describe.skipIf(skip !== null)(title('long tokens (spec/limits.md)'), () => {
  let s: Scene
  const tokens = new Map<number, string>()
  let version = 0
  beforeAll(async () => {
    s = await openScene()
    for (const length of [8192, 65536, 65540, 131000]) tokens.set(length, tokenOfLength(s.token, 'sampleproj', length, 64))
  }, TEST_TIMEOUT_MS)
  afterAll(async () => {
    await s.close()
  })

  describe.each([
    ['twine (TWINE_PASSWORD)', { client: 'twine', via: 'env' }],
    ['uv (--token)', { client: 'uv', via: 'token' }],
  ] as [string, Channel][])('%s', (_name, channel) => {
    it.each([8192, 65536])('carries a %i-character token with 64 caveats intact, and the index accepts it', async (length) => {
      const token = tokens.get(length) as string
      const before = s.index.uploads.length
      const r = await upload(channel, s, [s.dists('sampleproj', `3.${version++}`).wheel], token)
      expect(r.status, r.text.slice(0, 2000)).toBe(0)
      expect(s.index.uploads.slice(before).map((u) => [u.status, u.password?.length, u.password === token])).toEqual([[200, length, true]])
    }, TEST_TIMEOUT_MS)

    it.each([65540, 131000])('carries a %i-character token intact; the index refuses it as TOKEN_TOO_LARGE and the client shows why', async (length) => {
      const token = tokens.get(length) as string
      const before = s.index.uploads.length
      const r = await upload(channel, s, [s.dists('sampleproj', `4.${version++}`).wheel], token)
      expect(r.status).not.toBe(0)
      expect(r.text).toContain(`Invalid or non-existent authentication information: TOKEN_TOO_LARGE: token is ${length} characters; the limit is 65536`)
      expect(s.index.uploads.slice(before).map((u) => [u.status, u.password === token])).toEqual([[403, true]])
    }, TEST_TIMEOUT_MS)
  })
})

describe.skipIf(skip !== null)(title('where the clients show a 403'), () => {
  const REASON = /Invalid or non-existent authentication information: TOKEN_BAD_PREFIX/
  it.each([
    ['twine', { phrase: true, body: false }, true],
    ['twine', { phrase: false, body: true }, false],
    ['uv', { phrase: true, body: false }, false],
    ['uv', { phrase: false, body: true }, true],
  ] as const)('%s, reason %o: shown %s', async (client, refusalIn, shown) => {
    const s = (scene = await openScene({ refusalIn }))
    const channel: Channel = client === 'twine' ? { client, via: 'env' } : { client, via: 'token' }
    const r = await upload(channel, s, [s.dists('sampleproj').wheel], 'not-a-token')
    expect(r.status).not.toBe(0)
    expect(r.text).toMatch(/403 Forbidden/)
    expect(REASON.test(r.text), r.text).toBe(shown)
  }, TEST_TIMEOUT_MS)
})
