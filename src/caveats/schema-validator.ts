/**
 * @module Runtime validation with ajv from the same schemas the types are generated from.
 * Validators compile on first use and are cached. A registry whose caveats read context members
 * beyond the base context (PROP-4) gets its own validators, in which `context.schema.json` (and so
 * every schema that refers to it: adapter requests, vector files) admits those members too.
 */
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import {
  adapterRequestSchema,
  adapterResponseSchema,
  commonSchema,
  contextSchema,
  interopDeviationsSchema,
  interopResultsSchema,
  restrictionSchema,
  resultsSchema,
  vectorFileSchema,
  xfailFileSchema,
} from '../generated/schemas.js'
import type { JsonSchema } from './types.js'

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

/** An ajv instance holding every suite schema, with `context` as `context.schema.json`. */
function newAjv(context: JsonSchema): Ajv {
  const ajv = new Ajv({ strict: true, strictTuples: false, allowUnionTypes: true })
  for (const keyword of ['x-slug', 'tsType']) ajv.addKeyword({ keyword, schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-tag', schemaType: 'number' })
  for (const schema of [commonSchema, context, restrictionSchema, adapterRequestSchema, adapterResponseSchema, vectorFileSchema, xfailFileSchema, resultsSchema, interopDeviationsSchema, interopResultsSchema]) {
    ajv.addSchema(schema as object)
  }
  return ajv
}

/** Validation against a registry's schemas. */
export interface Validators {
  /** By reference, e.g. `context.schema.json` or `adapter/response.schema.json#/definitions/VerifyResponse`. */
  ref(ref: string, value: unknown): Validation
  /** Against a caveat format's wire schema. */
  caveat(schema: JsonSchema, value: unknown): Validation
  /** Against the registry's restriction schema: exactly one of its caveats' restriction schemas. */
  restriction(value: unknown): Validation
}

export interface ValidatorOptions {
  /** Every caveat's restriction schema. */
  readonly restrictions: readonly JsonSchema[]
  /** Context members beyond the base context, by name (optional in a context; PROP-4). */
  readonly context?: Readonly<Record<string, JsonSchema>>
}

/** The base context schema with extra members, which stay optional. */
export function extendedContextSchema(members: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return { ...contextSchema, properties: { ...contextSchema.properties, ...members } }
}

let baseAjv: Ajv | null = null
const sharedBase = () => (baseAjv ??= newAjv(contextSchema))

/**
 * ajv instances for extra context members, by the members' JSON: an instance holds the suite
 * schemas and the context schema, which the members alone decide, so registries with equal members
 * share one (as registries without extra members share {@link sharedBase}) instead of compiling
 * every schema again — the proposal gate makes two registries per derived mutant. Bounded: the
 * oldest instance goes beyond {@link SHARED} entries.
 */
const byMembers = new Map<string, Ajv>()
const SHARED = 8

function sharedFor(members: Readonly<Record<string, JsonSchema>>): Ajv {
  const key = JSON.stringify(members)
  let ajv = byMembers.get(key)
  if (ajv === undefined) {
    if (byMembers.size >= SHARED) byMembers.delete(byMembers.keys().next().value as string)
    byMembers.set(key, (ajv = newAjv(extendedContextSchema(members))))
  }
  return ajv
}

/** Compiled caveat schemas by ajv instance: a schema with an `$id` compiles once per instance. */
const compiled = new WeakMap<Ajv, WeakMap<JsonSchema, ValidateFunction>>()

function compileOnce(ajv: Ajv, schema: JsonSchema): ValidateFunction {
  let cache = compiled.get(ajv)
  if (cache === undefined) compiled.set(ajv, (cache = new WeakMap()))
  let fn = cache.get(schema)
  if (fn === undefined) cache.set(schema, (fn = ajv.compile(anonymous(schema))))
  return fn
}

/** Compiled restriction schemas (`oneOf` the caveats' restriction schemas) by ajv instance and the list's JSON, its only input; at most one per registry made. */
const restrictions = new WeakMap<Ajv, Map<string, ValidateFunction>>()

function restrictionOnce(ajv: Ajv, schemas: readonly JsonSchema[]): ValidateFunction {
  let cache = restrictions.get(ajv)
  if (cache === undefined) restrictions.set(ajv, (cache = new Map()))
  const anonymousOnes = schemas.map(anonymous)
  const key = JSON.stringify(anonymousOnes)
  let fn = cache.get(key)
  if (fn === undefined) cache.set(key, (fn = ajv.compile({ oneOf: anonymousOnes })))
  return fn
}

/** A schema without its `$id`, so that two copies of one schema (two registries) never clash in an ajv instance. */
function anonymous(schema: JsonSchema): JsonSchema {
  const { $id: _id, ...body } = schema
  return body
}

/** The compiled schema a reference names in an ajv instance (ajv compiles it once and keeps it). Throws on an unknown reference: a caller's bug. */
function byRef(ajv: Ajv, ref: string): ValidateFunction {
  const fn = ajv.getSchema(ref)
  if (fn === undefined) throw new Error(`no schema ${ref}`)
  return fn
}

export function createValidators(options: ValidatorOptions): Validators {
  const members = options.context ?? {}
  let ajv: Ajv | null = null
  // Without extra members the validators share one ajv instance: the default registry's schemas.
  const instance = () => (ajv ??= Object.keys(members).length === 0 ? sharedBase() : sharedFor(members))
  let restriction: ValidateFunction | null = null
  return {
    ref: (ref, value) => run(byRef(instance(), ref), value),
    caveat: (schema, value) => run(compileOnce(instance(), schema), value),
    restriction(value) {
      restriction ??= restrictionOnce(instance(), options.restrictions)
      return run(restriction, value)
    },
  }
}

/** Validates against a base schema, as published in schemas/, by reference (see {@link Validators.ref}). */
export const validateRef = (ref: string, value: unknown): Validation => run(byRef(sharedBase(), ref), value)
