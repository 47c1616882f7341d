/** @module A caveat's JSON Schema as a table of its fields: one row per array position or object member. */

export interface FieldRow {
  /** `[0]`, `[1]` for array positions; `version`, `permissions.projects` for members. */
  readonly where: string
  readonly type: string
  readonly required: boolean
  /** `always 0`, `the string "user"`, or empty. */
  readonly constraint: string
  readonly meaning: string
}

type Schema = {
  type?: string | string[]
  const?: unknown
  items?: Schema | Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  minItems?: number
  description?: string
}

function typeOf(s: Schema): string {
  if (s.const !== undefined) return typeof s.const === 'number' ? 'integer' : typeof s.const
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any')
  if (t === 'array' && s.items !== undefined && !Array.isArray(s.items)) return `array of ${typeOf(s.items)}s`
  return t
}

const constraintOf = (s: Schema) => (s.const === undefined ? '' : `always ${JSON.stringify(s.const)}`)

/** The rows of a caveat schema (tagged array or legacy object, nested objects flattened). */
export function schemaRows(schema: unknown): FieldRow[] {
  const s = schema as Schema
  const items = s.items
  if (Array.isArray(items)) {
    return items.map((item, i) => ({
      where: `[${i}]`,
      type: typeOf(item),
      required: i < (s.minItems ?? items.length),
      constraint: constraintOf(item),
      meaning: i === 0 && item.const !== undefined ? 'the tag' : (item.description ?? ''),
    }))
  }
  return objectRows(s, '')
}

function objectRows(s: Schema, prefix: string): FieldRow[] {
  return Object.entries(s.properties ?? {}).flatMap(([name, member]) => {
    const where = `${prefix}${name}`
    const row: FieldRow = { where, type: typeOf(member), required: (s.required ?? []).includes(name), constraint: constraintOf(member), meaning: member.description ?? '' }
    return member.properties === undefined ? [row] : [row, ...objectRows(member, `${where}.`)]
  })
}
