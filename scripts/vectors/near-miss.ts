/**
 * Near-miss families: for every equality or membership rule (the comparison-rules table of
 * spec/verification.md, CTX-3), vectors where the allowed value and the compared context value
 * differ by a prefix, a suffix, an inner substring, the empty string, letter case, surrounding
 * whitespace, one character, a compatibility spelling or a trailing U+0000, in both directions.
 * Each caveat builder declares its rules and spreads `nearMissFamily(rule)` into its vectors, so
 * a new caveat gets the family by declaring its rule; `npm run coverage:spec` fails when a rule
 * of the table lacks any variant that CTX-1 lets a context express.
 */
import { checkContext, type VerifyContext } from '../../src/index.js'
import { publisherContext, token, userContext, verifyVector } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyVector } from '../../src/generated/types.js'

/** The context members a comparison rule reads (the "compared with" column of the table). */
export type ComparedMember = 'project.normalized_name' | 'project.id' | 'user_id' | 'oidc_publisher.id'

export interface NearMissRule {
  /** The rule's spec id, e.g. `PNAME-3`; the family's vector ids are `<topic>::near-miss-<id lower-cased>-<variant>`. */
  readonly spec: string
  /** The vector file the family goes into: the caveat's slug. */
  readonly topic: string
  readonly compared: ComparedMember
  /** The caveat text when `allowed` is the one allowed value. */
  caveat(allowed: string): string
  /** The request when the compared member holds `compared` and the rule's allowed value is `allowed`. */
  context(compared: string, allowed: string): VerifyContext
  readonly flags?: readonly Flag[]
  /** Extra spec ids every vector of the family cites. */
  readonly cites?: readonly string[]
}

/** How the allowed value or the context value is derived from the matching value. */
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

/** The matching value of a member in the base contexts the families start from. */
export function baseValue(member: ComparedMember): string {
  const user = userContext()
  const publisher = publisherContext()
  switch (member) {
    case 'project.normalized_name':
      return user.project!.normalized_name
    case 'project.id':
      return user.project!.id
    case 'user_id':
      return user.user_id!
    case 'oidc_publisher.id':
      return publisher.oidc_publisher!.id
  }
}

/** A base context with `member` set to `value` (and the display name kept in step with a normalised name). */
function withMember(member: ComparedMember, value: string): VerifyContext {
  const user = userContext()
  const publisher = publisherContext()
  switch (member) {
    case 'project.normalized_name':
      return { ...user, project: { ...user.project!, name: value, normalized_name: value } }
    case 'project.id':
      return { ...user, project: { ...user.project!, id: value } }
    case 'user_id':
      return { ...user, user_id: value }
    case 'oidc_publisher.id':
      return { ...publisher, oidc_publisher: { ...publisher.oidc_publisher!, id: value } }
  }
}

/**
 * The variants a family must have for a rule comparing `member`: every allowed-side variant (a
 * caveat may hold any string), and a context-side variant only when CTX-1 lets a context hold it.
 */
export function requiredVariants(member: ComparedMember): Variant[] {
  const base = baseValue(member)
  return VARIANTS.filter((v) => v.side === 'allowed' || checkContext(withMember(member, v.change(base))).ok)
}

export const familyId = (rule: Pick<NearMissRule, 'topic' | 'spec'>, variant: string) => `${rule.topic}::near-miss-${rule.spec.toLowerCase()}-${variant}`

/** The family of a rule: one valid control vector (`-exact`) and one not-satisfied vector per required variant. */
export function nearMissFamily(rule: NearMissRule): VerifyVector[] {
  const base = baseValue(rule.compared)
  const spec = [rule.spec, 'CTX-3', ...(rule.cites ?? [])]
  const flags: Flag[] = ['NearMiss', ...(rule.flags ?? [])]
  const vector = (name: string, description: string, allowed: string, compared: string, expect: 'valid' | { invalid: 'CAVEAT_NOT_SATISFIED' }) =>
    verifyVector({ id: familyId(rule, name), description, spec, flags, token: token({ caveats: [rule.caveat(allowed)] }), context: rule.context(compared, allowed), expect })
  const vectors = [vector('exact', `Control for the ${rule.spec} family: the allowed value equals \`${rule.compared}\` (${JSON.stringify(base)}), so the caveat holds.`, base, base, 'valid')]
  for (const v of requiredVariants(rule.compared)) {
    const allowed = v.side === 'allowed' ? v.change(base) : base
    const compared = v.side === 'context' ? v.change(base) : base
    if (allowed === compared) throw new Error(`near-miss: variant ${v.name} does not change ${JSON.stringify(base)}`)
    const description = `${rule.spec} compares exactly (CTX-3): the allowed value is ${v.side === 'allowed' ? v.what : 'the matching value'} (${JSON.stringify(allowed)}) and \`${rule.compared}\` is ${v.side === 'context' ? v.what : 'the matching value'} (${JSON.stringify(compared)}), so the caveat does not hold.`
    vectors.push(vector(v.name, description, allowed, compared, { invalid: 'CAVEAT_NOT_SATISFIED' }))
  }
  return vectors
}
