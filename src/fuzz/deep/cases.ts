/**
 * @module Inputs for the deep fuzzer: a token minted by the reference from caveats whose meaning
 * the independent model knows (src/laws/model.ts), respelled or mutated or left canonical, a
 * context (sometimes one that breaks CTX-1), a key (sometimes the wrong one) and restrictions to
 * narrow it with; or plain garbage. Each case carries the model's verdict for verify, derived
 * from how the case was made, never from the implementation's answers.
 */
import fc from 'fast-check'
import type { Restriction, VerifyContext } from '../../generated/types.js'
import { mint } from '../../mint.js'
import { encodeRestrictions } from '../../restrict.js'
import { contextArb, identifierArb, keyArb, nonUtf8Arb, POOL, rejectedCaveatTextArb, restrictionArb, T0 } from '../arbitraries.js'
import { asWritten, holds, holdsAsWritten } from '../../laws/model.js'
import { CAVEAT_VARIANTS, caveatVariantMeaning, TOKEN_VARIANTS } from '../variants.js'
import { locationSpan, mutationArb } from './mutations.js'

/** The model's verdict: `either` where the spec allows both behaviours. */
export type Expectation = 'valid' | 'invalid' | 'either'

/** One caveat as minted, with what the model says of it in a context. */
interface Item {
  /** What mint is given: a restriction object (normalised and encoded by mint) or raw caveat bytes. */
  readonly minted: Restriction | string | Uint8Array
  readonly expect: (context: VerifyContext) => Expectation
  readonly label: string
}

export interface DeepCase {
  readonly token: unknown
  readonly key: unknown
  readonly context: unknown
  /** What restrict is given after verify (usually restrictions, sometimes junk). */
  readonly restrictions: unknown
  /** The model's verdict for verify(token, key, context) before restricting. */
  readonly expected: Expectation
  /** Whether `restrictions` are all restrictions the model can read (so a narrowed token can be judged). */
  readonly restrictionsModelled: boolean
  /** Caveats the token carries when it parses as minted (canonical or location-only change); null otherwise. */
  readonly caveatCount: number | null
  /** How the case was made, for a report. */
  readonly how: string
}

const LOCATION = 'index.example'
const SPAN = locationSpan(Buffer.byteLength(LOCATION))

const both = (a: Expectation, b: Expectation): Expectation => (a === 'invalid' || b === 'invalid' ? 'invalid' : a === 'either' || b === 'either' ? 'either' : 'valid')
const fromHolds = (h: boolean): Expectation => (h ? 'valid' : 'invalid')

const encoded = (r: Restriction): string => {
  const e = encodeRestrictions([r])
  if (!e.ok) throw new Error(`restrictionArb yielded a restriction the restricter refuses: ${e.message}`)
  return e.caveats[0] as string
}

/** The restriction with its names and ids in upper case (what the upper-case spelling of tags 1-3 says). */
function upperCased(r: Restriction): Restriction {
  if ('names' in r) return { ...r, names: r.names.map((n) => n.toUpperCase()) }
  if ('ids' in r) return { ...r, ids: r.ids.map((id) => id.toUpperCase()) }
  if (r.type === 'user') return { ...r, user_id: r.user_id.toUpperCase() }
  return r
}

const itemArb: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: restrictionArb.map((r): Item => ({ minted: r, expect: (c) => fromHolds(holds(r, c)), label: JSON.stringify(r) })) },
  {
    weight: 2,
    arbitrary: fc.tuple(restrictionArb, fc.constantFrom(...Object.keys(CAVEAT_VARIANTS))).map(([r, variant]): Item => {
      const text = encoded(r)
      const meaning = caveatVariantMeaning(variant, text)
      const respelled = (CAVEAT_VARIANTS[variant] as { respell: (t: string) => string }).respell(text)
      const upper = upperCased(asWritten(r))
      const expect = (c: VerifyContext): Expectation => {
        if (meaning === 'rejected') return 'invalid'
        if (meaning === 'same') return fromHolds(holds(r, c))
        if (meaning === 'upper-cased-values') return fromHolds(holdsAsWritten(upper, c))
        return holds(r, c) ? 'either' : 'invalid'
      }
      return { minted: respelled, expect, label: `${JSON.stringify(respelled)} (${variant} of ${text}: ${meaning})` }
    }),
  },
  // LAW-2: malformed, unknown or non-UTF-8 caveats are rejected in every context.
  { weight: 1, arbitrary: rejectedCaveatTextArb.map((t): Item => ({ minted: t, expect: () => 'invalid', label: JSON.stringify(t) })) },
  { weight: 1, arbitrary: nonUtf8Arb.map((b): Item => ({ minted: b, expect: () => 'invalid', label: `bytes ${Buffer.from(b).toString('hex')}` })) },
)

/** Contexts that break CTX-1 (each rejected as CONTEXT_INVALID whatever the token). */
const badContextArb: fc.Arbitrary<{ context: unknown; why: string }> = fc.tuple(contextArb, fc.nat()).map(([c, i]) => {
  const project = c.project ?? { name: 'requests', normalized_name: 'requests', id: POOL.projectIds[0] as string }
  const bad: [unknown, string][] = [
    [{ ...c, now: c.now + 0.5 }, 'now is not whole'],
    [{ ...c, now: -1 }, 'now is negative'],
    [{ ...c, now: 2 ** 53 }, 'now is beyond 2^53 - 1'],
    [{ ...c, now: String(c.now) }, 'now is a string'],
    [{ ...c, project: { ...project, normalized_name: project.name.toUpperCase() } }, 'normalized_name is not lower case'],
    [{ ...c, project: { ...project, normalized_name: 'other' } }, 'normalized_name is not the PEP 503 form of name'],
    [{ ...c, project: { ...project, id: '0B7E4D4F-2F3E-4E53-9A0A-5F5F0C8F5A11' } }, 'the project id is not lower case'],
    [{ ...c, project: { name: project.name, normalized_name: project.normalized_name } }, 'the project has no id'],
    [{ ...c, user_id: '' }, 'user_id is empty'],
    [{ ...c, user_id: 5 }, 'user_id is a number'],
    [{ ...c, oidc_publisher: { id: '', project_ids: [] } }, 'the publisher id is empty'],
    [{ ...c, oidc_publisher: { id: POOL.publisherIds[0], project_ids: 'x' } }, 'the publisher project_ids is not a list'],
    [{ ...c, extra: 1 }, 'an unknown member'],
  ]
  const [context, why] = bad[i % bad.length] as [unknown, string]
  return { context, why }
})

/** Restrictions a restricter should refuse, or accept only after normalising (the model normalises as well). */
const nearMissRestrictionArb: fc.Arbitrary<Restriction> = fc.constantFrom<Restriction>(
  { type: 'expiration', expires_at: T0, not_before: T0 },
  { type: 'project_names', names: [] },
  { type: 'project_names', names: ['not a name'] },
  { type: 'project_ids', ids: ['not-a-uuid'] },
  { type: 'project_ids', ids: [(POOL.projectIds[0] as string).toUpperCase()] },
  { type: 'user', user_id: 'User' },
  { type: 'legacy_project_names', names: ['My_Pkg'] },
)

const restrictionsArb: fc.Arbitrary<{ restrictions: unknown; modelled: boolean }> = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: restrictionArb }, { weight: 1, arbitrary: nearMissRestrictionArb }), { maxLength: 3 }).map((restrictions) => ({ restrictions, modelled: true })) },
  // Junk: restrict must refuse it, unless it happens to be an empty list (nothing to add).
  { weight: 1, arbitrary: fc.anything().map((restrictions) => ({ restrictions, modelled: Array.isArray(restrictions) && restrictions.length === 0 })) },
)

type Spelling = { token: string; changed: boolean; confined: boolean; how: string }

/** The minted token as sent: canonical, a near-miss spelling (TOKEN_VARIANTS) or a mutation. */
function spellingArb(token: string): fc.Arbitrary<Spelling> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant({ token, changed: false, confined: true, how: 'canonical' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...Object.keys(TOKEN_VARIANTS)).map((v) => {
        const t = (TOKEN_VARIANTS[v] as (s: string) => string)(token)
        return { token: t, changed: t !== token, confined: t === token, how: `spelling ${v}` }
      }),
    },
    { weight: 4, arbitrary: mutationArb(token, SPAN).map((m) => ({ token: m.token, changed: m.token !== token, confined: m.confinedToLocation, how: m.what })) },
  )
}

const mintedCaseArb: fc.Arbitrary<DeepCase> = fc
  .record({ key: keyArb, identifier: identifierArb, items: fc.array(itemArb, { maxLength: 6 }) })
  .chain(({ key, identifier, items }) => {
    const m = mint({ key, identifier, location: LOCATION, caveats: items.map((i) => i.minted) })
    if (!m.ok) throw new Error(`mint refused a deep-fuzz token: ${m.message}`)
    return fc.record({
      spelling: spellingArb(m.token),
      context: fc.oneof({ weight: 12, arbitrary: contextArb.map((context) => ({ context, why: null as string | null })) }, { weight: 1, arbitrary: badContextArb }),
      wrongKey: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('flipped', 'longer', 'shorter') }),
      restrictions: restrictionsArb,
    }).map(({ spelling, context, wrongKey, restrictions }): DeepCase => {
      let expected: Expectation = context.why !== null ? 'invalid' : items.reduce<Expectation>((acc, i) => both(acc, i.expect(context.context as VerifyContext)), 'valid')
      // LAW-5: another key never verifies. LAW-6 / TOKEN-8: a change outside the location never leaves a token valid.
      const usedKey = wrongKey === null ? key : wrongKey === 'flipped' ? key.map((b, i) => (i === 0 ? b ^ 1 : b)) : wrongKey === 'longer' ? Uint8Array.from([...key, 0]) : key.subarray(0, key.length - 1)
      if (wrongKey !== null) expected = 'invalid'
      if (spelling.changed) expected = spelling.confined ? both(expected, 'either') : 'invalid'
      const how = [`mint(${JSON.stringify(identifier)}, [${items.map((i) => i.label).join(', ')}])`, spelling.how, wrongKey === null ? null : `key ${wrongKey}`, context.why === null ? null : `context: ${context.why}`]
      return {
        token: spelling.token,
        key: usedKey,
        context: context.context,
        restrictions: restrictions.restrictions,
        restrictionsModelled: restrictions.modelled,
        expected,
        caveatCount: spelling.confined ? items.length : null,
        how: how.filter((s) => s !== null).join('; '),
      }
    })
  })

/** Input no verifier may accept: arbitrary values and byte strings dressed as tokens. */
const garbageCaseArb: fc.Arbitrary<DeepCase> = fc
  .record({
    token: fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.anything(),
      fc.uint8Array({ maxLength: 200 }).map((b) => `pypi-${Buffer.from(b).toString('base64url')}`),
      fc.uint8Array({ maxLength: 200 }).map((b) => `pypi-${Buffer.from([2, ...b]).toString('base64url')}`),
    ),
    key: fc.oneof({ weight: 3, arbitrary: keyArb }, { weight: 1, arbitrary: fc.anything() }),
    context: fc.oneof({ weight: 3, arbitrary: contextArb }, { weight: 1, arbitrary: fc.anything() }),
    restrictions: restrictionsArb,
  })
  .map(({ token, key, context, restrictions }) => ({ token, key, context, restrictions: restrictions.restrictions, restrictionsModelled: restrictions.modelled, expected: 'invalid' as const, caveatCount: null, how: 'garbage' }))

export const deepCaseArb: fc.Arbitrary<DeepCase> = fc.oneof({ weight: 9, arbitrary: mintedCaseArb }, { weight: 1, arbitrary: garbageCaseArb })
