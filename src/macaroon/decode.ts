/** @module Strict decoder for libmacaroons V2 binary macaroons (spec/macaroon.md). */
import { readUvarint } from './varint.js'
import { CodecError, FIELD, SIGNATURE_LENGTH, VERSION_2, type Caveat, type Macaroon } from './types.js'

export type DecodeResult = { ok: true; macaroon: Macaroon } | { ok: false; message: string }

/**
 * Decodes a V2 binary macaroon. Every deviation from the canonical layout is an error:
 * a version byte other than 0x02 (MAC-1), a truncated packet or oversize length (MAC-3), a field
 * type out of order or unknown (MAC-4), a header without exactly one identifier (MAC-5), a caveat
 * section that is neither first- nor third-party (MAC-6, MAC-7), a signature that is not 32 bytes
 * (MAC-8), or bytes after the signature (MAC-9).
 */
export function decodeMacaroon(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, macaroon: decode(bytes) }
  } catch (err) {
    if (err instanceof CodecError) return { ok: false, message: err.message }
    throw err
  }
}

function decode(buf: Uint8Array): Macaroon {
  if (buf.length === 0) throw new CodecError('empty macaroon')
  if (buf[0] !== VERSION_2) {
    const v1 = /[0-9a-f]/.test(String.fromCharCode(buf[0] as number))
    throw new CodecError(v1 ? 'V1 macaroons are not accepted (MAC-1)' : `unsupported version byte 0x${(buf[0] as number).toString(16).padStart(2, '0')}`)
  }
  const reader = new SectionReader(buf)

  // MAC-5: header = [location] identifier EOS.
  reader.readSection(HEADER_FIELDS)
  if (reader.identifier === null) throw new CodecError('header has no identifier')
  const location = reader.location
  const identifier = reader.identifier

  // MAC-6 / MAC-7: caveat sections until an empty one.
  const caveats: Caveat[] = []
  while (reader.readSection(CAVEAT_FIELDS) > 0) caveats.push(reader.caveat())

  // MAC-8 / MAC-9: a 32-byte signature field ends the buffer.
  const [type, afterType] = readUvarint(buf, reader.pos)
  if (type !== FIELD.SIGNATURE) throw new CodecError(`expected the signature field, found type ${type}`)
  const [length, afterLength] = readUvarint(buf, afterType)
  if (length !== SIGNATURE_LENGTH) throw new CodecError(`signature must be ${SIGNATURE_LENGTH} bytes, not ${length}`)
  if (afterLength + length > buf.length) throw new CodecError('signature extends past end of buffer')
  if (afterLength + length !== buf.length) throw new CodecError('trailing bytes after the signature')
  return { location, identifier, caveats, signature: buf.subarray(afterLength, afterLength + length) }
}

const HEADER_FIELDS = 1 << FIELD.LOCATION | 1 << FIELD.IDENTIFIER
const CAVEAT_FIELDS = HEADER_FIELDS | 1 << FIELD.VID

/** Reads sections (MAC-4: fields of allowed types in strictly increasing order, then EOS). */
class SectionReader {
  pos = 1
  location: Uint8Array | null = null
  identifier: Uint8Array | null = null
  vid: Uint8Array | null = null

  constructor(private readonly buf: Uint8Array) {}

  /** Reads one section into the fields above; returns how many fields it had. */
  readSection(allowed: number): number {
    const buf = this.buf
    this.location = this.identifier = this.vid = null
    let count = 0
    let lastType = 0
    for (;;) {
      const [type, afterType] = readUvarint(buf, this.pos)
      this.pos = afterType
      if (type === FIELD.EOS) return count
      if (type > 30 || (allowed & (1 << type)) === 0) throw new CodecError(`unexpected field type ${type}`)
      if (type <= lastType) throw new CodecError('fields out of order')
      const [length, afterLength] = readUvarint(buf, afterType)
      if (length > buf.length - afterLength) throw new CodecError('field extends past end of buffer')
      const data = buf.subarray(afterLength, afterLength + length)
      if (type === FIELD.LOCATION) this.location = data
      else if (type === FIELD.IDENTIFIER) this.identifier = data
      else this.vid = data
      this.pos = afterLength + length
      lastType = type
      count++
    }
  }

  /** The caveat the last section described. */
  caveat(): Caveat {
    const { identifier: id, location, vid } = this
    if (id === null) throw new CodecError('caveat has no identifier')
    if (vid === null) {
      if (location !== null) throw new CodecError('location not allowed in a first-party caveat')
      return { kind: 'first-party', id }
    }
    return { kind: 'third-party', id, location, vid }
  }
}
