/**
 * @module Near-miss families (CTX-3, VEC-10): for every comparison rule, the cases a vector family
 * must hold — a control in which the caveat holds, and one case per way the allowed value and the
 * compared context value can nearly match. A rule names the context member it reads (by path, such
 * as `project.id` or a member a proposal's context extension adds) and its comparison: `exact`
 * (CTX-3) for the built-in rules, or one a proposal defines with its own cases. The builders in
 * scripts/vectors/ make the vectors; `npm run coverage:spec` and the gate check them with the same
 * cases, so a rule gets its family by being declared.
 */
import type { CaveatRegistry } from '../caveats/registry.js'
import { checkContext } from '../context.js'
import type { VerifyContext } from '../generated/types.js'

/** What a family vector expects. */
export type NearMissExpectation = 'valid' | 'CAVEAT_NOT_SATISFIED' | 'CAVEAT_MALFORMED'

/** A rule as far as its family is concerned: its spec id, vector topic and compared member. */
export interface RuleRef {
  readonly spec: string
  readonly topic: string
  /** The context member the rule reads, as a path: `user_id`, `project.normalized_name`, `release_version`. */
  readonly compared: string
}

/** One case of a family: the caveat's allowed value, the context's compared value, and the spec's verdict. */
export interface NearMissCase {
  /** Unique in the family; the control is `exact`. */
  readonly name: string
  readonly allowed: string
  readonly compared: string
  readonly expect: NearMissExpectation
  /** The vector's description. */
  describe(rule: RuleRef): string
}

/** How a rule compares: the comparison-rules table's "comparison" column. */
export interface Comparison {
  readonly name: string
  /** The spec id that defines it (CTX-3 for `exact`). */
  readonly spec: string
  /** Every case of a family whose context member holds `base` when the caveat holds. */
  cases(base: string): readonly NearMissCase[]
}

/** How a variant of the exact comparison derives the allowed or the context value from the matching value. */
export interface Variant {
  readonly name: string
  /** `allowed`: the caveat side is changed; `context`: the request side is. */
  readonly side: 'allowed' | 'context'
  readonly change: (value: string) => string
  readonly what: string
}

/** Changes the last character to the next one of its class (digit, letter), e.g. `…5a11` → `…5a12`. */
function oneCharacter(v: string): string {
  const last = v.charCodeAt(v.length - 1)
  const next = (start: number, n: number) => String.fromCharCode(start + ((last - start + 1) % n))
  const c = last >= 0x30 && last <= 0x39 ? next(0x30, 10) : last >= 0x61 && last <= 0x7a ? next(0x61, 26) : last >= 0x41 && last <= 0x5a ? next(0x41, 26) : 'x'
  return v.slice(0, -1) + c
}

/** ASCII letters and digits as their full-width forms (U+FF01 …), which NFKC maps back to ASCII. */
const fullWidth = (v: string) => v.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const swapCase = (v: string) => [...v].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')

export const VARIANTS: readonly Variant[] = [
  { name: 'prefix', side: 'allowed', change: (v) => v.slice(0, -1), what: 'a proper prefix of the matching value (the value without its last character)' },
  { name: 'suffix', side: 'allowed', change: (v) => v.slice(1), what: 'a proper suffix of the matching value (without its first character)' },
  { name: 'infix', side: 'allowed', change: (v) => v.slice(1, -1), what: 'an inner substring of the matching value (without its first and last characters)' },
  { name: 'empty', side: 'allowed', change: () => '', what: 'the empty string' },
  { name: 'case', side: 'allowed', change: swapCase, what: 'the matching value with its letter case swapped' },
  { name: 'whitespace', side: 'allowed', change: (v) => ` ${v} `, what: 'the matching value surrounded by spaces' },
  { name: 'one-character', side: 'allowed', change: oneCharacter, what: 'the matching value with its last character changed' },
  { name: 'full-width', side: 'allowed', change: fullWidth, what: 'the matching value in full-width letters and digits, which NFKC maps to the matching value' },
  { name: 'trailing-nul', side: 'allowed', change: (v) => `${v}\u0000`, what: 'the matching value followed by U+0000 (escaped `\\u0000` in the JSON), which a C string would cut off' },
  { name: 'extended', side: 'allowed', change: (v) => `${v}a`, what: 'the matching value with a character appended: the context value is a proper prefix of it' },
  { name: 'prepended', side: 'allowed', change: (v) => `a${v}`, what: 'the matching value with a character prepended: the context value is a proper suffix of it' },
  { name: 'enclosing', side: 'allowed', change: (v) => `a${v}a`, what: 'the matching value with a character on each side: the context value is an inner substring of it' },
  { name: 'context-case', side: 'context', change: swapCase, what: 'a context value whose letter case differs from the allowed value' },
  { name: 'context-whitespace', side: 'context', change: (v) => ` ${v} `, what: 'a context value surrounded by spaces' },
  { name: 'context-empty', side: 'context', change: () => '', what: 'an empty context value' },
]

/** CTX-3: equal when the same code points; every variant is a near miss that must not hold. */
export const EXACT: Comparison = {
  name: 'exact',
  spec: 'CTX-3',
  cases(base) {
    const control: NearMissCase = {
      name: 'exact',
      allowed: base,
      compared: base,
      expect: 'valid',
      describe: (rule) => `Control for the ${rule.spec} family: the allowed value equals \`${rule.compared}\` (${JSON.stringify(base)}), so the caveat holds.`,
    }
    return [
      control,
      ...VARIANTS.map((v): NearMissCase => {
        const allowed = v.side === 'allowed' ? v.change(base) : base
        const compared = v.side === 'context' ? v.change(base) : base
        if (allowed === compared) throw new Error(`near-miss: variant ${v.name} does not change ${JSON.stringify(base)}`)
        return {
          name: v.name,
          allowed,
          compared,
          expect: 'CAVEAT_NOT_SATISFIED',
          describe: (rule) =>
            `${rule.spec} compares exactly (CTX-3): the allowed value is ${v.side === 'allowed' ? v.what : 'the matching value'} (${JSON.stringify(allowed)}) and \`${rule.compared}\` is ${v.side === 'context' ? v.what : 'the matching value'} (${JSON.stringify(compared)}), so the caveat does not hold.`,
        }
      }),
    ]
  },
}

/** The value at a member path, or undefined. */
export function memberValue(context: VerifyContext, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), context)
}

/**
 * `context` with the member at `path` set to `value`. CTX-1 derives `project.normalized_name`
 * from `project.name`, so a name set as the normalised one is set as the display name too.
 */
export function withMember(context: VerifyContext, path: string, value: string): VerifyContext {
  const set = (obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
    const [key, ...rest] = keys as [string, ...string[]]
    if (rest.length === 0) return { ...obj, [key]: value }
    return { ...obj, [key]: set((obj[key] ?? {}) as Record<string, unknown>, rest) }
  }
  const out = set(context as unknown as Record<string, unknown>, path.split('.')) as unknown as VerifyContext
  return path === 'project.normalized_name' && out.project !== null ? { ...out, project: { ...out.project, name: value } } : out
}

/** Where a family starts: a context in which the member holds its matching value. */
export interface FamilyBase {
  readonly context: VerifyContext
  readonly value: string
}

/**
 * The base of a family for `member`: the first of `bases` in which it holds a string; for a member
 * a caveat of `registry` adds to the context (PROP-4), the first base with the member set to the
 * first of its schema's `examples`. Null when the member is neither.
 */
export function familyBase(member: string, bases: readonly VerifyContext[], registry: CaveatRegistry): FamilyBase | null {
  for (const context of bases) {
    const value = memberValue(context, member)
    if (typeof value === 'string') return { context, value }
  }
  const example = (registry.contextMembers[member]?.examples as unknown[] | undefined)?.[0]
  const first = bases[0]
  return typeof example === 'string' && first !== undefined ? { context: withMember(first, member, example), value: example } : null
}

/**
 * The cases a family must have: every case of the comparison whose context CTX-1 (with the
 * registry's context members) lets a request carry. A vector never carries another (VEC-2).
 */
export function requiredCases(comparison: Comparison, member: string, base: FamilyBase, registry: CaveatRegistry): NearMissCase[] {
  return comparison.cases(base.value).filter((c) => checkContext(withMember(base.context, member, c.compared), registry).ok)
}

export const familyId = (rule: Pick<RuleRef, 'topic' | 'spec'>, name: string) => `${rule.topic}::near-miss-${rule.spec.toLowerCase()}-${name}`
