/**
 * @module The HMAC-SHA256 signature chain (spec/signature.md). The only user of node:crypto.
 *
 * HMAC is computed from its definition, H((K ^ opad) || H((K ^ ipad) || m)), with Node's one-shot
 * `crypto.hash` and two reused scratch blocks: a verify makes five HMACs over short inputs, and
 * `createHmac` spends most of its time building a native object per call. The unit tests check
 * this function against `createHmac` on random keys and messages.
 */
import { hash, timingSafeEqual } from 'node:crypto'
import type { Caveat } from './types.js'

const BLOCK = 64
const KEY_GENERATOR = Buffer.from('macaroons-key-generator', 'utf8')

let inner = Buffer.alloc(BLOCK + 256, 0x36)
const outer = Buffer.alloc(BLOCK + 32, 0x5c)
/** Bytes [paddedFrom, BLOCK) of both scratch blocks hold the HMAC pad constants. */
let paddedFrom = 0
/** Views of `inner` by message length, so a verify allocates no views in the steady state. */
let views = new Map<number, Buffer>()

/** HMAC-SHA256(key, message) per RFC 2104. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key
  const length = BLOCK + message.length
  if (inner.length < length) {
    inner = Buffer.alloc(length, 0x36) // all pad: the key bytes are written below
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

/** SIG-1: the root key is never used directly; the chain starts from HMAC("macaroons-key-generator", key). */
export function deriveKey(rootKey: Uint8Array): Uint8Array {
  return hmacSha256(KEY_GENERATOR, rootKey)
}

/** SIG-2: the first link signs the identifier with the derived key. */
export function signIdentifier(derivedKey: Uint8Array, identifier: Uint8Array): Uint8Array {
  return hmacSha256(derivedKey, identifier)
}

/**
 * SIG-3 / SIG-4: each caveat extends the chain. A first-party caveat signs its bytes; a
 * third-party caveat signs HMAC(sig, vid) || HMAC(sig, id).
 */
export function extendSignature(signature: Uint8Array, caveat: Caveat): Uint8Array {
  if (caveat.kind === 'first-party') return hmacSha256(signature, caveat.id)
  return hmacSha256(signature, Buffer.concat([hmacSha256(signature, caveat.vid), hmacSha256(signature, caveat.id)]))
}

/** The signature a macaroon with this identifier and these caveats has under `rootKey`. */
export function computeSignature(rootKey: Uint8Array, identifier: Uint8Array, caveats: readonly Caveat[]): Uint8Array {
  let sig = signIdentifier(deriveKey(rootKey), identifier)
  for (const c of caveats) sig = extendSignature(sig, c)
  return sig
}

/** SIG-5: constant-time comparison of the computed and the carried signature. */
export function signaturesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}
