/**
 * @module The HMAC-SHA256 signature chain (spec/signature.md), synchronous in Node and in a browser.
 *
 * In Node, HMACs use node:crypto (./hmac-native.ts); elsewhere, the portable SHA-256 of
 * ./sha256.ts. The choice is made once, from what the platform offers (../platform.ts), and the
 * unit tests check both against createHmac and the spec's test values.
 */
import { encodeUtf8 } from '../bytes.js'
import { nativeHmacSha256 } from './hmac-native.js'
import { hmacSha256 as portableHmacSha256 } from './sha256.js'
import type { Caveat } from './types.js'

const KEY_GENERATOR = encodeUtf8('macaroons-key-generator')

/** HMAC-SHA256(key, message) per RFC 2104: 32 bytes. */
export const hmacSha256 = nativeHmacSha256 ?? portableHmacSha256

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
  const both = new Uint8Array(64)
  both.set(hmacSha256(signature, caveat.vid), 0)
  both.set(hmacSha256(signature, caveat.id), 32)
  return hmacSha256(signature, both)
}

/** The signature a macaroon with this identifier and these caveats has under `rootKey`. */
export function computeSignature(rootKey: Uint8Array, identifier: Uint8Array, caveats: readonly Caveat[]): Uint8Array {
  let sig = signIdentifier(deriveKey(rootKey), identifier)
  for (const c of caveats) sig = extendSignature(sig, c)
  return sig
}

/** SIG-5: constant-time comparison of the computed and the carried signature (no early exit on content). */
export function signaturesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!
  return difference === 0
}
