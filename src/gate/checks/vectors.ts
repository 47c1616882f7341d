/**
 * @module PROP-5: the proposal's vectors cover every kind of case and the whole near-miss family of
 * every comparison rule of its spec page, and the reference module passes every one of them.
 */
import type { CaveatRegistry } from '../../caveats/registry.js'
import type { VectorFile, VectorResult } from '../../generated/types.js'
import { comparisonRules } from '../../vectors/near-miss-coverage.js'
import { judged, listed, type CheckResult } from '../check.js'
import type { Kit } from '../kit.js'

/** How a result differs from what its vector expects, in one phrase. */
export function mismatch(r: VectorResult): string {
  const e = r.expected as { result?: string; reason?: string }
  const a = (r.actual ?? {}) as { valid?: boolean; reason?: string | null; error?: { code?: string } }
  const expected = e.reason ?? e.result ?? '?'
  const got = a.valid === true ? 'valid' : a.valid === false ? (a.reason ?? 'invalid') : a.error?.code !== undefined ? `an error (${a.error.code})` : r.verdict === 'ERROR' || r.verdict === 'HANG' ? r.verdict : (r.message ?? r.outcome)
  // The same code with other reported failures (VERIFY-5): the harness says how they differ.
  const detail = got === expected && r.message !== undefined ? ` (${r.message})` : ''
  return `${r.id}: expected ${expected}, got ${got}${detail}`
}

const failedOf = (results: readonly VectorResult[]) => results.filter((r) => r.outcome !== 'PASS')

export function checkVectors(kit: Kit, registry: CaveatRegistry, slug: string, spec: string, file: VectorFile, results: readonly VectorResult[]): CheckResult {
  const problems: string[] = []
  if (file.topic !== slug) problems.push(`the vector file's topic is ${JSON.stringify(file.topic)}, not the slug ${JSON.stringify(slug)}`)
  const vs = file.vectors
  const verdicts = vs.filter((v) => v.op === 'verify')
  const reason = (v: (typeof vs)[number]) => ('reason' in v.expected ? v.expected.reason : null)
  const kinds: [string, boolean][] = [
    ['a valid vector', verdicts.some((v) => v.expected.result === 'valid')],
    ['a CAVEAT_NOT_SATISFIED vector', verdicts.some((v) => reason(v) === 'CAVEAT_NOT_SATISFIED')],
    ['a CAVEAT_MALFORMED vector', verdicts.some((v) => reason(v) === 'CAVEAT_MALFORMED')],
    ['a restrict vector that writes the caveat', vs.some((v) => v.op === 'restrict' && v.expected.result === 'valid')],
    ['a restrict vector that is refused', vs.some((v) => v.op === 'restrict' && v.expected.result === 'invalid')],
  ]
  for (const [what, ok] of kinds) if (!ok) problems.push(`no ${what}`)
  const rules = comparisonRules(spec)
  problems.push(...kit.familyProblems(rules, vs, registry))
  const failed = failedOf(results)
  if (failed.length > 0) problems.push(`the reference module fails ${failed.length} of the proposal's vectors: ${listed(failed.map(mismatch))}`)
  const families = rules.map((r) => `${r.spec} (${r.comparison}, ${vs.filter((v) => v.id.startsWith(`${slug}::near-miss-${r.spec.toLowerCase()}-`)).length})`)
  return judged(
    'vectors',
    problems,
    `${vs.length} vectors (${kinds.length} kinds present), near-miss families ${families.join(', ') || 'none (no comparison rule)'}; the reference module passes them all`,
  )
}

/** PROP-8, first half: every existing vector keeps its result (both levels) with the proposal registered. */
export function checkExistingVectors(results: readonly VectorResult[], count: number): CheckResult {
  const changed = failedOf(results)
  const problems = changed.length === 0 ? [] : [`${changed.length} of ${count} existing vectors change their result with the proposal (SEMVER-1: MAJOR): ${listed(changed.map(mismatch))}`]
  return judged('existing-vectors', problems, `all ${count} existing vectors keep their results with the proposal registered`)
}

/** PROP-4: without the extension's members, every valid vector of the proposal is not satisfied. */
export function checkMissingContext(members: readonly string[], results: readonly VectorResult[]): CheckResult {
  if (members.length === 0) return judged('missing-context', [], 'the proposal reads no context member beyond the base context')
  const accepted = failedOf(results)
  const problems: string[] = []
  if (results.length === 0) problems.push('no valid vector of the proposal carries the caveat, so missing data cannot be checked')
  if (accepted.length > 0) problems.push(`a verifier without ${members.join(', ')} must reject (VERIFY-2), but ${accepted.length} of ${results.length} are not CAVEAT_NOT_SATISFIED: ${listed(accepted.map(mismatch))}`)
  return judged('missing-context', problems, `all ${results.length} valid vectors carrying the caveat are CAVEAT_NOT_SATISFIED without ${members.join(', ')}`)
}
