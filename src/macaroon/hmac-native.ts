/**
 * @module HMAC-SHA256 over node:crypto's one-shot `hash`, where the platform has it (../platform.ts).
 *
 * HMAC is computed from its definition, H((K ^ opad) || H((K ^ ipad) || m)), with two reused
 * scratch blocks: a verify makes five HMACs over short inputs, and `createHmac` spends most of its
 * time building a native object per call. The unit tests check it against `createHmac` and against
 * the portable HMAC of ./sha256.ts on random keys and messages.
 */
import { nodeCrypto } from '../platform.js'

export type Hmac = (key: Uint8Array, message: Uint8Array) => Uint8Array

type Hash = NonNullable<typeof nodeCrypto>['hash']

const BLOCK = 64

/** An HMAC-SHA256 that hashes with `hash`. */
export function scratchHmac(hash: Hash): Hmac {
  let inner = new Uint8Array(BLOCK + 256).fill(0x36)
  const outer = new Uint8Array(BLOCK + 32).fill(0x5c)
  /** Bytes [paddedFrom, BLOCK) of both scratch blocks hold the HMAC pad constants. */
  let paddedFrom = 0
  /** Views of `inner` by message length, so a verify allocates no views in the steady state. */
  let views = new Map<number, Uint8Array>()

  return (key, message) => {
    const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key
    const length = BLOCK + message.length
    if (inner.length < length) {
      inner = new Uint8Array(length).fill(0x36) // all pad: the key bytes are written below
      views = new Map()
    }
    let view = views.get(length)
    if (view === undefined) {
      view = inner.subarray(0, length)
      if (views.size < 1024) views.set(length, view)
    }
    // Key bytes, then the pad bytes the previous key may have overwritten (the rest of the block
    // already holds 0x36 / 0x5c from earlier calls).
    for (let i = 0; i < k.length; i++) {
      const b = k[i] as number
      inner[i] = b ^ 0x36
      outer[i] = b ^ 0x5c
    }
    if (paddedFrom > k.length) {
      inner.fill(0x36, k.length, paddedFrom)
      outer.fill(0x5c, k.length, paddedFrom)
    }
    paddedFrom = k.length
    inner.set(message, BLOCK)
    outer.set(hash('sha256', view, 'buffer'), BLOCK)
    return hash('sha256', outer, 'buffer')
  }
}

/** node:crypto's HMAC-SHA256, or undefined where there is no node:crypto. */
export const nativeHmacSha256: Hmac | undefined = nodeCrypto === undefined ? undefined : scratchHmac(nodeCrypto.hash)
