import { describe, expect, it } from 'vitest'
import { codePoints, dumpToken, MAX_TOKEN_LENGTH, parseToken } from '../../../src/token/parse.js'
import { decodeBase64url, encodeBase64url } from '../../../src/token/base64url.js'
import { PYPITOKEN, PYPITOKEN_TESTSUITE, WH } from '../../fixtures/reference-tokens.js'

const base = PYPITOKEN.base!.token
const names = PYPITOKEN.names!.token // body length % 4 == 2
const date = PYPITOKEN.date!.token // body has both '-' and '_'
const reason = (input: unknown, options = {}) => {
  const r = parseToken(input, options)
  return r.ok ? 'ok' : r.reason
}

describe('parseToken', () => {
  it('round-trips every canonical fixture', () => {
    for (const token of [...Object.values(PYPITOKEN).map((f) => f.token), WH.project.token, WH.user.token, WH.zeroCaveats]) {
      const r = parseToken(token)
      if (!r.ok) throw new Error(r.message)
      expect(r.token.prefix).toBe('pypi')
      expect(dumpToken(r.token)).toBe(token)
    }
  })

  describe('prefix (TOKEN-1, TOKEN-2)', () => {
    it.each([
      ['no dash at all', 'pypiAgEI'],
      ['an upper-case prefix', 'PyPI' + base.slice(4)],
      ['an all-caps prefix', 'PYPI' + base.slice(4)],
      ['another prefix', 'pre' + base.slice(4)],
      ['the 2019 colon form', 'pypi:' + base.slice(5)],
      ['a leading space', ' ' + base],
      ['an empty prefix', base.slice(4)],
    ])('rejects %s with TOKEN_BAD_PREFIX', (_what, token) => {
      expect(reason(token)).toBe('TOKEN_BAD_PREFIX')
    })

    it('accepts another prefix only when asked to (inspect, restrict)', () => {
      const r = parseToken(PYPITOKEN_TESTSUITE.token, { anyPrefix: true })
      expect(r.ok && r.token.prefix).toBe('pre')
      expect(reason(' ' + base, { anyPrefix: true })).toBe('TOKEN_BAD_PREFIX')
    })
  })

  describe('body encoding (TOKEN-4 … TOKEN-6)', () => {
    it.each([
      ['one padding character', names + '='],
      ['two padding characters', names + '=='],
      ['a trailing newline', base + '\n'],
      ['a trailing space', base + ' '],
      ['an inner space', base.slice(0, 30) + ' ' + base.slice(30)],
      ['the standard alphabet', 'pypi-' + date.slice(5).replace(/-/g, '+').replace(/_/g, '/')],
      ['a junk character', base.slice(0, 20) + '!' + base.slice(21)],
      ['a length of 1 mod 4', 'pypi-' + 'A'.repeat(4 * 20 + 1)],
    ])('rejects %s with TOKEN_BAD_ENCODING', (_what, token) => {
      expect(token).not.toBe(base)
      expect(reason(token)).toBe('TOKEN_BAD_ENCODING')
    })

    it('rejects non-zero trailing bits: each alternate spelling of the last character', () => {
      // names ends in a character carrying 4 unused bits: 15 other spellings decode to the same bytes.
      const last = names[names.length - 1]!
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
      const value = alphabet.indexOf(last)
      const spellings = [...alphabet].filter((c) => (alphabet.indexOf(c) & ~0x0f) === (value & ~0x0f) && c !== last)
      expect(spellings).toHaveLength(15)
      for (const c of spellings) expect(reason(names.slice(0, -1) + c)).toBe('TOKEN_BAD_ENCODING')
    })

    it('reports an empty body as a malformed macaroon', () => {
      expect(reason('pypi-')).toBe('MACAROON_MALFORMED')
    })
  })

  it('rejects a token longer than the limit with TOKEN_TOO_LARGE (LIMIT-2)', () => {
    expect(reason('pypi-' + 'A'.repeat(MAX_TOKEN_LENGTH))).toBe('TOKEN_TOO_LARGE')
  })

  it('measures the size in code points: a surrogate pair counts once (LIMIT-5)', () => {
    const astral = '\u{1F600}'.repeat(MAX_TOKEN_LENGTH / 2)
    expect(reason('pypi-' + astral)).toBe('TOKEN_BAD_ENCODING')
    expect(reason('pypi-' + '\u{1F600}'.repeat(MAX_TOKEN_LENGTH))).toBe('TOKEN_TOO_LARGE')
    expect(reason('p'.repeat(MAX_TOKEN_LENGTH - 1) + '\uD800\uD800')).toBe('TOKEN_TOO_LARGE')
    expect(codePoints('a\u{1F600}\uDC00\uD800')).toBe(4)
  })

  // The reference's own limit (LIMIT-2: more than 65,536 characters) is above LIMIT-1's MUST, so
  // no vector can pin where it falls (any verifier may refuse such a string as TOKEN_TOO_LARGE):
  // these pin the reference's count at its limit, pair boundary by pair boundary.
  it('counts exactly the limit for a string of 65,536 code points whose pairs use the extreme surrogates (LIMIT-5)', () => {
    // U+10000 (d800 dc00), U+103FF (d800 dfff), U+10FC00 (dbff dc00), U+10FFFF (dbff dfff): four pairs, four code points.
    const pairs = '\u{10000}\u{103FF}\u{10FC00}\u{10FFFF}'
    const exact = 'pypi-' + pairs + 'A'.repeat(MAX_TOKEN_LENGTH - 5 - 4)
    expect(codePoints(exact)).toBe(MAX_TOKEN_LENGTH)
    expect(reason(exact)).toBe('TOKEN_BAD_ENCODING')
    expect(reason(exact + 'A')).toBe('TOKEN_TOO_LARGE')
  })

  it('counts a lone surrogate once, whatever precedes or follows it (LIMIT-5)', () => {
    // A letter then a lone low surrogate, U+FF21 then a lone low one, a lone high one then a letter, two lone low ones, a lone high one then U+FF21.
    const lone = 'A\uDC00\uFF21\uDC00\uD800A\uDC00\uDC00\uD800\uFF21'
    expect(codePoints(lone)).toBe(10)
    const over = 'pypi-' + lone + 'A'.repeat(MAX_TOKEN_LENGTH + 1 - 5 - 10)
    expect(codePoints(over)).toBe(MAX_TOKEN_LENGTH + 1)
    expect(reason(over)).toBe('TOKEN_TOO_LARGE')
  })

  it.each([null, undefined, 42, {}, [], Buffer.from(base)])('answers a non-string %s with a reason instead of throwing', (input) => {
    expect(reason(input)).toBe('TOKEN_BAD_ENCODING')
  })
})

describe('base64url', () => {
  it('encodes without padding and decodes back', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)
      const text = encodeBase64url(bytes)
      expect(text).not.toMatch(/[=+/]/)
      const back = decodeBase64url(text)
      expect(back.ok && Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true)
    }
  })
})
