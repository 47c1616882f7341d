/**
 * @module Canonical caveat serialisation: the bytes Warehouse writes (CAV-9).
 *
 * Python's `json.dumps(value, sort_keys=True, separators=(",", ":"))` with its default
 * `ensure_ascii=True`: compact, keys sorted by code point, every non-ASCII UTF-16 unit escaped as
 * a lowercase `\uXXXX`.
 */
import type { JsonValue } from './parse.js'

const SHORT_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0c: '\\f' }

export function dumpString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const short = SHORT_ESCAPES[c]
    if (short !== undefined) out += short
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0')
    else out += text[i]
  }
  return out + '"'
}

/** Compares strings by Unicode code point, as Python sorts `str` keys. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

/** Serialises a JSON value canonically. Numbers must be integers (JSON-4). */
export function dumpJson(value: JsonValue): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`)
      return Object.is(value, -0) ? '0' : String(value)
    case 'string':
      return dumpString(value)
  }
  if (Array.isArray(value)) return '[' + value.map(dumpJson).join(',') + ']'
  const keys = Object.keys(value).sort(byCodePoint)
  return '{' + keys.map((k) => dumpString(k) + ':' + dumpJson(value[k] as JsonValue)).join(',') + '}'
}
