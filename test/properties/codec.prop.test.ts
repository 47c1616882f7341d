import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { dumpToken, mint, parseToken, verify } from '../../src/index.js'
import { decodeMacaroon } from '../../src/macaroon/decode.js'
import { encodeMacaroon } from '../../src/macaroon/encode.js'
import type { Caveat, Macaroon } from '../../src/macaroon/types.js'
import { encodeBase64url } from '../../src/token/base64url.js'
import { contextArb, keyArb, restrictionArb } from '../../src/fuzz/arbitraries.js'
import { bodyBytes } from '../helpers.js'

const bytes = (max = 64) => fc.uint8Array({ maxLength: max })
const caveatArb: fc.Arbitrary<Caveat> = fc.oneof(
  { weight: 4, arbitrary: bytes().map((id) => ({ kind: 'first-party' as const, id })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('third-party' as const), id: bytes(), location: fc.option(bytes(20)), vid: bytes(80) }) },
)
const macaroonArb: fc.Arbitrary<Macaroon> = fc.record({
  location: fc.option(bytes(30)),
  identifier: bytes(),
  caveats: fc.array(caveatArb, { maxLength: 6 }),
  signature: fc.uint8Array({ minLength: 32, maxLength: 32 }),
})
const plain = (m: Macaroon) => JSON.parse(JSON.stringify(m, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)))

describe('codec laws (LAW-4)', () => {
  test.prop([macaroonArb])('decode(encode(m)) = m', (m) => {
    const r = decodeMacaroon(encodeMacaroon(m))
    expect(r.ok).toBe(true)
    if (r.ok) expect(plain(r.macaroon)).toEqual(plain(m))
  })

  test.prop([macaroonArb, fc.constantFrom('pypi', 'pre')])('dump(parse(s)) = s for every canonical token string', (m, prefix) => {
    const s = `${prefix}-${encodeBase64url(encodeMacaroon(m))}`
    const r = parseToken(s, { anyPrefix: true })
    expect(r.ok && dumpToken(r.token)).toBe(s)
  })

  test.prop([macaroonArb, fc.nat(), fc.integer({ min: 1, max: 255 })])('encode(decode(b)) = b for every byte string the decoder accepts', (m, at, delta) => {
    const b = encodeMacaroon(m)
    const mutated = Uint8Array.from(b)
    mutated[at % b.length] = ((mutated[at % b.length] as number) + delta) & 0xff
    const r = decodeMacaroon(mutated)
    if (r.ok) expect(Buffer.from(encodeMacaroon(r.macaroon)).equals(Buffer.from(mutated))).toBe(true)
  })
})

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('tamper evidence (LAW-6)', () => {
  test.prop([macaroonArb])('no other spelling of the last character decodes to the same macaroon (TOKEN-6)', (m) => {
    const bytes = Buffer.from(encodeMacaroon(m))
    const s = `pypi-${encodeBase64url(bytes)}`
    for (const c of ALPHABET) {
      if (c === s[s.length - 1]) continue
      const r = parseToken(s.slice(0, -1) + c)
      if (r.ok) expect(Buffer.from(encodeMacaroon(r.token.macaroon)).equals(bytes)).toBe(false)
    }
  })

  test.prop([keyArb, fc.array(restrictionArb, { maxLength: 4 }), contextArb, fc.nat(), fc.integer({ min: 1, max: 255 })])(
    'any single-byte change to the binary is rejected or malformed, never valid',
    (key, restrictions, context, at, delta) => {
      const t = mint({ key, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', location: 'index.example', caveats: restrictions })
      if (!t.ok) throw new Error(t.message)
      const b = Uint8Array.from(bodyBytes(t.token))
      const i = at % b.length
      b[i] = ((b[i] as number) + delta) & 0xff
      const result = verify(`pypi-${encodeBase64url(b)}`, key, context)
      // Only the location is unsigned (TOKEN-8): a change there may leave a valid token.
      const location = 3 <= i && i < 3 + 'index.example'.length
      if (!location) expect(result.valid).toBe(false)
    },
  )

  test.prop([keyArb, contextArb, fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''))])(
    'any single-character change to the token string is rejected (TOKEN-6: no malleable spellings)',
    (key, context, at, c) => {
      const t = mint({ key, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', caveats: ['[1,["requests"]]'] })
      if (!t.ok) throw new Error(t.message)
      const i = 5 + (at % (t.token.length - 5))
      fc.pre(t.token[i] !== c)
      // Characters 5..22 encode the header bytes 02 01 00 02 24 …; none of them is the location.
      expect(verify(t.token.slice(0, i) + c + t.token.slice(i + 1), key, context).valid).toBe(false)
    },
  )
})
