/** @module The result of judging one response, and the helpers every op's judge shares. */
import { brief } from './json-values.js'

/** What a single vector's response amounts to, before xfail. */
export type Verdict = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR'

export interface Judgement {
  readonly outcome: Verdict
  /** Why the outcome is not PASS, in one line. */
  readonly message?: string
}

type Json = Record<string, unknown>

export const PASS: Judgement = { outcome: 'PASS' }
/** A FAIL with its one-line message. */
export const fail = (message: string): Judgement => ({ outcome: 'FAIL', message })
/** An ERROR with its one-line message. */
export const error = (message: string): Judgement => ({ outcome: 'ERROR', message })

/** How a response's verdict reads in a message: `valid`, `invalid (REASON)`, `error CODE`, `a token`. */
export function describeAnswer(r: Json): string {
  if (typeof r.valid === 'boolean') return r.valid ? 'valid' : `invalid (${String(r.reason)})`
  const e = r.error as { code?: unknown } | undefined
  if (e !== undefined) return `error ${String(e.code)}`
  if (typeof r.token === 'string') return 'a token'
  if (r.token !== undefined) return 'a parsed token'
  return brief(r)
}

/** For expectations of a rejection: PASS iff the response is `ok:true` with that error code. */
export function judgeRejection(expectedReason: string, r: Json): Judgement {
  const e = r.error as { code: string } | undefined
  if (e === undefined) return fail(`expected error ${expectedReason}, got ${describeAnswer(r)}`)
  return e.code === expectedReason ? PASS : fail(`expected error ${expectedReason}, got error ${e.code}`)
}

/** A FAIL for an `ok:true` rejection where a result was expected. */
export function unexpectedRejection(what: string, r: Json): Judgement {
  const e = r.error as { code: string; message?: string }
  return fail(`expected ${what}, got error ${e.code}${e.message === undefined ? '' : ` (${e.message})`}`)
}
