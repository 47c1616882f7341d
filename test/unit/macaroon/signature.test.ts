import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { computeSignature, deriveKey, hmacSha256, signIdentifier, signaturesEqual } from '../../../src/macaroon/signature.js'
import { CHAIN, KEY, NPM_DOC, PT, PYPITOKEN, WH } from '../../fixtures/reference-tokens.js'
import { hex, macaroonOf } from '../../helpers.js'

describe('hmacSha256', () => {
  test.prop([fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 600 })])('equals node:crypto createHmac for any key and message', (key, message) => {
    expect(hex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'))
  })

  it('is not affected by a previous call with a longer message', () => {
    const long = hmacSha256(KEY, new Uint8Array(5000).fill(7))
    expect(hex(long)).toBe(createHmac('sha256', KEY).update(new Uint8Array(5000).fill(7)).digest('hex'))
    expect(hex(hmacSha256(KEY, Buffer.from('x')))).toBe(createHmac('sha256', KEY).update('x').digest('hex'))
  })
})

describe('the signature chain', () => {
  it('derives the key and signs the identifier as pymacaroons does', () => {
    const derived = deriveKey(KEY)
    expect(hex(derived)).toBe(CHAIN.derived)
    expect(hex(signIdentifier(derived, Buffer.from(PT.identifier)))).toBe(CHAIN.sig0)
  })

  it('reproduces every recorded signature', () => {
    const fixtures = [...Object.values(PYPITOKEN), WH.project, WH.user, { token: NPM_DOC.threeCaveats, signature: NPM_DOC.threeCaveatsSignature }]
    for (const f of fixtures) {
      const m = macaroonOf(f.token)
      expect(hex(computeSignature(KEY, m.identifier, m.caveats))).toBe(f.signature)
    }
  })

  it('compares signatures by content and length', () => {
    const a = Buffer.alloc(32, 1)
    expect(signaturesEqual(a, Buffer.alloc(32, 1))).toBe(true)
    expect(signaturesEqual(a, Buffer.alloc(32, 2))).toBe(false)
    expect(signaturesEqual(a, Buffer.alloc(31, 1))).toBe(false)
    for (const at of [0, 31]) {
      const b = Buffer.alloc(32, 1)
      b[at] = 0
      expect(signaturesEqual(a, b), `differs at byte ${at}`).toBe(false)
    }
  })
})
