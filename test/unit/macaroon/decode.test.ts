import { describe, expect, it } from 'vitest'
import { decodeMacaroon } from '../../../src/macaroon/decode.js'
import { encodeMacaroon } from '../../../src/macaroon/encode.js'
import { BINARY_IDENTIFIER, NPM_DOC, PYPITOKEN, THIRD_PARTY, V1_TOKEN, WH } from '../../fixtures/reference-tokens.js'
import { bodyBytes, hex, utf8 } from '../../helpers.js'

const decodeHex = (h: string) => decodeMacaroon(Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex')))
const SIG = '20' + '11'.repeat(32) // length 32 + 32 bytes

describe('decodeMacaroon', () => {
  it.each(Object.entries(PYPITOKEN))('decodes pypitoken fixture %s with its caveats and signature', (_name, fixture) => {
    const r = decodeMacaroon(bodyBytes(fixture.token))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(utf8(r.macaroon.identifier)).toBe('12345678-1234-5678-1234-567812345678')
    expect(r.macaroon.caveats.map((c) => utf8(c.id))).toEqual(fixture.caveats)
    expect(hex(r.macaroon.signature)).toBe(fixture.signature)
  })

  it.each([WH.project, WH.user])('decodes the Warehouse fixture with caveats %#', (fixture) => {
    const r = decodeMacaroon(bodyBytes(fixture.token))
    if (!r.ok) throw new Error(r.message)
    expect(utf8(r.macaroon.identifier)).toBe(WH.identifier)
    expect(r.macaroon.caveats.map((c) => utf8(c.id))).toEqual(fixture.caveats)
    expect(hex(r.macaroon.signature)).toBe(fixture.signature)
  })

  it('decodes the zero-caveat Warehouse fixture', () => {
    const r = decodeMacaroon(bodyBytes(WH.zeroCaveats))
    expect(r.ok && r.macaroon.caveats.length).toBe(0)
  })

  it('re-encodes every fixture to identical bytes', () => {
    for (const token of [...Object.values(PYPITOKEN).map((f) => f.token), WH.project.token, WH.user.token, WH.zeroCaveats, NPM_DOC.threeCaveats, THIRD_PARTY, BINARY_IDENTIFIER]) {
      const bytes = bodyBytes(token)
      const r = decodeMacaroon(bytes)
      if (!r.ok) throw new Error(`${token}: ${r.message}`)
      expect(hex(encodeMacaroon(r.macaroon))).toBe(hex(bytes))
    }
  })

  it('parses a third-party caveat with its location and vid', () => {
    const r = decodeMacaroon(bodyBytes(THIRD_PARTY))
    if (!r.ok) throw new Error(r.message)
    const [c] = r.macaroon.caveats
    expect(c?.kind).toBe('third-party')
    if (c?.kind !== 'third-party') return
    expect(utf8(c.id)).toBe('tp-id')
    expect(utf8(c.location!)).toBe('https://auth.example')
    expect(c.vid.length).toBe(72)
  })

  it('keeps a token without a location field apart from one with an empty location', () => {
    const absent = decodeHex(`02 020178 00 00 06${SIG}`)
    expect(absent.ok && absent.macaroon.location).toBeNull()
    const empty = decodeMacaroon(bodyBytes(BINARY_IDENTIFIER)) // pymacaroons writes 01 00 for an empty location
    expect(empty.ok && empty.macaroon.location?.length).toBe(0)
    expect(empty.ok && hex(empty.macaroon.identifier)).toBe('ff00')
  })

  describe('rejects', () => {
    const cases: [string, string, RegExp][] = [
      ['an empty buffer', '', /empty/],
      ['a V1 macaroon', hex(bodyBytes(V1_TOKEN)), /V1/],
      ['another version byte', `03 020178 00 00 06${SIG}`, /version byte 0x03/],
      ['a truncated header', '02 02', /truncated/],
      ['a field longer than the buffer', '02 0205 78', /past end/],
      ['a header without identifier', `02 0101 61 00 00 06${SIG}`, /no identifier/],
      ['fields out of order', `02 020178 0101 61 00 00 06${SIG}`, /out of order/],
      ['a repeated field', `02 020178 020179 00 00 06${SIG}`, /out of order/],
      ['an unknown field type in the header', `02 020178 0301 61 00 00 06${SIG}`, /unexpected field type 3/],
      ['a vid in the header', `02 020178 0401 61 00 00 06${SIG}`, /unexpected field type 4/],
      ['a signature field inside a caveat', `02 020178 00 0601 61 00 00 06${SIG}`, /unexpected field type 6/],
      ['a caveat without identifier', `02 020178 00 0401 61 00 00 06${SIG}`, /no identifier/],
      ['a location in a first-party caveat', `02 020178 00 0101 61 020162 00 00 06${SIG}`, /location not allowed/],
      ['a missing signature', '02 020178 00 00', /truncated/],
      ['a wrong field in place of the signature', `02 020178 00 00 02${SIG}`, /expected the signature/],
      ['a 31-byte signature', `02 020178 00 00 061f${'11'.repeat(31)}`, /32 bytes, not 31/],
      ['a 33-byte signature', `02 020178 00 00 0621${'11'.repeat(33)}`, /32 bytes, not 33/],
      ['a truncated signature', `02 020178 00 00 0620${'11'.repeat(10)}`, /past end/],
      ['a trailing byte after the signature', `02 020178 00 00 06${SIG} 00`, /trailing bytes/],
      ['a non-minimal varint length', `02 02810078 00 00 06${SIG}`, /non-minimal/],
      ['a varint over 2^31', `02 02ffffffff0f 78`, /too large/],
    ]
    it.each(cases)('%s', (_what, bytes, message) => {
      const r = decodeHex(bytes)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toMatch(message)
    })
  })
})
