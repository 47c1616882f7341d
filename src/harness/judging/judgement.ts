/**
 * @module The result of judging one response at the two conformance levels (VEC-7), and the
 * helpers every op's judge shares.
 *
 * - The verdict level is the security contract: the same valid/invalid, a rejection where one is
 *   expected (any code), the same parts, token or caveats where a result is expected.
 * - The reason level is strict: the verdict, and also the reason or rejection code (the expected
 *   one or one of `acceptable_reasons`) and, when both sides list them, the reported failures.
 * A response that passes the reason level passes the verdict level.
 */
import type { ReasonCode } from '../../generated/types.js'
import { brief } from './json-values.js'

/** What a single vector's response amounts to at one level, before xfail. */
export type JudgedOutcome = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR'

export interface Judgement {
  readonly outcome: JudgedOutcome
  /** Why the outcome is not PASS (or what a PASS did not check), in one line. */
  readonly message?: string
}

/** One response judged at both levels. */
export interface Graded {
  readonly verdict: Judgement
  readonly reason: Judgement
  /** Only for a verify vector that expects a failure list: whether the response's list was compared. */
  readonly failuresChecked?: boolean
}

type Json = Record<string, unknown>

export const PASS: Judgement = { outcome: 'PASS' }
/** A FAIL with its one-line message. */
export const fail = (message: string): Judgement => ({ outcome: 'FAIL', message })
/** An ERROR with its one-line message. */
export const error = (message: string): Judgement => ({ outcome: 'ERROR', message })
/** The same judgement at both levels. */
export const both = (j: Judgement): Graded => ({ verdict: j, reason: j })
/** Right at the verdict level, and `reason` at the reason level. */
export const verdictRight = (reason: Judgement): Graded => ({ verdict: PASS, reason })

/** The codes a rejection may carry: the expected one and the acceptable others. */
export interface ExpectedRejection {
  readonly reason: ReasonCode
  readonly acceptable_reasons?: readonly ReasonCode[]
}

/** The allowed codes of an expected rejection. */
export const allowedCodes = (e: ExpectedRejection): readonly string[] => [e.reason, ...(e.acceptable_reasons ?? [])]

/** `CAVEAT_MALFORMED`, or `CAVEAT_MALFORMED or CAVEAT_UNKNOWN` when others are acceptable. */
export const describeCodes = (e: ExpectedRejection): string => allowedCodes(e).join(' or ')

/** How a response's verdict reads in a message: `valid`, `invalid (REASON)`, `error CODE`, `a token`. */
export function describeAnswer(r: Json): string {
  if (typeof r.valid === 'boolean') return r.valid ? 'valid' : `invalid (${String(r.reason)})`
  const e = r.error as { code?: unknown } | undefined
  if (e !== undefined) return `error ${String(e.code)}`
  if (typeof r.token === 'string') return 'a token'
  if (r.token !== undefined) return 'a parsed token'
  return brief(r)
}

/**
 * For expectations of a rejection: at the verdict level any `ok:true` rejection passes; at the
 * reason level its code must be the expected one or an acceptable one.
 */
export function judgeRejection(e: ExpectedRejection, r: Json): Graded {
  const got = r.error as { code: string } | undefined
  if (got === undefined) return both(fail(`expected error ${describeCodes(e)}, got ${describeAnswer(r)}`))
  return verdictRight(allowedCodes(e).includes(got.code) ? PASS : fail(`expected error ${describeCodes(e)}, got error ${got.code}`))
}

/** A FAIL for an `ok:true` rejection where a result was expected. */
export function unexpectedRejection(what: string, r: Json): Judgement {
  const e = r.error as { code: string; message?: string }
  return fail(`expected ${what}, got error ${e.code}${e.message === undefined ? '' : ` (${e.message})`}`)
}
