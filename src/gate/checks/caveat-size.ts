/**
 * @module PROP-26: the caveat schema bounds its caveats to what every verifier must accept, 4,096
 * bytes (LIMIT-3). The gate computes an upper bound of the compact JSON text, in UTF-8, of every
 * value the schema admits, from `const`, `enum`, `maxItems`, `maxLength`, `maximum`/`minimum`,
 * tuples and closed objects; a string or array without a bound is unbounded.
 */
import type { JsonSchema } from '../../caveats/types.js'
import { judged, type CheckResult } from '../check.js'

/** LIMIT-3: the largest caveat every verifier must accept. */
export const MAX_CAVEAT_BYTES = 4096
/** The longest JSON number text a value can take (`-1.7976931348623157e+308`). */
const NUMBER_BYTES = 24

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8')

/** The most bytes one code point of a JSON string can take: `\u001f` is 6. */
const ANY_CHAR = 6

/** Bytes a character class member takes inside a JSON string. */
function charBytes(code: number): number {
  if (code < 0x20) return ANY_CHAR
  if (code === 0x22 || code === 0x5c) return 2
  return code < 0x7f ? 1 : 4
}

/**
 * The most bytes one character of a string matching `pattern` takes in JSON, when the pattern is
 * anchored at both ends and names its characters (literals, escapes of them, ranges, \d, \w);
 * otherwise the worst case, 6.
 */
export function patternCharBytes(pattern: string): number {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return ANY_CHAR
  let worst = 1
  let depth = 0
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\') {
      const e = pattern[i + 1] ?? ''
      i++
      if ('dwbB'.includes(e)) continue
      if ('DWSsPpuxcntrfvk0'.includes(e) || /[0-9]/.test(e)) return ANY_CHAR
      worst = Math.max(worst, charBytes(e.codePointAt(0) as number))
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      else if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
        const lo = c.codePointAt(0) as number
        const hi = (pattern[i + 2] as string).codePointAt(0) as number
        for (let code = lo; code <= Math.min(hi, 0x80); code++) worst = Math.max(worst, charBytes(code))
        if (hi > 0x7e) return ANY_CHAR
        i += 2
      } else worst = Math.max(worst, charBytes(c.codePointAt(0) as number))
      continue
    }
    if (c === '[') {
      if (pattern[i + 1] === '^') return ANY_CHAR
      inClass = true
    } else if (c === '.') return ANY_CHAR
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return ANY_CHAR
    else worst = Math.max(worst, charBytes(c.codePointAt(0) as number))
  }
  return worst
}

type Bound = { bytes: number } | { unbounded: string }
const sum = (bounds: Bound[], extra: number): Bound => {
  const open = bounds.find((b) => 'unbounded' in b)
  return open ?? { bytes: bounds.reduce((n, b) => n + (b as { bytes: number }).bytes, extra) }
}
const max = (bounds: Bound[]): Bound => bounds.find((b) => 'unbounded' in b) ?? { bytes: Math.max(...bounds.map((b) => (b as { bytes: number }).bytes)) }

/** An upper bound of the compact JSON text of any value `schema` admits, or why there is none. */
export function maxBytes(schema: JsonSchema, path = '(root)'): Bound {
  if ('const' in schema) return { bytes: utf8(JSON.stringify(schema.const)) }
  if (Array.isArray(schema.enum)) return max(schema.enum.map((v) => ({ bytes: utf8(JSON.stringify(v)) })))
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key] as JsonSchema[] | undefined
    if (Array.isArray(branches)) return max(branches.map((b, i) => maxBytes(b, `${path}.${key}[${i}]`)))
  }
  if ('$ref' in schema) return { unbounded: `${path}: $ref is not followed` }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : []
  if (types.length === 0) return { unbounded: `${path} has no type` }
  return max(types.map((type) => typed(schema, type, path)))
}

function typed(schema: JsonSchema, type: string, path: string): Bound {
  const n = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : null)
  switch (type) {
    case 'null':
      return { bytes: 4 }
    case 'boolean':
      return { bytes: 5 }
    case 'integer':
    case 'number': {
      const lo = n('minimum')
      const hi = n('maximum')
      return { bytes: lo === null || hi === null ? NUMBER_BYTES : Math.max(String(lo).length, String(hi).length) }
    }
    case 'string': {
      const length = n('maxLength')
      if (length === null) return { unbounded: `${path}: a string without maxLength` }
      return { bytes: 2 + length * (typeof schema.pattern === 'string' ? patternCharBytes(schema.pattern) : ANY_CHAR) }
    }
    case 'array': {
      const items = schema.items
      if (Array.isArray(items)) {
        const tuple = (items as JsonSchema[]).map((s, i) => maxBytes(s, `${path}[${i}]`))
        if (schema.additionalItems === false || n('maxItems') === items.length) return sum(tuple, 2 + Math.max(0, items.length - 1))
        return { unbounded: `${path}: a tuple that admits additional items` }
      }
      const count = n('maxItems')
      if (count === null) return { unbounded: `${path}: an array without maxItems` }
      const item = items !== null && typeof items === 'object' ? maxBytes(items as JsonSchema, `${path}[]`) : { unbounded: `${path}[] has no schema` }
      return 'unbounded' in item ? item : { bytes: 2 + count * item.bytes + Math.max(0, count - 1) }
    }
    case 'object': {
      if (schema.additionalProperties !== false) return { unbounded: `${path}: an object that admits additional properties` }
      const props = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
      return sum(props.map(([k, s]) => sum([maxBytes(s, `${path}.${k}`)], utf8(JSON.stringify(k)) + 1)), 2 + Math.max(0, props.length - 1))
    }
    default:
      return { unbounded: `${path}: type ${type}` }
  }
}

export function checkCaveatSize(caveat: JsonSchema): CheckResult {
  const bound = maxBytes(caveat)
  const problems =
    'unbounded' in bound
      ? [`caveat.schema.json admits caveats of unbounded size (${bound.unbounded}); bound every string (maxLength) and array (maxItems) so that no caveat exceeds ${MAX_CAVEAT_BYTES} bytes, what every verifier must accept (LIMIT-3)`]
      : bound.bytes > MAX_CAVEAT_BYTES
        ? [`caveat.schema.json admits caveats of up to ${bound.bytes} bytes, more than the ${MAX_CAVEAT_BYTES} every verifier must accept (LIMIT-3)`]
        : []
  return judged('caveat-size', problems, `every caveat the schema admits is at most ${'bytes' in bound ? bound.bytes : '?'} bytes of JSON (limit ${MAX_CAVEAT_BYTES}, LIMIT-3)`)
}
