/**
 * The decoded token and signature chain of every verify vector (spec/vector-format.md, "consume
 * the vectors"), checked against implementations other than the builder's: the npm `macaroon`
 * package's V2 reader for the parts, and node:crypto's createHmac for the chain. The Python and
 * Go examples (examples/) check them once more, without Node.
 */
import { createHmac } from 'node:crypto'
import { importMacaroon } from 'macaroon'
import { describe, expect, it } from 'vitest'
import type { InspectedToken, TextOrHex, VerifyVector } from '../../src/generated/types.js'
import { loadVectors } from '../../src/vectors/load.js'

const vectors = loadVectors('vectors')
  .vectors.map((v) => v.vector)
  .filter((v): v is VerifyVector => v.op === 'verify')

const bytesOf = (v: TextOrHex): Buffer => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.hex, 'hex'))
const hmac = (key: Buffer, message: Buffer) => createHmac('sha256', key).update(message).digest()

/** The chain recomputed from the decoded parts alone (SIG-1 … SIG-4). */
function chainOf(decoded: InspectedToken, keyHex: string): { derived: string; signatures: string[] } {
  const derived = hmac(Buffer.from('macaroons-key-generator'), Buffer.from(keyHex, 'hex'))
  let sig = hmac(derived, bytesOf(decoded.identifier))
  const signatures = [sig.toString('hex')]
  for (const c of decoded.caveats) {
    if (typeof c === 'object' && 'third_party' in c) sig = hmac(sig, Buffer.concat([hmac(sig, Buffer.from(c.vid, 'hex')), hmac(sig, bytesOf(c.id))]))
    else sig = hmac(sig, bytesOf(c))
    signatures.push(sig.toString('hex'))
  }
  return { derived: derived.toString('hex'), signatures }
}

describe('decoded tokens and signature chains in verify vectors (VEC-9)', () => {
  it('every verify vector carries both members (null only when the token does not decode or the key is empty)', () => {
    expect(vectors.length).toBeGreaterThan(700)
    for (const v of vectors) {
      expect(v.decoded, v.id).not.toBeUndefined()
      expect(v.chain, v.id).not.toBeUndefined()
      expect(v.chain === null, v.id).toBe(v.decoded === null || v.input.key === '')
    }
  })

  it('decoded parts agree with the npm macaroon package wherever it reads the token', () => {
    let compared = 0
    for (const v of vectors) {
      if (v.decoded === null || v.decoded === undefined || !v.input.token.startsWith('pypi-')) continue
      let m
      try {
        m = importMacaroon(Buffer.from(v.input.token.slice(5), 'base64url'))
      } catch {
        continue // js-macaroon is stricter or looser elsewhere; the Go example checks every vector
      }
      const d = v.decoded
      expect(Buffer.from(m.identifier).equals(bytesOf(d.identifier)), `${v.id} identifier`).toBe(true)
      expect(Buffer.from(m.signature).toString('hex'), `${v.id} signature`).toBe(d.signature)
      expect(m.caveats.length, `${v.id} caveats`).toBe(d.caveats.length)
      m.caveats.forEach((c, i) => {
        const want = d.caveats[i] as InspectedToken['caveats'][number]
        const id = typeof want === 'object' && 'third_party' in want ? want.id : want
        expect(Buffer.from(c.identifier).equals(bytesOf(id)), `${v.id} caveat ${i}`).toBe(true)
      })
      compared++
    }
    expect(compared).toBeGreaterThan(500)
  })

  it('chains are HMAC-SHA256 links over the decoded parts, ending at the carried signature exactly when the token is correctly signed', () => {
    for (const v of vectors) {
      if (v.decoded == null || v.chain == null) continue
      const again = chainOf(v.decoded, v.input.key)
      expect(v.chain.derived_key, v.id).toBe(again.derived)
      expect(v.chain.signatures, v.id).toEqual(again.signatures)
      const signed = again.signatures[again.signatures.length - 1] === v.decoded.signature
      if (v.expected.result === 'valid') expect(signed, `${v.id}: valid, so correctly signed`).toBe(true)
      if (v.expected.result === 'invalid' && v.expected.reason === 'SIGNATURE_MISMATCH') expect(signed, `${v.id}: SIGNATURE_MISMATCH`).toBe(false)
    }
  })

  it('never spell a real index host: such locations are hex', () => {
    for (const v of vectors) {
      const loc = v.decoded?.location
      if (typeof loc === 'string') expect(/\bpypi\b/.test(loc) && loc.includes('.'), `${v.id}: ${loc}`).toBe(false)
    }
  })
})
