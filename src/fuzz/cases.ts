/**
 * @module Inputs for differential fuzzing: a token minted by the reference (key known) from
 * well-formed, rejected and near-miss caveat texts, sometimes re-spelled in a near-miss encoding,
 * then one verify, inspect or restrict request about it. Built from the shared arbitraries of
 * src/fuzz/arbitraries.ts; every choice shrinks towards the plain, canonical form.
 */
import fc from 'fast-check'
import type { Restriction, VerifyContext } from '../generated/types.js'
import { mint } from '../mint.js'
import { encodeRestrictions } from '../restrict.js'
import { contextArb, identifierArb, keyArb, nonUtf8Arb, POOL, rejectedCaveatTextArb, restrictionArb, T0 } from './arbitraries.js'
import { CAVEAT_VARIANTS, TOKEN_VARIANTS } from './variants.js'

/** One fuzz request; `origin` says how the token was built, for the report. */
export type FuzzCase = (
  | { readonly op: 'verify'; readonly token: string; readonly key: string; readonly context: VerifyContext }
  | { readonly op: 'inspect'; readonly token: string }
  | { readonly op: 'restrict'; readonly token: string; readonly key: string; readonly restrictions: readonly Restriction[] }
) & { readonly origin: Origin }

export interface Origin {
  readonly identifier: string
  readonly caveats: readonly (string | { readonly hex: string })[]
  /** How the canonical token was re-spelled (`none` when it was not). */
  readonly variant: string
  readonly wrongKey?: boolean
  /** With a wrong key: the key the token was minted with (hex), to tell which caveats fail under the right one. */
  readonly mintedWith?: string
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/** The canonical caveat text of a restriction (restrictionArb only yields accepted restrictions). */
const encoded = (r: Restriction): string => {
  const e = encodeRestrictions([r])
  return e.ok ? (e.caveats[0] as string) : '[]'
}

const wellFormedCaveatArb = restrictionArb.map(encoded)

/** A caveat as embedded: mostly well-formed, sometimes rejected, re-spelled, or not UTF-8. */
export const caveatArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: wellFormedCaveatArb },
  { weight: 2, arbitrary: fc.tuple(wellFormedCaveatArb, fc.constantFrom(...Object.keys(CAVEAT_VARIANTS))).map(([t, v]) => (CAVEAT_VARIANTS[v] as { respell: (s: string) => string }).respell(t)) },
  { weight: 2, arbitrary: rejectedCaveatTextArb },
  { weight: 1, arbitrary: nonUtf8Arb },
)

const tokenVariantArb = fc.oneof({ weight: 8, arbitrary: fc.constant('none') }, { weight: 3, arbitrary: fc.constantFrom(...Object.keys(TOKEN_VARIANTS).filter((k) => k !== 'none')) })

const minted = fc.record({ key: keyArb, identifier: identifierArb, caveats: fc.array(caveatArb, { maxLength: 4 }), variant: tokenVariantArb }).map(({ key, identifier, caveats, variant }) => {
  const m = mint({ key, identifier, location: 'index.example', caveats })
  const token = m.ok ? (TOKEN_VARIANTS[variant] as (t: string) => string)(m.token) : 'pypi-'
  const origin: Origin = { identifier, caveats: caveats.map((c) => (typeof c === 'string' ? c : { hex: hex(c) })), variant }
  return { key, token, origin }
})

/** Restrictions a restricter should refuse, or accept only after normalising. */
const nearMissRestrictionArb: fc.Arbitrary<Restriction> = fc.constantFrom<Restriction>(
  { type: 'expiration', expires_at: T0, not_before: T0 },
  { type: 'expiration', expires_at: T0, not_before: T0 + 1 },
  { type: 'project_names', names: [] },
  { type: 'project_names', names: ['not a name'] },
  { type: 'project_names', names: ['-leading-dash'] },
  { type: 'project_ids', ids: ['not-a-uuid'] },
  { type: 'project_ids', ids: [(POOL.projectIds[0] as string).toUpperCase()] },
  { type: 'user', user_id: 'User' },
  { type: 'legacy_project_names', names: ['My_Pkg'] },
)

const restrictionsArb = fc.array(fc.oneof({ weight: 4, arbitrary: restrictionArb }, { weight: 1, arbitrary: nearMissRestrictionArb }), { minLength: 1, maxLength: 3 })

const verifyCaseArb = fc.tuple(minted, contextArb, fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })).map(([m, context, wrongKey]): FuzzCase => {
  const key = wrongKey ? m.key.map((b, i) => (i === 0 ? b ^ 1 : b)) : m.key
  return { op: 'verify', token: m.token, key: hex(key), context, origin: wrongKey ? { ...m.origin, wrongKey, mintedWith: hex(m.key) } : m.origin }
})
const inspectCaseArb = minted.map((m): FuzzCase => ({ op: 'inspect', token: m.token, origin: m.origin }))
const restrictCaseArb = fc.tuple(minted, restrictionsArb).map(([m, restrictions]): FuzzCase => ({ op: 'restrict', token: m.token, key: hex(m.key), restrictions, origin: m.origin }))

const BY_OP = { verify: { weight: 6, arbitrary: verifyCaseArb }, inspect: { weight: 2, arbitrary: inspectCaseArb }, restrict: { weight: 2, arbitrary: restrictCaseArb } }

/** Fuzz cases of the given operations (all three by default): mostly verify, sometimes inspect or restrict. */
export function fuzzCaseArbFor(ops: readonly FuzzCase['op'][] = ['verify', 'inspect', 'restrict']): fc.Arbitrary<FuzzCase> {
  const chosen = (['verify', 'inspect', 'restrict'] as const).filter((op) => ops.includes(op)).map((op) => BY_OP[op])
  if (chosen.length === 0) throw new RangeError('fuzzing needs at least one of verify, inspect, restrict')
  return fc.oneof(...chosen)
}

/** A fuzz case of any operation. */
export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fuzzCaseArbFor()

/** The request a fuzz case sends to every adapter (the harness adds the id; restrict's key stays here). */
export function fuzzRequest(c: FuzzCase): Record<string, unknown> {
  switch (c.op) {
    case 'verify':
      return { op: 'verify', token: c.token, key: c.key, context: c.context }
    case 'inspect':
      return { op: 'inspect', token: c.token }
    case 'restrict':
      return { op: 'restrict', token: c.token, restrictions: c.restrictions }
  }
}
