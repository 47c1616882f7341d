/**
 * The library as a browser runs it: no Buffer and no node:crypto (src/platform.ts mocked away),
 * so every HMAC, base64url and hex conversion takes the portable path. Checked against Node's own
 * implementations, the spec's test values, the recorded tokens and every vector.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { handle } from '../../src/adapter/handle.js'
import { fromHex, toHex } from '../../src/bytes.js'
import type { Vector, VectorFile } from '../../src/generated/types.js'
import { judge } from '../../src/harness/judging/judge.js'
import { hmacSha256 as portableHmacSha256 } from '../../src/macaroon/sha256.js'
import { computeSignature, deriveKey, extendSignature, hmacSha256, signIdentifier } from '../../src/macaroon/signature.js'
import type { Caveat } from '../../src/macaroon/types.js'
import { nodeCrypto, NodeBuffer } from '../../src/platform.js'
import { decodeBase64url, encodeBase64url } from '../../src/token/base64url.js'
import { KEY, NPM_DOC, PYPITOKEN, WH } from '../fixtures/reference-tokens.js'
import { macaroonOf } from '../helpers.js'

vi.mock('../../src/platform.js', () => ({ nodeCrypto: undefined, NodeBuffer: undefined }))

const nodeHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const nodeHmac = (key: Uint8Array, message: Uint8Array) => createHmac('sha256', key).update(message).digest()
const utf8 = (text: string) => new TextEncoder().encode(text)

/** The chain of spec/signature.md written with node:crypto's createHmac. */
function nodeChain(rootKey: Uint8Array, identifier: Uint8Array, caveats: readonly Caveat[]): string {
  let sig = nodeHmac(nodeHmac(utf8('macaroons-key-generator'), rootKey), identifier)
  for (const c of caveats) sig = c.kind === 'first-party' ? nodeHmac(sig, c.id) : nodeHmac(sig, Buffer.concat([nodeHmac(sig, c.vid), nodeHmac(sig, c.id)]))
  return sig.toString('hex')
}

describe('without Buffer and node:crypto', () => {
  it('the platform offers neither, and the chain uses the portable HMAC', () => {
    expect(nodeCrypto).toBeUndefined()
    expect(NodeBuffer).toBeUndefined()
    expect(hmacSha256).toBe(portableHmacSha256)
  })

  it("reproduces the spec's test values (SIG-1, SIG-2, SIG-3)", () => {
    const rootKey = Uint8Array.from({ length: 32 }, (_, i) => i)
    const k = deriveKey(rootKey)
    expect(nodeHex(k)).toBe('7a48333781979c470801d9e308c78e75f4de306c63cb9435b16e84d60192417d')
    const sig0 = signIdentifier(k, utf8('12345678-1234-5678-1234-567812345678'))
    expect(nodeHex(sig0)).toBe('cb17649606191dd1c89bcb2bfd8e96b3420f396507628f7851d8888ca5c9de6e')
    expect(nodeHex(extendSignature(sig0, { kind: 'first-party', id: utf8('[1, ["requests", "my-pkg"]]') }))).toBe('80e00dbc8efb174974a2dfd32337a182a8c7f117ad3d11a95a6d34de53847685')
  })

  it('reproduces every recorded signature', () => {
    const fixtures = [...Object.values(PYPITOKEN), WH.project, WH.user, { token: NPM_DOC.threeCaveats, signature: NPM_DOC.threeCaveatsSignature }]
    for (const f of fixtures) {
      const m = macaroonOf(f.token)
      expect(toHex(computeSignature(KEY, m.identifier, m.caveats))).toBe(f.signature)
    }
  })

  const caveatArb = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((id): Caveat => ({ kind: 'first-party', id })),
    fc.record({ id: fc.uint8Array({ maxLength: 80 }), vid: fc.uint8Array({ maxLength: 80 }) }).map(({ id, vid }): Caveat => ({ kind: 'third-party', id, vid, location: null })),
  )
  test.prop([fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.uint8Array({ maxLength: 80 }), fc.array(caveatArb, { maxLength: 6 })])(
    'computes the same chain as node:crypto for any key, identifier and caveats (SIG-1 … SIG-4)',
    (rootKey, identifier, caveats) => {
      expect(nodeHex(computeSignature(rootKey, identifier, caveats))).toBe(nodeChain(rootKey, identifier, caveats))
    },
  )

  test.prop([fc.uint8Array({ maxLength: 400 })])('base64url and hex convert as Buffer does, and back', (bytes) => {
    const text = encodeBase64url(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64url'))
    const decoded = decodeBase64url(text)
    expect(decoded.ok && nodeHex(decoded.bytes)).toBe(nodeHex(bytes))
    expect(toHex(bytes)).toBe(nodeHex(bytes))
    expect(nodeHex(fromHex(nodeHex(bytes).toUpperCase()) ?? new Uint8Array([1]))).toBe(nodeHex(bytes))
  })

  it('decodes a view into a larger buffer by its own bytes only', () => {
    const backing = Uint8Array.from([9, 9, 1, 2, 3, 9])
    expect(encodeBase64url(backing.subarray(2, 5))).toBe('AQID')
    expect(toHex(backing.subarray(2, 5))).toBe('010203')
  })
})

describe('every vector passes at both levels without Buffer and node:crypto', () => {
  const root = join(import.meta.dirname, '..', '..')
  const manifest = JSON.parse(readFileSync(join(root, 'vectors', 'index.json'), 'utf8')) as { files: { path: string }[] }
  const files = manifest.files.map(({ path }) => JSON.parse(readFileSync(join(root, 'vectors', path), 'utf8')) as VectorFile)
  const request = (v: Vector) => (v.op === 'restrict' ? { id: 1, op: 'restrict', token: v.input.token, restrictions: v.input.restrictions } : { id: 1, op: v.op, ...v.input })
  it.each(files.map((f) => [f.topic, f] as const))('%s', (_topic, file) => {
    for (const v of file.vectors) expect(judge(v, handle(request(v))), v.id).toMatchObject({ verdict: { outcome: 'PASS' }, reason: { outcome: 'PASS' } })
  })
})
