import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { dumpJson } from '../../../src/json/dumps.js'
import { parseStrictJson, type JsonValue } from '../../../src/json/parse.js'

describe('dumpJson', () => {
  // Expected strings are CPython 3.11 json.dumps(value, sort_keys=True, separators=(",", ":")).
  it.each<[JsonValue, string]>([
    [[0, 50, 10], '[0,50,10]'],
    [[1, ['foo', 'bar']], '[1,["foo","bar"]]'],
    [{ version: 1, permissions: { projects: ['a'] } }, '{"permissions":{"projects":["a"]},"version":1}'],
    [['é', '\x7f', '😀', '\x01', '"', '\\', '/', '\n\t'], '["\\u00e9","\\u007f","\\ud83d\\ude00","\\u0001","\\"","\\\\","/","\\n\\t"]'],
    [{ b: 1, a: [], é: 0, '😀': 1, '\uffff': 2 }, '{"a":[],"b":1,"\\u00e9":0,"\\uffff":2,"\\ud83d\\ude00":1}'],
    [[-5, 10 ** 15, -0], '[-5,1000000000000000,0]'],
    [[4, 'x', null], '[4,"x",null]'],
    [[true, false], '[true,false]'],
    // Keys that are prefixes of one another, in both orders; space and `~` (the printable ends) unescaped; \r \b \f; 0x1f.
    [{ ab: 1, a: 2, abc: [' ~', '\r\b\f', '\x1f ~\x7f'], '😀x': 0, '😀': 1, '\uff21': 2, b: {} }, '{"a":2,"ab":1,"abc":[" ~","\\r\\b\\f","\\u001f ~\\u007f"],"b":{},"\\uff21":2,"\\ud83d\\ude00":1,"\\ud83d\\ude00x":0}'],
  ])('writes %j as Python does', (value, expected) => {
    expect(dumpJson(value)).toBe(expected)
  })

  it('refuses numbers that are not safe integers (JSON-4)', () => {
    expect(() => dumpJson([1.5])).toThrow(RangeError)
    expect(() => dumpJson([2 ** 60])).toThrow(RangeError)
  })

  const jsonValue = fc.letrec<{ v: JsonValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string({ unit: 'grapheme' }),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 4 }), tie('v'), { maxKeys: 4 }),
    ),
  })).v

  test.prop([jsonValue])('parseStrictJson(dumpJson(v)) deep-equals v', (value) => {
    const r = parseStrictJson(dumpJson(value))
    expect(r.ok).toBe(true)
    if (r.ok) expect(JSON.parse(JSON.stringify(r.value))).toEqual(value)
  })

  test.prop([jsonValue])('output is ASCII and agrees with JSON.parse', (value) => {
    const text = dumpJson(value)
    expect(text).toMatch(/^[\x20-\x7e]*$/)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
  })
})

describe('dumpJson refuses a number it cannot write as an integer literal (JSON-4)', () => {
  it('throws a RangeError naming the number, a caller bug', () => {
    expect(() => dumpJson(1.5)).toThrow(new RangeError('not a safe integer: 1.5'))
    expect(() => dumpJson(2 ** 53)).toThrow(new RangeError('not a safe integer: 9007199254740992'))
  })
})
