import { createHmac, hash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { hmacSha256, sha256 } from '../../../src/macaroon/sha256.js'
import { hex } from '../../helpers.js'

const nodeHmac = (key: Uint8Array, message: Uint8Array) => createHmac('sha256', key).update(message).digest('hex')
const bytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

/** Lengths around the block (64) and padding (56) boundaries, and several blocks. */
const EDGE_LENGTHS = [0, 1, 31, 32, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 127, 128, 129, 191, 192, 1000, 4097]

describe('sha256 (portable)', () => {
  it('gives the FIPS 180-4 digests of "" and "abc"', () => {
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it.each(EDGE_LENGTHS)('equals node:crypto for a message of %i bytes', (length) => {
    expect(hex(sha256(bytes(length)))).toBe(hash('sha256', bytes(length)))
  })

  test.prop([fc.uint8Array({ maxLength: 300 })])('equals node:crypto for any message', (message) => {
    expect(hex(sha256(message))).toBe(hash('sha256', message))
  })

  it('returns a new array each time (no shared scratch in the result)', () => {
    const a = sha256(bytes(10))
    const before = hex(a)
    sha256(bytes(10, 7))
    expect(hex(a)).toBe(before)
  })
})

describe('hmacSha256 (portable)', () => {
  it.each([0, 1, 32, 63, 64, 65, 100, 200])('equals createHmac for a key of %i bytes (RFC 2104: longer than a block is hashed first)', (keyLength) => {
    for (const length of EDGE_LENGTHS) expect(hex(hmacSha256(bytes(keyLength, 3), bytes(length))), `message of ${length} bytes`).toBe(nodeHmac(bytes(keyLength, 3), bytes(length)))
  })

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 600 })])('equals createHmac for any key and message', (key, message) => {
    expect(hex(hmacSha256(key, message))).toBe(nodeHmac(key, message))
  })

  it('is not affected by a previous call with a longer key or message', () => {
    hmacSha256(bytes(64, 9), bytes(5000, 9))
    expect(hex(hmacSha256(bytes(3), bytes(2)))).toBe(nodeHmac(bytes(3), bytes(2)))
    const first = hmacSha256(bytes(32), bytes(40))
    const kept = hex(first)
    hmacSha256(bytes(32, 5), bytes(40, 5))
    expect(hex(first)).toBe(kept)
  })
})
