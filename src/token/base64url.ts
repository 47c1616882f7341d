/** @module Canonical unpadded base64url (spec/token-format.md, TOKEN-4 … TOKEN-6). */

const ALPHABET = /^[A-Za-z0-9_-]*$/
const VALUE: Record<string, number> = {}
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) VALUE[c] = i

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
  return { ok: true, bytes: Buffer.from(text, 'base64url') }
}

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
}
