/**
 * @module Mutants the gate derives itself (PROP-13): for every comparison rule a proposal declares,
 * and every context member whose schema names a `format`, the proposal's check loosened in each
 * generic way of src/mutants/comparisons.ts (prefix, substring, case, whitespace, NFKC, …) plus
 * suffixes, numeric bounds and always-holds. They run in process, beside the module: each wraps
 * the proposal's check, and the proposal's verify vectors are answered by the core's adapter
 * handler with the wrapped module registered. A mutant is killed by the vectors it flips.
 */
import { DEFAULT_REGISTRY, extendRegistry } from '../caveats/registry.js'
import type { CaveatModule } from '../caveats/types.js'
import { handle } from '../adapter/handle.js'
import type { Vector, VerifyContext } from '../generated/types.js'
import { KINDS } from '../mutants/comparisons.js'
import { listProperty } from './drawn.js'

type Match = (c: unknown, a: unknown) => boolean

export interface DerivedKind {
  readonly kind: string
  readonly says: string
  readonly match: Match
}

const compiled = (source: string): Match => new Function('c', 'a', `return ${source}`) as Match

/** The generic kinds: src/mutants/comparisons.ts's, and the suffixes, bounds and always-holds it lacks. */
export const DERIVED_KINDS: readonly DerivedKind[] = [
  ...KINDS.map((k) => ({ kind: k.kind, says: k.says, match: compiled(k.match('c', 'a')) })),
  { kind: 'suffix', says: 'the context value only has to end with the allowed value', match: compiled('c.endsWith(a)') },
  { kind: 'suffix-reversed', says: 'the allowed value only has to end with the context value', match: compiled('a.endsWith(c)') },
  { kind: 'bounds', says: 'numbers one apart are taken as equal (an off-by-one bound)', match: (c, a) => typeof c === 'number' && typeof a === 'number' && Math.abs(c - a) <= 1 },
  { kind: 'always-holds', says: 'the comparison always holds when the context value is present', match: () => true },
]

export interface DerivedMutant {
  /** `<rule>/<kind>`. */
  readonly name: string
  readonly rule: string
  readonly kind: string
  readonly says: string
  readonly caveat: CaveatModule
}

/** The check of `caveat`, loosened at `member`: it also holds when some allowed value matches by `kind`. */
function loosened(caveat: CaveatModule, member: string, list: string, kind: DerivedKind): CaveatModule {
  const safe = (c: unknown, a: unknown) => {
    try {
      return kind.match(c, a) === true
    } catch {
      return false
    }
  }
  return {
    ...caveat,
    check: (r, context) => {
      const verdict = caveat.check(r, context)
      if (verdict === null) return null
      const c = (context as unknown as Record<string, unknown>)[member]
      const allowed = (r as unknown as Record<string, unknown>)[list]
      return c != null && Array.isArray(allowed) && allowed.some((a) => safe(c, a)) ? null : verdict
    },
  }
}

export interface DerivedSite {
  readonly rule: string
  readonly member: string
  /** Whether the member holds numbers: only then are bounds mutated. */
  readonly numeric: boolean
}

/** The restricter writing what it is given, unchanged and never refused (PROP-18's opposite). */
const RESTRICT_AS_GIVEN = { rule: 'restrict', kind: 'writes-as-given', says: 'the restricter writes what it is given, never canonical and never refused' }

/** One mutant per site and kind, and the restricter's. */
export function derivedMutants(caveat: CaveatModule, sites: readonly DerivedSite[]): DerivedMutant[] {
  const list = listProperty(caveat) ?? 'values'
  const kinds = (site: DerivedSite) => DERIVED_KINDS.filter((k) => k.kind !== 'bounds' || site.numeric)
  const restricter: DerivedMutant = { name: `${RESTRICT_AS_GIVEN.rule}/${RESTRICT_AS_GIVEN.kind}`, ...RESTRICT_AS_GIVEN, caveat: { ...caveat, normalize: (r) => ({ ok: true, restriction: r }) } }
  return [...sites.flatMap((site) => kinds(site).map((k) => ({ name: `${site.rule}/${k.kind}`, rule: site.rule, kind: k.kind, says: k.says, caveat: loosened(caveat, site.member, list, k) }))), restricter]
}

/** The core handler's answer to a verify or restrict vector, as what a vector judges: the verdict, or the token or the refusal. */
function answer(v: Vector, registry: ReturnType<typeof extendRegistry>): string | null {
  if (v.op === 'verify') {
    const a = handle({ id: 1, op: 'verify', token: v.input.token, key: v.input.key, context: v.input.context as VerifyContext }, registry) as { valid?: boolean; reason?: string | null }
    return `${a.valid}:${a.reason}`
  }
  if (v.op === 'restrict') {
    const a = handle({ id: 1, op: 'restrict', token: v.input.token, restrictions: v.input.restrictions }, registry) as { token?: string; error?: { code?: string } }
    return a.token ?? `refused:${a.error?.code}`
  }
  return null
}

/** The verify and restrict vectors whose answer `mutated` changes from `original`'s (which passes them all). */
export function flippedVectors(original: CaveatModule, mutated: CaveatModule, vectors: readonly Vector[]): string[] {
  const before = extendRegistry(DEFAULT_REGISTRY, [original])
  const after = extendRegistry(DEFAULT_REGISTRY, [mutated])
  return vectors.flatMap((v) => {
    const a = answer(v, before)
    return a !== null && answer(v, after) !== a ? [v.id] : []
  })
}
