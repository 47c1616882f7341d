/** @module Canonical libmacaroons V2 binary encoder, byte-identical to pymacaroons 0.13.0 (MAC-10). */
import { writeUvarint } from './varint.js'
import { FIELD, VERSION_2, type Macaroon } from './types.js'

export function encodeMacaroon(m: Macaroon): Uint8Array {
  const out: number[] = [VERSION_2]
  const field = (type: number, data: Uint8Array) => {
    writeUvarint(out, type)
    writeUvarint(out, data.length)
    for (let i = 0; i < data.length; i++) out.push(data[i] as number)
  }
  if (m.location !== null) field(FIELD.LOCATION, m.location)
  field(FIELD.IDENTIFIER, m.identifier)
  out.push(FIELD.EOS)
  for (const c of m.caveats) {
    if (c.kind === 'third-party' && c.location !== null) field(FIELD.LOCATION, c.location)
    field(FIELD.IDENTIFIER, c.id)
    if (c.kind === 'third-party') field(FIELD.VID, c.vid)
    out.push(FIELD.EOS)
  }
  out.push(FIELD.EOS)
  field(FIELD.SIGNATURE, m.signature)
  return Uint8Array.from(out)
}
