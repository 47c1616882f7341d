import { createHmac, hash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { nativeHmacSha256, scratchHmac } from '../../../src/macaroon/hmac-native.js'
import { hmacSha256 as portableHmacSha256 } from '../../../src/macaroon/sha256.js'
import { hmacSha256 } from '../../../src/macaroon/signature.js'
import { nodeCrypto, NodeBuffer } from '../../../src/platform.js'
import { hex } from '../../helpers.js'

const hmac = scratchHmac(hash)
const nodeHmac = (key: Uint8Array, message: Uint8Array) => createHmac('sha256', key).update(message).digest('hex')
const bytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

describe('the platform switch', () => {
  it('finds Buffer in Node, and node:crypto where process.getBuiltinModule exists (Node ≥ 20.16)', () => {
    expect(NodeBuffer).toBe(Buffer)
    if (typeof process.getBuiltinModule === 'function') {
      expect(nodeCrypto?.hash).toBe(hash)
      expect(hmacSha256).toBe(nativeHmacSha256)
    } else {
      expect(hmacSha256).toBe(portableHmacSha256)
    }
  })
})

describe('scratchHmac (node:crypto hash)', () => {
  it.each([0, 1, 32, 63, 64, 65, 100, 200])('equals createHmac for a key of %i bytes', (keyLength) => {
    for (const length of [0, 1, 55, 56, 64, 255, 256, 257, 1000]) expect(hex(hmac(bytes(keyLength, 3), bytes(length))), `message of ${length} bytes`).toBe(nodeHmac(bytes(keyLength, 3), bytes(length)))
  })

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 600 })])('equals createHmac and the portable HMAC for any key and message', (key, message) => {
    const ours = hex(hmac(key, message))
    expect(ours).toBe(nodeHmac(key, message))
    expect(ours).toBe(hex(portableHmacSha256(key, message)))
  })

  it('restores the pad bytes a longer previous key overwrote, and grows for longer messages', () => {
    hmac(bytes(60, 2), bytes(10))
    expect(hex(hmac(bytes(4), bytes(10)))).toBe(nodeHmac(bytes(4), bytes(10)))
    expect(hex(hmac(bytes(4), bytes(700)))).toBe(nodeHmac(bytes(4), bytes(700)))
    expect(hex(hmac(bytes(4), bytes(3)))).toBe(nodeHmac(bytes(4), bytes(3)))
  })
})
