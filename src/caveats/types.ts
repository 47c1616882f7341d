/** @module The shape every caveat module has (spec/caveats/index.md). */
import type { CaveatSlug, Restriction, VerifyContext } from '../generated/types.js'
import type { JsonValue } from '../json/parse.js'

export type RestrictionOf<T extends Restriction['type']> = Extract<Restriction, { type: T }>

export interface CaveatModule<T extends Restriction['type'] = Restriction['type']> {
  /** The caveat's name in every layer: schema, spec page, module, vector file. */
  readonly slug: CaveatSlug
  /** The array tag, or null for a legacy JSON-object form. */
  readonly tag: number | null
  /** The restriction type that decodes from and encodes to this caveat. */
  readonly type: T
  /** Schema-valid wire value → typed restriction. */
  decode(wire: JsonValue): RestrictionOf<T>
  /** Typed restriction → wire value, serialised canonically by dumpJson (CAV-9). */
  encode(restriction: RestrictionOf<T>): JsonValue
  /** Null when the caveat holds in `context`; otherwise why not, for humans. */
  check(restriction: RestrictionOf<T>, context: VerifyContext): string | null
  /** What the caveat allows, in plain English; relative times when `now` is given. */
  explain(restriction: RestrictionOf<T>, now?: number): string
}
