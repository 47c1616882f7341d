/** @module Byte helpers shared by every layer: hex, strict UTF-8. Node's Buffer for hex where there is one. */
import type { TextOrHex } from './generated/types.js'
import { NodeBuffer } from './platform.js'

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf8Encoder = new TextEncoder()
const HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** Encodes bytes as lowercase hexadecimal. */
export function toHex(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
  return toHexPortable(bytes)
}

/** toHex without the platform. */
export function toHexPortable(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX_DIGITS[bytes[i]!]!
  return out
}

/** Decodes lowercase or uppercase hexadecimal; returns null unless the input is an even run of hex digits. */
export function fromHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16)
  return out
}

/**
 * Decodes UTF-8 strictly: invalid sequences, overlongs and encoded surrogates give null, and a
 * leading byte-order mark is kept as U+FEFF rather than silently dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  // Fast path for ASCII, which every real identifier and caveat is.
  if (bytes.length <= 1024) {
    let ascii = true
    for (let i = 0; i < bytes.length; i++) {
      if ((bytes[i] as number) >= 0x80) {
        ascii = false
        break
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[])
  }
  try {
    return utf8Decoder.decode(bytes)
  } catch {
    return null
  }
}

/** True when the bytes are valid UTF-8 (same rules as decodeUtf8); ASCII is checked without building a string. */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return decodeUtf8(bytes) !== null
  return true
}

/** Encodes a string as UTF-8; lone surrogates become U+FFFD (callers reject them first where it matters). */
export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text)
}

/** True when the string contains an unpaired UTF-16 surrogate (not representable in UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  return !text.isWellFormed()
}

/** A string when the bytes are UTF-8, else `{ hex }`: how every protocol message carries raw bytes. */
export type { TextOrHex }

export function textOrHex(bytes: Uint8Array): TextOrHex {
  const text = decodeUtf8(bytes)
  return text === null ? { hex: toHex(bytes) } : text
}
