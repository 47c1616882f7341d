/**
 * @module Whether a set of vectors holds the whole near-miss family of every comparison rule
 * (VEC-10): read the rules from a spec page's comparison-rules table, compute each rule's cases,
 * and name every case that has no vector, or one that expects another verdict.
 */
import type { CaveatRegistry } from '../caveats/registry.js'
import type { Vector, VerifyContext } from '../generated/types.js'
import { EXACT, familyBase, familyId, requiredCases, type Comparison, type RuleRef } from './near-miss.js'

/** A row of a comparison-rules table. */
export interface ComparisonRule extends RuleRef {
  /** The comparison's name: `exact` (CTX-3) or one a proposal defines. */
  readonly comparison: string
}

/**
 * The comparison rules of a spec page: the table after `<!-- comparison-rules … -->`, whose
 * columns are rule, caveat (the vector topic), allowed value, compared with, comparison.
 */
export function comparisonRules(markdown: string): ComparisonRule[] {
  const start = markdown.indexOf('<!-- comparison-rules')
  if (start < 0) return []
  const out: ComparisonRule[] = []
  for (const row of markdown.slice(start).split('\n').slice(3)) {
    if (!row.startsWith('|')) break
    const [spec = '', topic = '', , compared = '', comparison = ''] = row.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''))
    out.push({ spec, topic, compared, comparison })
  }
  return out
}

export interface FamilyOptions {
  /** Comparisons by name, besides `exact`. */
  readonly comparisons?: Readonly<Record<string, Comparison>>
  /** The contexts a family starts from (scripts/vectors/near-miss-vectors.ts BASE_CONTEXTS). */
  readonly bases: readonly VerifyContext[]
  readonly registry: CaveatRegistry
}

const expectedOf = (v: Vector | undefined): string => {
  const e = v?.expected as { result: string; reason?: string } | undefined
  return e === undefined ? 'missing' : (e.reason ?? e.result)
}

/** Every case of every rule that `vectors` lack, as one line each; empty when every family is whole. */
export function familyProblems(rules: readonly ComparisonRule[], vectors: readonly Vector[], options: FamilyOptions): string[] {
  const problems: string[] = []
  const byId = new Map(vectors.map((v) => [v.id, v]))
  const comparisons: Record<string, Comparison> = { exact: EXACT, ...options.comparisons }
  for (const rule of rules) {
    const comparison = comparisons[rule.comparison]
    if (comparison === undefined) {
      problems.push(`comparison rule ${rule.spec} compares by ${JSON.stringify(rule.comparison)}, which is not a known comparison (${Object.keys(comparisons).join(', ')})`)
      continue
    }
    const base = familyBase(rule.compared, options.bases, options.registry)
    if (base === null) {
      problems.push(`comparison rule ${rule.spec} compares ${rule.compared}, which is no context member with a value to start a family from`)
      continue
    }
    const missing: string[] = []
    for (const c of requiredCases(comparison, rule.compared, base, options.registry)) {
      const id = familyId(rule, c.name)
      const v = byId.get(id)
      const got = expectedOf(v)
      if (v === undefined || got !== c.expect || !v.spec.includes(rule.spec) || !v.flags.includes('NearMiss')) {
        missing.push(`${id} (expected ${c.expect}, citing ${rule.spec}, flagged NearMiss; found ${got})`)
      }
    }
    if (missing.length > 0) problems.push(`comparison rule ${rule.spec} lacks ${missing.length} near-miss vector(s): ${missing.join('; ')}`)
  }
  return problems
}
