/**
 * @module Canonical unpadded base64url (spec/token-format.md, TOKEN-4 … TOKEN-6). The checks are
 * plain TypeScript; the conversion is Node's native Buffer where there is one, else portable code.
 */
import { NodeBuffer } from '../platform.js'

const ALPHABET = /^[A-Za-z0-9_-]*$/
const CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUE: Record<string, number> = {}
/** The 6-bit value of each character code of the alphabet (checked by ALPHABET before use). */
const CODE_VALUE = new Uint8Array(128)
for (const [i, c] of [...CHARACTERS].entries()) {
  VALUE[c] = i
  CODE_VALUE[c.charCodeAt(0)] = i
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; message: string }

/**
 * Decodes base64url strictly: only `A-Z a-z 0-9 - _` (no padding, no `+/`, no whitespace)
 * (TOKEN-4), a length that is not 1 mod 4 (TOKEN-5), and zero bits after the last byte
 * (TOKEN-6), so exactly one string encodes each byte sequence.
 */
export function decodeBase64url(text: string): Base64Result {
  if (!ALPHABET.test(text)) {
    const bad = [...text].find((c) => VALUE[c] === undefined) ?? ''
    const what = bad === '=' ? 'padding' : bad === '+' || bad === '/' ? `standard-alphabet character '${bad}'` : `character ${JSON.stringify(bad)}`
    return { ok: false, message: `${what} is not allowed in a token body (canonical unpadded base64url only)` }
  }
  const rest = text.length % 4
  if (rest === 1) return { ok: false, message: 'body length is 1 mod 4, which no byte sequence encodes' }
  if (rest !== 0) {
    const last = VALUE[text[text.length - 1] as string] as number
    const unusedBits = rest === 2 ? 0x0f : 0x03
    if ((last & unusedBits) !== 0) return { ok: false, message: 'non-zero trailing bits in the last character (non-canonical encoding)' }
  }
  return { ok: true, bytes: NodeBuffer === undefined ? decodePortable(text) : NodeBuffer.from(text, 'base64url') }
}

/** Decodes text already known to be canonical base64url: 4 characters give 3 bytes, a tail of 2 or 3 gives 1 or 2. Portable. */
export function decodePortable(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  const whole = text.length - (text.length % 4)
  const at = (i: number) => CODE_VALUE[text.charCodeAt(i)]!
  let o = 0
  for (let i = 0; i < whole; i += 4) {
    const n = (at(i) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3)
    out[o++] = n >>> 16
    out[o++] = (n >>> 8) & 0xff
    out[o++] = n & 0xff
  }
  const rest = text.length - whole
  if (rest === 2) out[o] = (at(whole) << 2) | (at(whole + 1) >>> 4)
  else if (rest === 3) {
    const n = (at(whole) << 10) | (at(whole + 1) << 4) | (at(whole + 2) >>> 2)
    out[o] = n >>> 8
    out[o + 1] = n & 0xff
  }
  return out
}

/** Encodes bytes as unpadded base64url (the one canonical form). */
export function encodeBase64url(bytes: Uint8Array): string {
  if (NodeBuffer !== undefined) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
  return encodePortable(bytes)
}

/** encodeBase64url without the platform. */
export function encodePortable(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += CHARACTERS[n >>> 18]! + CHARACTERS[(n >>> 12) & 63]! + CHARACTERS[(n >>> 6) & 63]! + CHARACTERS[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]!
    out += CHARACTERS[n >>> 2]! + CHARACTERS[(n & 3) << 4]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 8) | bytes[i + 1]!
    out += CHARACTERS[n >>> 10]! + CHARACTERS[(n >>> 4) & 63]! + CHARACTERS[(n & 15) << 2]!
  }
  return out
}
