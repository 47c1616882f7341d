/**
 * @module The laws of spec/laws.md as fast-check properties over a subject: the caveat formats a
 * registry knows, arbitraries for their restrictions and contexts, and an independent model of
 * when each holds. test/properties/ checks them for the built-in formats; the gate checks them
 * with a proposal's caveat mixed into the generated tokens (PROP-6).
 */
import fc from 'fast-check'
import type { CaveatRegistry } from '../caveats/registry.js'
import type { AnyRestriction } from '../caveats/types.js'
import { keyArb, identifierArb } from '../fuzz/arbitraries.js'
import type { Restriction, VerifyContext } from '../generated/types.js'
import { inspect } from '../inspect.js'
import { mint } from '../mint.js'
import { restrict } from '../restrict.js'
import { encodeBase64url } from '../token/base64url.js'
import { dumpToken, parseToken } from '../token/parse.js'
import { verify } from '../verify.js'
import { nearLimitRestrictionsArb } from './near-limits.js'

/** What the laws quantify over. */
export interface LawSubject {
  readonly registry: CaveatRegistry
  /** Restrictions a restricter accepts. */
  readonly restriction: fc.Arbitrary<AnyRestriction>
  readonly context: fc.Arbitrary<VerifyContext>
  /** Caveat texts or bytes that are rejected in every context (malformed or unknown). */
  readonly rejected: fc.Arbitrary<string | Uint8Array>
  /** The model: whether a restriction, as given to restrict, holds in a context (`holds(c, x)`). */
  holds(restriction: AnyRestriction, context: VerifyContext): boolean
}

export interface Law {
  /** The spec id, e.g. `LAW-1`. */
  readonly id: string
  /** The law as a sentence. */
  readonly title: string
  property(subject: LawSubject): fc.IProperty<any>
}

const LOCATION = 'index.example'

/** Throws (a counterexample) unless `actual` equals `expected`. */
function same(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: got ${JSON.stringify(actual)}, the law says ${JSON.stringify(expected)}`)
}

function minted(s: LawSubject, key: Uint8Array, identifier: string, caveats: readonly (string | Uint8Array | AnyRestriction)[] = []): string {
  const r = mint({ key, identifier, location: LOCATION, caveats: caveats as Restriction[], registry: s.registry })
  if (!r.ok) throw new Error(`mint refused ${JSON.stringify(caveats)}: ${r.message}`)
  return r.token
}

function restricted(s: LawSubject, token: string, restrictions: readonly AnyRestriction[]): string {
  const r = restrict(token, restrictions as Restriction[], { registry: s.registry })
  if (!r.ok) throw new Error(`restrict refused ${JSON.stringify(restrictions)}: ${r.message}`)
  return r.token
}

const verdict = (s: LawSubject, token: string, key: Uint8Array, context: VerifyContext) => {
  const v = verify(token, key, context, { registry: s.registry })
  return { valid: v.valid, reason: v.reason }
}

const some = (s: LawSubject, max: number) => fc.array(s.restriction, { maxLength: max })

export const LAWS: readonly Law[] = [
  {
    id: 'LAW-0',
    title: 'LAW-0: a token minted with restrictions is valid exactly when every restriction holds (none: valid in every context)',
    property: (s) =>
      fc.property(keyArb, identifierArb, some(s, 5), s.context, (key, id, restrictions, context) => {
        same(verdict(s, minted(s, key, id, restrictions), key, context).valid, restrictions.every((r) => s.holds(r, context)), 'valid')
      }),
  },
  {
    id: 'LAW-1',
    title: 'LAW-1: verify(restrict(t, c)) = verify(t) ∧ (c holds): attenuation only narrows',
    property: (s) =>
      fc.property(keyArb, identifierArb, some(s, 3), s.restriction, s.context, (key, id, before, extra, context) => {
        const t = restricted(s, minted(s, key, id), before)
        const original = verdict(s, t, key, context).valid
        const narrowed = verdict(s, restricted(s, t, [extra]), key, context)
        same(narrowed.valid, original && s.holds(extra, context), 'valid after restricting')
        if (original && !narrowed.valid) same(narrowed.reason, 'CAVEAT_NOT_SATISFIED', 'reason')
      }),
  },
  {
    id: 'LAW-2',
    title: 'LAW-2: a caveat that is rejected in every context makes the token invalid in every context',
    property: (s) =>
      fc.property(keyArb, identifierArb, fc.array(s.rejected, { minLength: 1, maxLength: 3 }), some(s, 3), s.context, (key, id, bad, good, context) => {
        same(verdict(s, minted(s, key, id, [...good, ...bad]), key, context).valid, false, 'valid')
      }),
  },
  {
    id: 'LAW-3',
    title: 'LAW-3: caveat order never changes the verdict (validity and reason)',
    property: (s) => {
      const caveats = fc.array(fc.oneof(s.restriction, s.rejected), { minLength: 1, maxLength: 6 })
      const withShuffle = caveats.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length })))
      return fc.property(keyArb, identifierArb, withShuffle, s.context, (key, id, [caveats, shuffled], context) => {
        same(verdict(s, minted(s, key, id, shuffled), key, context), verdict(s, minted(s, key, id, caveats), key, context), 'verdict of the shuffled token')
      })
    },
  },
  {
    id: 'LAW-4',
    title: 'LAW-4: round trip: the caveat restrict writes inspects as a restriction that restrict writes again byte for byte, and dump(parse(t)) = t',
    property: (s) =>
      fc.property(keyArb, identifierArb, some(s, 3), s.restriction, (key, id, before, r) => {
        const t = restricted(s, minted(s, key, id), before)
        const written = restricted(s, t, [r])
        const info = inspect(written, { registry: s.registry })
        if (!info.ok) throw new Error(`inspect refused the restricted token: ${info.message}`)
        const last = info.token.caveats.at(-1)
        same(last?.error ?? null, null, 'the written caveat decodes')
        same(last?.slug, s.registry.byType.get(r.type)?.slug, 'the slug of the written caveat')
        same(restricted(s, t, [last?.restriction as AnyRestriction]), written, 'the token restricted again with the decoded restriction')
        const parsed = parseToken(written)
        same(parsed.ok && dumpToken(parsed.token), written, 'dump(parse(t))')
      }),
  },
  {
    id: 'LAW-5',
    title: 'LAW-5: a token never verifies under another key',
    property: (s) =>
      fc.property(keyArb, keyArb, identifierArb, some(s, 3), s.context, (key, other, id, restrictions, context) => {
        fc.pre(Buffer.compare(Buffer.from(key), Buffer.from(other)) !== 0)
        same(verdict(s, restricted(s, minted(s, key, id), restrictions), other, context).reason, 'SIGNATURE_MISMATCH', 'reason under another key')
      }),
  },
  {
    id: 'LAW-6',
    title: 'LAW-6: changing any byte of a token outside its location makes it invalid or malformed, never valid',
    property: (s) =>
      fc.property(keyArb, some(s, 4), s.context, fc.nat(), fc.integer({ min: 1, max: 255 }), (key, restrictions, context, at, delta) => {
        const t = minted(s, key, 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', restrictions)
        const bytes = Buffer.from(t.slice(t.indexOf('-') + 1), 'base64url')
        const i = at % bytes.length
        bytes[i] = ((bytes[i] as number) + delta) & 0xff
        // Bytes 3 … 3 + 13 are the location (TOKEN-8: not signed), the only change that may stay valid.
        if (3 <= i && i < 3 + LOCATION.length) return
        same(verdict(s, `pypi-${encodeBase64url(bytes)}`, key, context).valid, false, `valid after changing byte ${i}`)
      }),
  },
  {
    id: 'LAW-7',
    title: "LAW-7: restrict's output verifies under the same implementation's limits; what it cannot write so it refuses with INVALID_ARGUMENT",
    property: (s) =>
      fc.property(keyArb, identifierArb, fc.oneof(some(s, 3), nearLimitRestrictionsArb), s.context, (key, id, extra, context) => {
        const t = minted(s, key, id)
        const r = restrict(t, extra as Restriction[], { registry: s.registry })
        if (!r.ok) return same(r.reason, 'INVALID_ARGUMENT', 'reason restrict refused with')
        const v = verdict(s, r.token, key, context)
        same(v.valid, extra.every((c) => s.holds(c, context)), `valid (reason ${v.reason})`)
        if (!v.valid) same(v.reason, 'CAVEAT_NOT_SATISFIED', 'reason')
      }),
  },
]


export interface LawResult {
  readonly id: string
  readonly title: string
  readonly ok: boolean
  readonly runs: number
  readonly seed: number
  /** The shrunk counterexample, when the law failed. */
  readonly counterexample: string | null
  /** Why it failed. */
  readonly message: string | null
}

/** Checks every law against `subject`; never throws for a failing law. */
export function checkLaws(subject: LawSubject, options: { readonly numRuns?: number; readonly seed?: number } = {}): LawResult[] {
  // One seed for every law, so that one number reproduces the whole run.
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x100000000)) | 0
  return LAWS.map((law) => {
    const details = fc.check(law.property(subject), { numRuns: options.numRuns ?? 100, seed })
    const error = details.errorInstance
    return {
      id: law.id,
      title: law.title,
      ok: !details.failed,
      runs: details.numRuns,
      seed: details.seed,
      counterexample: details.counterexample === null ? null : fc.stringify(details.counterexample),
      message: details.failed ? (error instanceof Error ? error.message : String(error ?? 'the property failed')) : null,
    }
  })
}
