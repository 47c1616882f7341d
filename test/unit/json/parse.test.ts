import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, parseStrictJson } from '../../../src/json/parse.js'

const parse = (text: string) => {
  const r = parseStrictJson(text)
  return r.ok ? r.value : `error: ${r.message}`
}

describe('parseStrictJson', () => {
  it.each([
    ['[0,50,10]', [0, 50, 10]],
    [' [1, ["a", "b"]] \n', [1, ['a', 'b']]],
    ['\t[3,"x"]\r\n', [3, 'x']],
    ['{"version": 1, "permissions": "user"}', { version: 1, permissions: 'user' }],
    ['[-0]', [-0]],
    ['["\\u00e9\\ud83d\\ude00\\"\\\\\\/\\b\\f\\n\\r\\t"]', ['é😀"\\/\b\f\n\r\t']],
    ['[true,false,null]', [true, false, null]],
    ['"é"', 'é'],
  ])('accepts %s', (text, value) => {
    expect(parse(text)).toEqual(value)
  })

  it('gives objects a null prototype, so __proto__ is an ordinary key', () => {
    const r = parseStrictJson('{"__proto__": {"x": 1}}')
    if (!r.ok) throw new Error(r.message)
    expect(Object.getPrototypeOf(r.value)).toBeNull()
    expect(Object.keys(r.value as object)).toEqual(['__proto__'])
  })

  it('keeps integers beyond 2^53 ordered and clamps the unrepresentable (EXP-4)', () => {
    expect(parse('[9007199254740993]')).toEqual([9007199254740992])
    expect(parse('[' + '9'.repeat(400) + ']')).toEqual([Number.MAX_VALUE])
    expect(parse('[-' + '9'.repeat(400) + ']')).toEqual([-Number.MAX_VALUE])
  })

  describe('rejects', () => {
    it.each([
      ['a fraction (JSON-4)', '[0,50.0,10]', /fraction or exponent/],
      ['an exponent (JSON-4)', '[0,1e3,0]', /fraction or exponent/],
      ['an upper-case exponent (JSON-4)', '[0,1E3,0]', /fraction or exponent/],
      ['negative zero as a float (JSON-4)', '[-0.0]', /fraction or exponent/],
      ['a leading zero', '[01]', /expected/],
      ['a plus sign', '[+1]', /unexpected character/],
      ['NaN', '[NaN]', /unexpected character/],
      ['Infinity', '[Infinity]', /unexpected character/],
      ['a duplicate key (JSON-5)', '{"a":1,"a":1}', /duplicate key "a"/],
      ['a duplicate key spelled with an escape (JSON-5)', '{"a":1,"\\u0061":2}', /duplicate key/],
      ['a lone high surrogate (JSON-6)', '["\\ud800"]', /unpaired surrogate/],
      ['a lone low surrogate (JSON-6)', '["\\udc00"]', /unpaired surrogate/],
      ['a reversed surrogate pair (JSON-6)', '["\\udc00\\ud800"]', /unpaired surrogate/],
      ['a high surrogate followed by a non-surrogate escape (JSON-6)', '["\\ud800\\u0041"]', /unpaired surrogate/],
      ['a byte-order mark (JSON-3)', '\ufeff[1]', /unexpected character/],
      ['a no-break space (JSON-3)', '\u00a0[1]', /unexpected character/],
      ['a vertical tab (JSON-3)', '\u000b[1]', /unexpected character/],
      ['a raw control character in a string', '["a\u0001"]', /control character/],
      ['a raw newline in a string', '["a\nb"]', /control character/],
      ['an invalid escape', '["\\x41"]', /invalid escape/],
      ['a short \\u escape', '["\\u12"]', /invalid \\u escape/],
      ['a trailing comma in an array', '[1,]', /unexpected character/],
      ['a trailing comma in an object', '{"a":1,}', /expected a string key/],
      ['a comment', '[1]//x', /trailing characters/],
      ['a second value', '[1][2]', /trailing characters/],
      ['single quotes', "['a']", /unexpected character/],
      ['an unquoted key', '{a:1}', /expected a string key/],
      ['an unterminated string', '["abc', /unterminated string/],
      ['an unterminated array', '[1', /expected/],
      ['empty input', '', /end of input/],
      ['whitespace only', '  ', /end of input/],
      ['a misspelt literal', '[tru]', /unexpected character/],
    ])('%s', (_what, text, message) => {
      const r = parseStrictJson(text)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toMatch(message)
    })
  })

  it(`accepts nesting of depth ${MAX_DEPTH} and rejects ${MAX_DEPTH + 1} (LIMIT-4)`, () => {
    expect(parseStrictJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).ok).toBe(true)
    const r = parseStrictJson('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))
    expect(r.ok ? 'ok' : r.message).toMatch(/nesting deeper/)
    expect(parseStrictJson('{"a":'.repeat(MAX_DEPTH + 1) + '1' + '}'.repeat(MAX_DEPTH + 1)).ok).toBe(false)
  })

  it('does not overflow the stack on deep input', () => {
    expect(parseStrictJson('['.repeat(100000)).ok).toBe(false)
  })
})

describe('parseStrictJson at the edges of its checks', () => {
  it.each([
    // JSON-6: the surrogate ranges end at U+DBFF and U+DFFF, inclusive on both sides.
    ['["\\udbff\\udfff"]', ['\u{10ffff}']],
    ['["\\ud800\\udc00"]', ['\u{10000}']],
    ['["\\ud800\\udfff"]', ['\u{103ff}']],
    ['["\\udbff\\udc00"]', ['\u{10fc00}']],
  ])('accepts the surrogate pair %s', (text, value) => {
    expect(parse(text)).toEqual(value)
  })

  it.each([
    ['a lone low surrogate at the top of the range', '["\\udfff"]', 'unpaired surrogate escape at offset 8'],
    ['a high surrogate followed by a non-surrogate escape', '["\\ud800\\ue000"]', 'unpaired surrogate escape at offset 14'],
    ['a high surrogate followed by a \\x escape of low-surrogate digits', '["\\ud800\\xdc00"]', 'unpaired surrogate escape at offset 8'],
    ['a high surrogate followed by a bare udc00', '["\\ud800Xudc00"]', 'unpaired surrogate escape at offset 8'],
    ['a minus sign followed by a comma', '[-,1]', 'invalid number at offset 2'],
    ['a minus sign followed by a space', '- ', 'invalid number at offset 1'],
    ['an object member without a colon', '{"a" 1}', "expected ':' at offset 6"],
    ['an object member followed by junk', '{"a":1x"b":2}', "expected ',' or '}' at offset 7"],
  ])('rejects %s', (_what, text, message) => {
    expect(parse(text)).toBe(`error: ${message}`)
  })
})
