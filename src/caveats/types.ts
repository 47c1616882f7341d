/** @module The shape every caveat module has (spec/caveats/index.md, spec/proposals.md). */
import type { Restriction, VerifyContext } from '../generated/types.js'
import type { JsonValue } from '../json/parse.js'

export type RestrictionOf<T extends Restriction['type']> = Extract<Restriction, { type: T }>

/** A restriction of any caveat format, built in or proposed: an object with a `type`. */
export interface AnyRestriction {
  readonly type: string
}

/** A JSON Schema document or fragment, as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>

/** What a restricter writes for a restriction, or why it refuses it (spec/restricting.md). */
export type Normalized<R = Restriction> = { ok: true; restriction: R } | { ok: false; message: string }

/** The schemas a caveat format brings to a registry. */
export interface CaveatSchemas {
  /** The wire form, normative (CAV-8, CAV-10): `schemas/caveats/<slug>.schema.json`. */
  readonly caveat: JsonSchema
  /** The restriction object a restricter takes: one branch of the registry's restriction schema. */
  readonly restriction: JsonSchema
  /**
   * Context members the caveat reads beyond the base context (PROP-4), by name: each is optional
   * in a context and null when absent (VERIFY-2). Built-in caveats read only the base context.
   */
  readonly context?: Readonly<Record<string, JsonSchema>>
}

export interface CaveatModule<R extends AnyRestriction = Restriction> {
  /** The caveat's name in every layer: schema, spec page, module, vector file. */
  readonly slug: string
  /** The array tag, or null for a legacy JSON-object form. */
  readonly tag: number | null
  /** The restriction type that decodes from and encodes to this caveat. */
  readonly type: R['type']
  readonly schemas: CaveatSchemas
  /**
   * What the schema cannot state (a network's host bits, say): null when the schema-valid wire
   * value is well-formed, otherwise why it is malformed (CAV-8). Optional.
   */
  validate?(wire: JsonValue): string | null
  /** Schema-valid (and valid) wire value → typed restriction. */
  decode(wire: JsonValue): R
  /** Typed restriction → wire value, serialised canonically by dumpJson (CAV-9). */
  encode(restriction: R): JsonValue
  /** A schema-valid restriction in the form a restricter writes, or why it is refused (RESTRICT-2 … RESTRICT-5). */
  normalize(restriction: R): Normalized<R>
  /** Null when the caveat holds in `context`; otherwise why not, for humans. */
  check(restriction: R, context: VerifyContext): string | null
  /** What the caveat allows, in plain English; relative times when `now` is given. */
  explain(restriction: R, now?: number): string
}
