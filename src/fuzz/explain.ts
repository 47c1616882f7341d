/**
 * @module Which known deviation explains a disagreement. Differential fuzzing reports only new
 * disagreements: when an adapter answers differently from the reference, each rule below looks at
 * how the input was made (the token's spelling, its caveats, the key, the restrictions) and names
 * the deviation class (a vector flag, spec/vector-format.md) the difference belongs to. The
 * adapter's xfail file must list that class — an entry with the flag, or for a rule about
 * unflagged entries an entry whose id matches — at the level of the difference (a verdict-level
 * entry covers a reason-only difference, not the other way round). A few classes are behaviours
 * the spec allows either way (`acceptable` vectors); they explain a difference without an entry.
 * A disagreement no rule explains is new, and is shrunk and written as a candidate vector.
 */
import { fromHex } from '../bytes.js'
import type { Restriction, XfailEntry } from '../generated/types.js'
import type { Answer } from '../harness/process/adapter-process.js'
import { wildcard } from '../harness/judging/wildcard.js'
import type { FuzzCase } from './cases.js'
import type { Normalized } from './compare.js'
import { verify } from '../verify.js'

/** Where two answers differ: only in the reason (both refuse) or in the verdict. */
export type Level = 'verdict' | 'reason'

/** What a rule sees of a case. */
export interface Features {
  readonly op: FuzzCase['op']
  readonly variant: string
  readonly wrongKey: boolean
  readonly identifier: string
  /** Caveat texts as minted, in order; null for bytes that are not UTF-8. */
  readonly caveats: readonly (string | null)[]
  readonly restrictions: readonly Restriction[]
  /** The reference's answer: its key (`valid`, `invalid:CODE`, `error:CODE`, `token:…`). */
  readonly reference: string
  /** The caveats that fail under the key the token was minted with (verify only), as the reference reports them. */
  readonly caveatFailures: readonly { readonly index: number; readonly reason: string }[]
}

export interface Rule {
  /** The deviation class: a vector flag, or a description for a rule about unflagged entries. */
  readonly flag: string
  /** For xfail entries without a flag: the ids (with `*`) of the entries that describe the deviation. */
  readonly entries?: string
  /** The spec allows both behaviours: explains without an xfail entry (decision in spec/decisions.md). */
  readonly acceptable?: true
  /** For a class that is a property of one caveat: whether a caveat text has it. */
  readonly caveat?: (text: string) => boolean
  /** Whether the rule applies to this case, this adapter's answer (its key, as the reference's) and its xfail entries. */
  readonly applies: (f: Features, other: string, entries: readonly XfailEntry[]) => boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const PEP503 = /^[a-z0-9]+(-[a-z0-9]+)*$/
const refusal = (key: string) => key.startsWith('invalid:') || key.startsWith('error:')
const refRejects = (f: Features) => refusal(f.reference)
const spelled = (...variants: string[]) => (f: Features) => variants.includes(f.variant) && refRejects(f)
/** The reference parsed the token (it accepted it, or refused its signature or a caveat). */
const parsed = (f: Features) => f.reference === 'valid' || f.reference === 'invalid:SIGNATURE_MISMATCH' || f.reference.startsWith('invalid:CAVEAT_')
/** The reference read the caveats (it accepted, refused a caveat, or answered with a token). */
const readCaveats = (f: Features) => f.reference === 'valid' || f.reference.startsWith('invalid:CAVEAT_') || f.reference.startsWith('token:')
const some = (f: Features, test: (text: string) => boolean) => f.caveats.some((t) => t !== null && test(t))
/** A class some caveat has, where the reference's answer came from the caveats. */
const caveatRule = (flag: string, test: (text: string) => boolean): Rule => ({ flag, caveat: test, applies: (f) => readCaveats(f) && some(f, test) })
/** A caveat the reference rejects as malformed where the spec also allows reading it (the other behaviour an `acceptable` vector allows). */
const readable = (flag: string, test: (text: string) => boolean): Rule => ({ flag, acceptable: true, applies: (f) => (f.reference === 'invalid:CAVEAT_MALFORMED' || f.reference.startsWith('token:')) && some(f, test) })

/** The caveat as JSON, read leniently (a rule only looks for a feature; it never decides validity). */
function lenient(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''))
  } catch {
    return undefined
  }
}

/** Every string a caveat lists as a name (tag 1, legacy project names) or an id (tags 2, 3, 4, legacy ids). */
function valuesOf(text: string): { names: string[]; ids: string[] } {
  const v = lenient(text)
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [])
  if (Array.isArray(v)) {
    if (v[0] === 1) return { names: strings(v[1]), ids: [] }
    if (v[0] === 2) return { names: [], ids: strings(v[1]) }
    if (v[0] === 3 || v[0] === 4) return { names: [], ids: typeof v[1] === 'string' ? [v[1]] : [] }
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const projects = (o.permissions as Record<string, unknown> | undefined)?.projects
    return { names: strings(projects), ids: strings(o.project_ids) }
  }
  return { names: [], ids: [] }
}

const ARITY: Record<number, number> = { 0: 3, 1: 2, 2: 2, 3: 2, 4: 3 }
const LEGACY_FORMS = [['version', 'permissions'], ['exp', 'nbf'], ['project_ids']]
const formsOf = (o: Record<string, unknown>) => LEGACY_FORMS.filter((keys) => keys.some((k) => k in o)).length

/** Keys an object caveat repeats, with whether each repetition has the same value text. */
function repeatedKeys(text: string): { key: string; sameValue: boolean }[] {
  const seen = new Map<string, string>()
  const out: { key: string; sameValue: boolean }[] = []
  for (const m of text.matchAll(/"([^"\\]*)"\s*:\s*("[^"]*"|[^,}\]]+)/g)) {
    const [, key, value] = m as unknown as [string, string, string]
    const before = seen.get(key)
    if (before !== undefined) out.push({ key, sameValue: before === value })
    seen.set(key, value)
  }
  return out
}

/** The rules, each citing the class (flag) it explains. */
export const RULES: readonly Rule[] = [
  // Token spellings a verifier must reject (TOKEN-2 … TOKEN-6, MAC-9) but pymacaroons-based code reads.
  { flag: 'Base64Padding', applies: spelled('padding') },
  { flag: 'Base64StandardAlphabet', applies: spelled('standard-alphabet') },
  { flag: 'Base64TrailingBits', applies: spelled('trailing-bits', 'truncated') },
  { flag: 'Base64Junk', applies: spelled('outer-whitespace', 'double-dash', 'truncated') },
  { flag: 'TokenWhitespace', applies: spelled('outer-whitespace') },
  { flag: 'PrefixCase', applies: spelled('upper-prefix', 'other-prefix', 'no-prefix', 'outer-whitespace', 'double-dash') },
  { flag: 'BinaryStrictness', applies: spelled('appended-byte', 'truncated') },
  // D23: a wrong key with failing caveats is reported as the caveat's failure.
  { flag: 'FailureOracle', applies: (f) => f.wrongKey && f.reference === 'invalid:SIGNATURE_MISMATCH' },
  // D4: identifiers are opaque; a verifier whose tokens all have UUID identifiers may refuse others.
  { flag: 'OpaqueIdentifier', acceptable: true, applies: (f, other) => f.op === 'verify' && parsed(f) && !UUID.test(f.identifier) && refusal(other) },
  // Caveat formats and spellings.
  caveatRule('OidcTag', (t) => /^\s*\[\s*4\s*[,\]]/.test(t)),
  caveatRule('LegacyProjectIds', (t) => /^\s*\{/.test(t) && /"project_ids"/.test(t)),
  caveatRule('LegacyUserSemantics', (t) => /"permissions"\s*:\s*"user"/.test(t)),
  caveatRule('LegacyDroppedRestriction', (t) => {
    const v = lenient(t)
    return v !== null && typeof v === 'object' && !Array.isArray(v) && formsOf(v as Record<string, unknown>) > 1
  }),
  readable('LegacyExtraKeys', (t) => {
    const v = lenient(t)
    return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => !LEGACY_FORMS.flat().includes(k))
  }),
  readable('LegacyVersionTyping', (t) => /"version"\s*:\s*(true|1\.0)/.test(t)),
  caveatRule('DuplicateKey', (t) => repeatedKeys(t).some((r) => !r.sameValue)),
  readable('DuplicateKeySameValue', (t) => repeatedKeys(t).some((r) => r.sameValue)),
  caveatRule('FloatNumber', (t) => /[[,:]\s*-?\d+(\.\d+([eE][-+]?\d+)?|[eE][-+]?\d+)\s*[,\]}]/.test(t)),
  readable('TagTyping', (t) => /^\s*\[\s*(true|false|-?\d+\.\d+|-?\d+[eE]\d+)\s*,/.test(t)),
  caveatRule('TrailingElements', (t) => {
    const v = lenient(t)
    return Array.isArray(v) && typeof v[0] === 'number' && ARITY[v[0]] !== undefined && v.length > (ARITY[v[0]] as number)
  }),
  { flag: 'NonUtf8Caveat', applies: (f) => readCaveats(f) && f.caveats.includes(null) },
  caveatRule('ByteOrderMark', (t) => t.startsWith('\ufeff')),
  caveatRule('NameNormalization', (t) => valuesOf(t).names.some((n) => !PEP503.test(n))),
  caveatRule('UuidCase', (t) => valuesOf(t).ids.some((id) => UUID.test(id.toLowerCase()) && !UUID.test(id))),
  caveatRule('NonUuidId', (t) => valuesOf(t).ids.some((id) => !UUID.test(id.toLowerCase())) || /^\s*\[\s*2\s*,\s*\[\s*[^"\s\]]/.test(t)),
  caveatRule('PercentFormatting', (t) => t.includes('%')),
  // D24: several failing caveats (pypitoken raises; Warehouse ranks none): those the reference
  // rejects, and those the adapter is known to misread (a caveat class its xfail file lists).
  { flag: 'MultipleFailures', applies: (f, _other, entries) => failingFor(f, entries) > 1 },
  { flag: 'ReasonPrecedence', applies: (f) => new Set(f.caveatFailures.map((x) => x.reason)).size > 1 },
  // Restricting: names and ids a restricter must normalise, and arguments it must refuse.
  {
    flag: 'RestrictNormalization',
    applies: (f) => f.op === 'restrict' && f.restrictions.some((r) => ('names' in r && r.names.some((n) => !PEP503.test(n))) || ('ids' in r && r.ids.some((id) => id !== id.toLowerCase())) || ('user_id' in r && r.user_id !== r.user_id.toLowerCase())),
  },
  { flag: 'restrict() writes arguments the spec refuses', entries: '*refuses-*', applies: (f) => f.op === 'restrict' && f.reference === 'error:INVALID_ARGUMENT' },
]

/** How many caveats fail for the adapter, as far as is known: the reference's failures and the caveats of classes it misreads. */
function failingFor(f: Features, entries: readonly XfailEntry[]): number {
  const misread = RULES.filter((r) => r.caveat !== undefined && entries.some((e) => e.flag === r.flag))
  const failing = new Set(f.caveatFailures.map((x) => x.index))
  f.caveats.forEach((t, i) => {
    if (t !== null && misread.some((r) => (r.caveat as (text: string) => boolean)(t))) failing.add(i)
  })
  return failing.size
}

/** The level at which an adapter's answer differs from the reference's. */
export function levelOf(reference: Normalized, other: Normalized): Level {
  return refusal(reference.key) && refusal(other.key) ? 'reason' : 'verdict'
}

/** Whether an adapter's known deviations include the rule's class at the level needed. */
function listed(rule: Rule, entries: readonly XfailEntry[], level: Level): boolean {
  if (rule.acceptable === true) return true
  const matches = rule.entries === undefined ? (e: XfailEntry) => e.flag === rule.flag : ((glob) => (e: XfailEntry) => e.flag === undefined && glob(e.id))(wildcard(rule.entries))
  return entries.some((e) => matches(e) && (level === 'reason' || e.level === 'verdict'))
}

/** The classes that explain an adapter's differing answer (empty: a new disagreement). */
export function explanations(f: Features, reference: Normalized, other: Normalized, entries: readonly XfailEntry[]): string[] {
  const level = levelOf(reference, other)
  return RULES.filter((r) => r.applies(f, other.key, entries) && listed(r, entries, level)).map((r) => r.flag)
}

/** The features of a case, given the reference adapter's answer to it. */
export function featuresOf(c: FuzzCase, reference: Normalized, answer: Answer): Features {
  return {
    op: c.op,
    variant: c.origin.variant,
    wrongKey: c.origin.wrongKey === true,
    identifier: c.origin.identifier,
    caveats: c.origin.caveats.map((x) => (typeof x === 'string' ? x : null)),
    restrictions: c.op === 'restrict' ? c.restrictions : [],
    reference: reference.key,
    caveatFailures: c.op === 'verify' ? caveatFailures(c, answer) : [],
  }
}

/** The caveat failures of a verify: from the reference's answer, or with a wrong key from the reference library under the right one. */
function caveatFailures(c: Extract<FuzzCase, { op: 'verify' }>, answer: Answer): { index: number; reason: string }[] {
  const listed = (failures: unknown) => (Array.isArray(failures) ? (failures as { index: number | null; reason: string }[]).filter((x): x is { index: number; reason: string } => x.index !== null) : [])
  if (c.origin.mintedWith === undefined) return answer.kind === 'response' ? listed(answer.response.failures) : []
  return listed(verify(c.token, fromHex(c.origin.mintedWith), c.context).failures)
}
