/**
 * Differential test against the npm `macaroon` package (3.0.4), an independent implementation of
 * the libmacaroons V2 format and HMAC chain. Only its import and verify paths are used: its
 * exportBinary is broken from three caveats on (../shared/reference/npm-macaroon.md §2.4).
 */
import { describe, expect } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { importMacaroon, newMacaroon } from 'macaroon'
import { mint, parseToken } from '../../src/index.js'
import { computeSignature } from '../../src/macaroon/signature.js'
import { keyArb } from '../../src/fuzz/arbitraries.js'

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 60, maxLength: 300 })).filter((s) => s.isWellFormed())

describe('agreement with npm macaroon', () => {
  test.prop([keyArb, text, text, fc.array(text, { maxLength: 8 })])('it imports our tokens with the same parts and verifies them with the key', (key, identifier, location, caveats) => {
    const r = mint({ key, identifier, location, caveats })
    if (!r.ok) throw new Error(r.message)
    const m = importMacaroon(r.token.slice('pypi-'.length))
    expect(Buffer.from(m.identifier).toString()).toBe(identifier)
    expect(m.location).toBe(location)
    expect(m.caveats.map((c) => Buffer.from(c.identifier).toString())).toEqual(caveats)
    const ours = parseToken(r.token)
    expect(ours.ok && Buffer.from(m.signature).equals(Buffer.from(ours.token.macaroon.signature))).toBe(true)
    const seen: string[] = []
    m.verify(key, (condition) => {
      seen.push(condition)
      return null // satisfied (the npm callback returns an error string when NOT satisfied)
    })
    expect(seen).toEqual(caveats)
  })

  test.prop([keyArb, keyArb, text, fc.array(text, { minLength: 1, maxLength: 4 })])('it rejects our tokens under another key', (key, other, identifier, caveats) => {
    fc.pre(!Buffer.from(key).equals(Buffer.from(other)))
    const r = mint({ key, identifier, caveats })
    if (!r.ok) throw new Error(r.message)
    expect(() => importMacaroon(r.token.slice(5)).verify(other, () => null)).toThrow()
  })

  test.prop([keyArb, fc.uint8Array({ maxLength: 40 }), fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 })])(
    'its signature for a macaroon it builds equals ours (no export involved)',
    (key, identifier, caveats) => {
      const m = newMacaroon({ identifier, location: 'index.example', rootKey: key, version: 2 })
      for (const c of caveats) m.addFirstPartyCaveat(c)
      const ours = computeSignature(key, identifier, caveats.map((id) => ({ kind: 'first-party' as const, id })))
      expect(Buffer.from(m.signature).toString('hex')).toBe(Buffer.from(ours).toString('hex'))
    },
  )
})
