/** @module Unsigned LEB128 varints, as libmacaroons V2 writes field types and lengths (MAC-3). */
import { CodecError } from './types.js'

/** Largest value a varint may carry: lengths are bounded by the token size limit anyway. */
const MAX_VARINT = 0x7fffffff

/**
 * Reads a canonical varint at `offset`. Rejects truncation, values above 2^31-1 and
 * non-minimal encodings (a final 0x00 continuation byte), so every accepted macaroon has
 * exactly one byte representation (MAC-3).
 */
export function readUvarint(buf: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0
  let shift = 0
  for (let i = offset; ; i++) {
    if (i >= buf.length) throw new CodecError('truncated varint')
    const byte = buf[i] as number
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) {
      if (byte === 0 && i > offset) throw new CodecError('non-minimal varint')
      if (value > MAX_VARINT) throw new CodecError('varint too large')
      return [value, i + 1]
    }
    shift += 7
    if (shift > 28) throw new CodecError('varint too large')
  }
}

/** Appends the varint encoding of a non-negative integer to `out`. */
export function writeUvarint(out: number[], value: number): void {
  let v = value
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
}
