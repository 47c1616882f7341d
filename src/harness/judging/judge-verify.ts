/**
 * @module Judging a verify answer (VEC-4, VEC-7). The verdict level compares `valid` only (an
 * `acceptable` vector passes either way); the reason level also wants the expected reason or an
 * acceptable one and, when the vector lists the failures a verifier must report (VERIFY-5) and
 * the response lists its own (ADAPT-11), the same `(index, reason)` sequence.
 */
import type { ReportedFailure, VerifyVector } from '../../generated/types.js'
import { allowedCodes, both, describeCodes, error, fail, PASS, verdictRight, type Graded } from './judgement.js'

type Json = Record<string, unknown>

/** What a PASS says when the failure list could not be compared. */
export const FAILURES_NOT_REPORTED = 'failures not reported: the adapter lists no failures, so only the reason was compared (VERIFY-5)'

/** Judges a verify response already known to match VerifyResponse. */
export function judgeVerify(vector: VerifyVector, r: Json): Graded {
  const valid = r.valid as boolean
  const reason = r.reason as string | null
  if (valid && reason !== null) return both(error(`the response says valid but gives reason ${reason}`))
  if (!valid && reason === null) return both(error('the response says invalid but gives no reason'))
  const e = vector.expected
  if (e.result === 'valid') return both(valid ? PASS : fail(`expected valid, got invalid (${reason})`))
  if (e.result === 'invalid' && valid) return both(fail(`expected invalid (${describeCodes(e)}), got valid`))
  if (valid) return both(PASS) // acceptable
  if (!allowedCodes(e).includes(reason as string)) {
    const expected = e.result === 'acceptable' ? `valid or invalid (${describeCodes(e)})` : `invalid (${describeCodes(e)})`
    return verdictRight(fail(`expected ${expected}, got invalid (${reason}): wrong reason`))
  }
  if (e.result !== 'invalid' || e.failures === undefined) return both(PASS)
  const reported = r.failures as ReportedFailure[] | undefined
  if (reported === undefined) return { ...verdictRight({ outcome: 'PASS', message: FAILURES_NOT_REPORTED }), failuresChecked: false }
  const want = describeFailures(e.failures)
  const got = describeFailures(reported)
  return { ...verdictRight(want === got ? PASS : fail(`failures: expected ${want}, got ${got}`)), failuresChecked: true }
}

/** `[0 CAVEAT_MALFORMED, 2 CAVEAT_NOT_SATISFIED]`, with `token` for a token-level failure. */
function describeFailures(failures: readonly ReportedFailure[]): string {
  return `[${failures.map((f) => `${f.index ?? 'token'} ${f.reason}`).join(', ')}]`
}
