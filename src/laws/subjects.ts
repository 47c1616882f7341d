/** @module The subjects the laws are checked over: the built-in formats, and those formats with a proposal's caveat mixed in (PROP-6). */
import fc from 'fast-check'
import { DEFAULT_REGISTRY, type CaveatRegistry } from '../caveats/registry.js'
import type { AnyRestriction } from '../caveats/types.js'
import { contextArb, nonUtf8Arb, rejectedCaveatTextArb, restrictionArb } from '../fuzz/arbitraries.js'
import type { Restriction, VerifyContext } from '../generated/types.js'
import type { LawSubject } from './laws.js'
import { holds } from './model.js'

/** The built-in caveat formats, their arbitraries and the model in model.ts. */
export const BUILT_IN_SUBJECT: LawSubject = {
  registry: DEFAULT_REGISTRY,
  restriction: restrictionArb,
  context: contextArb,
  rejected: fc.oneof(rejectedCaveatTextArb, nonUtf8Arb),
  holds: (r, c) => holds(r as Restriction, c),
}

/** What a proposal brings to the laws (`proposals/<slug>/model.ts`). */
export interface ProposalModel<R extends AnyRestriction = AnyRestriction> {
  /** Restrictions of the proposed caveat that a restricter accepts, in the spellings a user might give. */
  readonly restriction: fc.Arbitrary<R>
  /** Values of the members the context extension adds; a member may be left out (absent means null). */
  readonly context: fc.Arbitrary<Record<string, unknown>>
  /** Caveat texts with the proposal's tag that are malformed in every context. */
  readonly rejected: fc.Arbitrary<string>
  /** When the restriction holds, written from the proposal's spec page and not from its module. */
  holds(restriction: R, context: VerifyContext & Record<string, unknown>): boolean
}

/**
 * `base` with a proposal's caveat mixed in: about half the generated restrictions are the
 * proposal's, every context carries (or lacks) its members, and `registry` knows its format.
 */
export function withProposal(base: LawSubject, registry: CaveatRegistry, type: string, model: ProposalModel): LawSubject {
  return {
    registry,
    restriction: fc.oneof(base.restriction, model.restriction),
    context: fc.tuple(base.context, model.context).map(([context, extension]) => ({ ...context, ...extension })),
    rejected: fc.oneof(base.rejected, model.rejected),
    holds: (r, c) => (r.type === type ? model.holds(r, c as VerifyContext & Record<string, unknown>) : base.holds(r, c)),
  }
}
