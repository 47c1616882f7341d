/**
 * @module Runtime validation with ajv from the same schemas the types are generated from.
 * Validators compile on first use and are cached.
 */
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import {
  adapterRequestSchema,
  adapterResponseSchema,
  caveatSchemas,
  commonSchema,
  contextSchema,
  interopDeviationsSchema,
  interopResultsSchema,
  restrictionSchema,
  resultsSchema,
  vectorFileSchema,
  xfailFileSchema,
} from '../generated/schemas.js'
import type { CaveatSlug } from '../generated/types.js'

const ajv = new Ajv({ strict: true, strictTuples: false, allowUnionTypes: true, allErrors: false })
for (const keyword of ['x-slug', 'tsType']) ajv.addKeyword({ keyword, schemaType: 'string' })
ajv.addKeyword({ keyword: 'x-tag', schemaType: 'number' })
for (const schema of [commonSchema, contextSchema, restrictionSchema, adapterRequestSchema, adapterResponseSchema, vectorFileSchema, xfailFileSchema, resultsSchema, interopDeviationsSchema, interopResultsSchema]) {
  ajv.addSchema(schema as object)
}

export type Validation = { ok: true } | { ok: false; message: string }

/** One line naming where the value went wrong, e.g. `/1 must be array`. */
export function describe(errors: readonly ErrorObject[]): string {
  const e = errors[0]
  if (e === undefined) return 'does not match the schema'
  const where = e.instancePath === '' ? 'value' : e.instancePath
  const extra =
    e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : e.keyword === 'const' ? ` (${JSON.stringify(e.params.allowedValue)})` : ''
  return `${where} ${e.message ?? 'is invalid'}${extra}`
}

function run(fn: ValidateFunction, value: unknown): Validation {
  return fn(value) ? { ok: true } : { ok: false, message: describe(fn.errors ?? []) }
}

const byRef = new Map<string, ValidateFunction>()

/** Validates against a schema by reference, e.g. `context.schema.json` or `adapter/response.schema.json#/definitions/VerifyResponse`. */
export function validateRef(ref: string, value: unknown): Validation {
  let fn = byRef.get(ref)
  if (fn === undefined) {
    fn = ajv.getSchema(ref)
    if (fn === undefined) throw new Error(`no schema ${ref}`)
    byRef.set(ref, fn)
  }
  return run(fn, value)
}

const caveatValidators = new Map<CaveatSlug, ValidateFunction>()

export function validateCaveat(slug: CaveatSlug, value: unknown): Validation {
  let fn = caveatValidators.get(slug)
  if (fn === undefined) caveatValidators.set(slug, (fn = ajv.compile(caveatSchemas[slug])))
  return run(fn, value)
}

export const validateRestriction = (value: unknown): Validation => validateRef('restriction.schema.json', value)
