/**
 * @module Inputs the proposer did not choose (PROP-11): fast-check arbitraries built from a
 * proposal's JSON Schemas — strings that match the schema's patterns, integers biased to their
 * bounds, every `format` the schema names — and near misses of a value, one edit away.
 */
import fc from 'fast-check'
import type { JsonSchema } from '../caveats/types.js'

/** What each JSON Schema `format` draws; a format not listed here is refused (PROP-11). */
const FORMATS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  'date-time': () => fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) }).map((d) => d.toISOString()),
  date: () => fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) }).map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  hostname: () => fc.domain(),
  uuid: () => fc.uuid(),
}
export const KNOWN_FORMATS = Object.keys(FORMATS)

/** Every `format` named anywhere in `schema`, with the JSON pointer where it is named. */
export function schemaFormats(schema: unknown, at = ''): { format: string; at: string }[] {
  if (schema === null || typeof schema !== 'object') return []
  const own = typeof (schema as JsonSchema).format === 'string' ? [{ format: (schema as JsonSchema).format as string, at: at || '/' }] : []
  return [...own, ...Object.entries(schema).flatMap(([k, v]) => schemaFormats(v, `${at}/${k}`))]
}

/** The bounds and their neighbours first, then anything in range: where off-by-one bugs live. */
function integers(min: number, max: number): fc.Arbitrary<number> {
  const edges = [min, min + 1, max - 1, max, 0, 1, -1].filter((n) => n >= min && n <= max)
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...new Set(edges)) }, { weight: 2, arbitrary: fc.integer({ min, max }) })
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback)

/** An arbitrary of values `schema` accepts (draft-07: const, enum, oneOf, anyOf, type, pattern, format, items, properties). */
export function schemaArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  const union = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined
  if (Array.isArray(union)) return fc.oneof(...union.map(schemaArbitrary))
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type ?? 'string')]
  if (types.length > 1) return fc.oneof(...types.map((type) => schemaArbitrary({ ...schema, type })))
  switch (types[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return integers(num(schema.minimum, -(2 ** 31)), num(schema.maximum, 2 ** 31 - 1))
    case 'number':
      return fc.double({ min: num(schema.minimum, -1e9), max: num(schema.maximum, 1e9), noNaN: true })
    case 'array': {
      if (Array.isArray(schema.items)) return fc.tuple(...(schema.items as JsonSchema[]).map(schemaArbitrary))
      const item = schemaArbitrary((schema.items ?? {}) as JsonSchema)
      const minLength = num(schema.minItems, 0)
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(num(schema.maxItems, 4), 4)) })
    }
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>
      const requiredKeys = (schema.required ?? []) as string[]
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, schemaArbitrary(s)])), { requiredKeys })
    }
    default:
      return strings(schema)
  }
}

function strings(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = num(schema.minLength, 0)
  const maxLength = num(schema.maxLength, Number.MAX_SAFE_INTEGER)
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength
  if (typeof schema.format === 'string') {
    const format = FORMATS[schema.format]
    if (format === undefined) throw new Error(`the schema names the format ${JSON.stringify(schema.format)}, which the gate cannot draw (it draws ${KNOWN_FORMATS.join(', ')})`)
    return format().filter(fits)
  }
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits)
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24), unit: 'grapheme' })
}

/**
 * The random choices a near miss is made from. Each shrinks towards 0 and false, and is drawn
 * apart from the value it changes, so a counterexample shrinks on both sides.
 */
export interface NearChoice {
  readonly way: number
  readonly at: number
  readonly char: number
  readonly flip: boolean
  readonly noise: readonly number[]
}

export const nearChoice: fc.Arbitrary<NearChoice> = fc.record({
  way: fc.nat({ max: 63 }),
  at: fc.nat({ max: 255 }),
  char: fc.nat({ max: 255 }),
  flip: fc.boolean(),
  noise: fc.array(fc.nat({ max: 255 }), { minLength: 16, maxLength: 16 }),
})

/** Characters a near miss substitutes: the value's own, digits, hex letters, separators, and case. */
const ALPHABET = [...'0123456789abcdefABCDEF.:/!+-_ ']

/** `value` one edit away: a character replaced, deleted, inserted or doubled, or the case flipped. */
export function textEdit(value: string, c: NearChoice): string {
  const chars = [...new Set([...ALPHABET, ...value])]
  const i = value.length === 0 ? 0 : c.at % value.length
  const char = chars[c.char % chars.length] as string
  switch (c.way % 5) {
    case 0:
      return value.slice(0, i) + char + value.slice(i + 1)
    case 1:
      return value.slice(0, i) + value.slice(i + 1)
    case 2:
      return value.slice(0, i) + char + value.slice(i)
    case 3:
      return value.slice(0, i + 1) + value.slice(i)
    default:
      return value.toUpperCase()
  }
}

/** Strings one edit from `value`. */
export const nearArbitrary = (value: string): fc.Arbitrary<string> => nearChoice.map((c) => textEdit(value, c))
