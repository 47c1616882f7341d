/**
 * Near-miss families as vectors: for every comparison rule (the comparison-rules table of
 * spec/verification.md, CTX-3; a proposal's own table, PROP-5), one vector per case of the rule's
 * comparison (src/vectors/near-miss.ts): a valid control and the near misses. Each caveat builder
 * declares its rules and spreads `nearMissFamily(rule)` into its vectors, so a new caveat gets the
 * family by declaring its rule; `npm run coverage:spec` and the gate fail when a rule lacks any
 * case that CTX-1 lets a context express.
 */
import { DEFAULT_REGISTRY, type CaveatRegistry, type VerifyContext } from '../../src/index.js'
import { EXACT, familyBase, familyId, requiredCases, type Comparison, type FamilyBase, type RuleRef } from '../../src/vectors/near-miss.js'
import { publisherContext, token, userContext, verifyVector } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyVector } from '../../src/generated/types.js'

export { familyId } from '../../src/vectors/near-miss.js'

export interface NearMissRule extends RuleRef {
  /** How the rule compares (default: `exact`, CTX-3). */
  readonly comparison?: Comparison
  /** The caveat text when `allowed` is the one allowed value. */
  caveat(allowed: string): string
  /** The request when the compared member holds `compared` and the rule's allowed value is `allowed`. */
  context(compared: string, allowed: string): VerifyContext
  readonly flags?: readonly Flag[]
  /** Extra spec ids every vector of the family cites. */
  readonly cites?: readonly string[]
}

/** The base contexts families start from: a user's request, then a Trusted Publishing one. */
export const BASE_CONTEXTS = (): VerifyContext[] => [userContext(), publisherContext()]

/** Where the family of a rule comparing `member` starts, in `registry` (which may add context members). */
export function baseOf(member: string, registry: CaveatRegistry = DEFAULT_REGISTRY): FamilyBase {
  const base = familyBase(member, BASE_CONTEXTS(), registry)
  if (base === null) throw new Error(`near-miss: ${member} is not a context member with a value to start from`)
  return base
}

/** The family of a rule: one vector per required case of its comparison, the control (`-exact`) first. */
export function nearMissFamily(rule: NearMissRule, registry: CaveatRegistry = DEFAULT_REGISTRY): VerifyVector[] {
  const comparison = rule.comparison ?? EXACT
  const spec = [...new Set([rule.spec, comparison.spec, ...(rule.cites ?? [])])]
  const flags: Flag[] = ['NearMiss', ...(rule.flags ?? [])]
  return requiredCases(comparison, rule.compared, baseOf(rule.compared, registry), registry).map((c) =>
    verifyVector({
      id: familyId(rule, c.name),
      description: c.describe(rule),
      spec,
      flags,
      token: token({ caveats: [rule.caveat(c.allowed)] }),
      context: rule.context(c.compared, c.allowed),
      expect: c.expect === 'valid' ? 'valid' : { invalid: c.expect },
    }),
  )
}
