/**
 * @module Strict JSON reader for caveats (spec/caveat-encoding.md).
 *
 * `JSON.parse` cannot be used for caveats: it accepts duplicate keys (last wins), lone surrogate
 * escapes, and erases the difference between `50`, `50.0` and `5e1`, all of which decide whether
 * a caveat is accepted. This reader implements RFC 8259 plus the caveat rules:
 * - JSON-3 only space, tab, LF and CR count as whitespace (a BOM or NBSP is an error);
 * - JSON-4 every number is an integer literal: a fraction or exponent is an error;
 * - JSON-5 an object may not repeat a key;
 * - JSON-6 a `\u` escape may not leave a surrogate unpaired;
 * - LIMIT-4 nesting deeper than {@link MAX_DEPTH} is an error.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; message: string }

/** Deepest nesting of arrays and objects a caveat may use (LIMIT-4). */
export const MAX_DEPTH = 32

class JsonSyntaxError extends Error {}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

/**
 * Parses `text` as one strict JSON value. Integers beyond the double range are clamped to
 * ±Number.MAX_VALUE: comparisons against a safe-integer `now` stay exact because rounding is
 * monotone (EXP-4). Objects have a null prototype, so a `__proto__` key is an ordinary key.
 */
export function parseStrictJson(input: string): JsonParseResult {
  text = input
  pos = 0
  try {
    const value = readValue(0)
    skipWhitespace()
    if (pos !== text.length) fail('trailing characters after the JSON value')
    return { ok: true, value }
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, message: err.message }
    throw err
  } finally {
    text = ''
  }
}

// The reader's state. Module-level rather than a closure per call: verify parses a few small
// caveats per token, and allocating eight closures each time showed up in profiles.
let text = ''
let pos = 0

function fail(what: string): never {
  throw new JsonSyntaxError(`${what} at offset ${pos}`)
}

function skipWhitespace(): void {
  for (;;) {
    const c = text.charCodeAt(pos)
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++
    else return
  }
}

function expectWord(word: string, value: JsonValue): JsonValue {
  if (!text.startsWith(word, pos)) fail('unexpected character')
  pos += word.length
  return value
}

function readNumber(): number {
  const start = pos
  if (text.charCodeAt(pos) === 0x2d) pos++
  const first = text.charCodeAt(pos)
  if (first === 0x30) pos++
  else if (first >= 0x31 && first <= 0x39) {
    while (isDigit(text.charCodeAt(pos))) pos++
  } else fail('invalid number')
  const next = text[pos]
  if (next === '.' || next === 'e' || next === 'E') fail('number with a fraction or exponent (caveat numbers must be integer literals)')
  const value = Number(text.slice(start, pos))
  if (value === Number.POSITIVE_INFINITY) return Number.MAX_VALUE
  if (value === Number.NEGATIVE_INFINITY) return -Number.MAX_VALUE
  return value
}

function readHex4(): number {
  const hex = text.slice(pos, pos + 4)
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape')
  pos += 4
  return parseInt(hex, 16)
}

function readString(): string {
  pos++ // opening quote
  let out = ''
  let runStart = pos
  for (;;) {
    const c = text.charCodeAt(pos)
    if (c === 0x22) {
      out += text.slice(runStart, pos)
      pos++
      return out
    }
    if (Number.isNaN(c)) fail('unterminated string')
    if (c < 0x20) fail('control character in string')
    if (c !== 0x5c) {
      pos++
      continue
    }
    out += text.slice(runStart, pos)
    const e = text[pos + 1] ?? ''
    if (e === 'u') {
      pos += 2
      const unit = readHex4()
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (text[pos] !== '\\' || text[pos + 1] !== 'u') fail('unpaired surrogate escape')
        pos += 2
        const low = readHex4()
        if (low < 0xdc00 || low > 0xdfff) fail('unpaired surrogate escape')
        out += String.fromCharCode(unit, low)
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        fail('unpaired surrogate escape')
      } else {
        out += String.fromCharCode(unit)
      }
    } else {
      const decoded = ESCAPES[e]
      if (decoded === undefined) fail('invalid escape')
      out += decoded
      pos += 2
    }
    runStart = pos
  }
}

function readValue(depth: number): JsonValue {
  skipWhitespace()
  const c = text.charCodeAt(pos)
  switch (c) {
    case 0x7b: // {
      return readObject(depth + 1)
    case 0x5b: // [
      return readArray(depth + 1)
    case 0x22: // "
      return readString()
    case 0x74: // t
      return expectWord('true', true)
    case 0x66: // f
      return expectWord('false', false)
    case 0x6e: // n
      return expectWord('null', null)
    default:
      if (c === 0x2d || isDigit(c)) return readNumber()
      return fail(Number.isNaN(c) ? 'unexpected end of input' : 'unexpected character')
  }
}

function readArray(depth: number): JsonValue[] {
  if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`)
  pos++
  const items: JsonValue[] = []
  skipWhitespace()
  if (text.charCodeAt(pos) === 0x5d) {
    pos++
    return items
  }
  for (;;) {
    items.push(readValue(depth))
    skipWhitespace()
    const c = text.charCodeAt(pos++)
    if (c === 0x5d) return items
    if (c !== 0x2c) fail("expected ',' or ']'")
  }
}

function readObject(depth: number): JsonObject {
  if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`)
  pos++
  const obj = Object.create(null) as JsonObject
  skipWhitespace()
  if (text.charCodeAt(pos) === 0x7d) {
    pos++
    return obj
  }
  for (;;) {
    skipWhitespace()
    if (text.charCodeAt(pos) !== 0x22) fail('expected a string key')
    const key = readString()
    if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`)
    skipWhitespace()
    if (text.charCodeAt(pos++) !== 0x3a) fail("expected ':'")
    obj[key] = readValue(depth)
    skipWhitespace()
    const c = text.charCodeAt(pos++)
    if (c === 0x7d) return obj
    if (c !== 0x2c) fail("expected ',' or '}'")
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}
