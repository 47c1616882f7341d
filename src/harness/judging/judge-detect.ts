/**
 * @module Judging a detect answer (ADAPT-14, spec/detection.md). The verdict level asks whether
 * the detector reported a token at all (a leak found, or a false alarm); the reason level also
 * wants exactly one finding that is the whole token (DETECT-1) and, when the detector names an
 * index, the right one (DETECT-2). A detector that names no index is not checked for it, and the
 * PASS says so.
 */
import type { DetectVector } from '../../generated/types.js'
import { brief, describeStringDifference } from './json-values.js'
import { both, fail, PASS, verdictRight, type Graded } from './judgement.js'

type Finding = { match: string; index?: string }

/** What a PASS says when the detector named no index. */
export const INDEX_NOT_REPORTED = 'index not reported: the detector names no index, so only the token was compared (DETECT-5)'

/** Judges a detect response already known to match DetectResponse. */
export function judgeDetect(vector: DetectVector, r: Record<string, unknown>): Graded {
  const findings = r.findings as Finding[]
  const e = vector.expected
  if (e.result === 'not_detected') {
    return both(findings.length === 0 ? PASS : fail(`expected no token, got ${findings.length} finding${findings.length === 1 ? '' : 's'}: ${brief(findings[0]?.match, 60)}`))
  }
  if (findings.length === 0) return both(fail(`expected the ${e.index} index's token, got no finding`))
  if (findings.length > 1) return verdictRight(fail(`expected one finding, got ${findings.length}: ${findings.map((f) => brief(f.match, 40)).join(', ')}`))
  const [found] = findings as [Finding]
  if (found.match !== e.token) {
    const cut = e.token.startsWith(found.match) ? `only its first ${found.match.length} of ${e.token.length} characters` : describeStringDifference(e.token, found.match)
    return verdictRight(fail(`the finding is not the whole token: ${cut}`))
  }
  if (found.index === undefined) return verdictRight({ outcome: 'PASS', message: INDEX_NOT_REPORTED })
  return verdictRight(found.index === e.index ? PASS : fail(`expected the ${e.index} index, got ${found.index}`))
}
