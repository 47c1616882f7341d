import { describe, expect, it } from 'vitest'
import { decodeCaveat } from '../../../src/caveats/decode.js'
import { decodeText, expectMalformed, outcome } from './cases.js'

describe('decodeCaveat: dispatch rules shared by every format', () => {
  it('recognises each tag and legacy shape', () => {
    expect(outcome('[0,50,10]')).toMatchObject({ slug: 'expiration' })
    expect(outcome('[1,["a"]]')).toMatchObject({ slug: 'project-names' })
    expect(outcome('[2,["a"]]')).toMatchObject({ slug: 'project-ids' })
    expect(outcome('[3,"a"]')).toMatchObject({ slug: 'request-user' })
    expect(outcome('[4,"a"]')).toMatchObject({ slug: 'oidc-publisher' })
    expect(outcome('{"version":1,"permissions":"user"}')).toMatchObject({ slug: 'legacy-user' })
    expect(outcome('{"version":1,"permissions":{"projects":["a"]}}')).toMatchObject({ slug: 'legacy-project-names' })
    expect(outcome('{"exp":50,"nbf":10}')).toMatchObject({ slug: 'legacy-expiration' })
    expect(outcome('{"project_ids":["a"]}')).toMatchObject({ slug: 'legacy-project-ids' })
  })

  it.each(['[5]', '[5,"x"]', '[9999999]', '[-1,1]', '[99999999999999999999999]'])('reports unknown tag %s as CAVEAT_UNKNOWN (CAV-5)', (text) => {
    expect(outcome(text)).toBe('CAVEAT_UNKNOWN')
  })

  it('treats tag -0 as tag 0, as integer equality does', () => {
    expect(outcome('[-0,50,10]')).toMatchObject({ slug: 'expiration' })
  })

  it.each([
    ['an empty array (CAV-2)', '[]', /empty/],
    ['a boolean tag (CAV-3)', '[true,["a"]]', /tag must be an integer/],
    ['false as tag 0 (CAV-3)', '[false,50,10]', /tag must be an integer/],
    ['a float tag (JSON-4)', '[1.0,["a"]]', /fraction/],
    ['a string tag (CAV-3)', '["1",["a"]]', /tag must be an integer/],
    ['a null tag (CAV-3)', '[null]', /tag must be an integer/],
    ['an array tag (CAV-3)', '[[1],2]', /tag must be an integer/],
    ['a string caveat (CAV-1)', '"foo"', /array or object/],
    ['null (CAV-1)', 'null', /array or object/],
    ['a number (CAV-1)', '5', /array or object/],
    ['an unrecognised object (CAV-7)', '{"nothing":"we can adapt"}', /no legacy form/],
    ['an empty object (CAV-7)', '{}', /no legacy form/],
    ['non-JSON (JSON-1)', 'not json at all', /strict JSON/],
    ['trailing garbage', '[1,["a"]]x', /strict JSON/],
  ])('rejects %s as CAVEAT_MALFORMED', (_what, text, message) => {
    expectMalformed(text, message)
  })

  it('rejects bytes that are not UTF-8 (JSON-1)', () => {
    const d = decodeCaveat({ kind: 'first-party', id: Uint8Array.from([0x5b, 0x33, 0x2c, 0x22, 0xff, 0x22, 0x5d]) })
    expect(d.ok ? 'ok' : d.reason).toBe('CAVEAT_MALFORMED')
  })

  it('rejects an encoded surrogate and an overlong encoding (JSON-1)', () => {
    for (const bytes of [[0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xc0, 0xaf, 0x22]]) {
      const d = decodeCaveat({ kind: 'first-party', id: Uint8Array.from(bytes) })
      expect(d.ok ? 'ok' : d.reason).toBe('CAVEAT_MALFORMED')
    }
  })

  it('rejects a UTF-8 byte-order mark before the JSON (JSON-2)', () => {
    expectMalformed('\ufeff[1,["a"]]', /strict JSON/)
  })

  it('accepts JSON whitespace around and inside the value (JSON-3)', () => {
    expect(outcome(' \t[ 1 , [ "a" ] ]\r\n')).toMatchObject({ slug: 'project-names' })
  })

  it('reports a third-party caveat as CAVEAT_THIRD_PARTY', () => {
    const d = decodeCaveat({ kind: 'third-party', id: Buffer.from('[1,["a"]]'), location: null, vid: new Uint8Array(72) })
    expect(d.ok ? 'ok' : d.reason).toBe('CAVEAT_THIRD_PARTY')
  })

  it('names the format when a recognised caveat has the wrong shape', () => {
    const d = decodeText('[0,"50",10]')
    expect(d.ok ? null : d.slug).toBe('expiration')
  })
})
