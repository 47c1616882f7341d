/**
 * @module Judging one adapter response against one vector, at the verdict and the reason level
 * (VEC-7): PASS, FAIL (with "expected X, got Y"), SKIP (the adapter says unsupported) or ERROR
 * (an adapter fault, or a response that does not follow the protocol; the same at both levels).
 * Pure: no I/O, no state. Xfail is applied afterwards by the caller.
 */
import { validateRef } from '../../caveats/schema-validator.js'
import type { InspectVector, MintVector, Vector } from '../../generated/types.js'
import { judgeDetect } from './judge-detect.js'
import { judgeRestrict } from './judge-restrict.js'
import { judgeVerify } from './judge-verify.js'
import { brief, describeStringDifference, firstDifference, valueAt } from './json-values.js'
import { both, error, fail, judgeRejection, PASS, unexpectedRejection, type Graded, type Judgement } from './judgement.js'

export type { Graded, Judgement } from './judgement.js'

type Json = Record<string, unknown>

/** The response definition an ok:true answer to each op must match. */
export const RESPONSE_DEFINITION = { verify: 'VerifyResponse', inspect: 'InspectResponse', mint: 'TokenResponse', restrict: 'TokenResponse', detect: 'DetectResponse' } as const
const RESPONSE_REF = Object.fromEntries(Object.entries(RESPONSE_DEFINITION).map(([op, d]) => [op, `adapter/response.schema.json#/definitions/${d}`])) as Record<Vector['op'], string>

/** Judges `response` (a parsed response line) as the answer to `vector`, at both levels. */
export function judge(vector: Vector, response: unknown): Graded {
  const shape = checkShape(vector.op, response)
  if (shape !== null) return both(shape)
  const r = response as Json
  switch (vector.op) {
    case 'verify':
      return judgeVerify(vector, r)
    case 'inspect':
      return judgeInspect(vector, r)
    case 'mint':
      return judgeMint(vector, r)
    case 'restrict':
      return judgeRestrict(vector, r)
    case 'detect':
      return judgeDetect(vector, r)
  }
}

/** SKIP or ERROR for ok:false and for a response that does not match its op's definition; null when it does. */
export function checkShape(op: Vector['op'], response: unknown): Judgement | null {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return error(`the response is not a JSON object: ${brief(response)}`)
  const r = response as Json
  if (r.ok === false) {
    const valid = validateRef('adapter/response.schema.json#/definitions/AdapterError', r)
    if (!valid.ok) return error(`the ok:false response does not match AdapterError: ${valid.message}`)
    const { code, message } = r.error as { code: string; message?: string }
    const detail = message === undefined ? '' : `: ${message}`
    if (code === 'unsupported') return { outcome: 'SKIP', message: `the adapter does not support this ${op}${detail}` }
    return error(`the adapter reported ${code}${detail}`)
  }
  const definition = RESPONSE_DEFINITION[op]
  const valid = validateRef(RESPONSE_REF[op], r)
  if (!valid.ok) return error(`the response does not match ${definition}: ${valid.message}`)
  return null
}

function judgeInspect(vector: InspectVector, r: Json): Graded {
  const e = vector.expected
  if (e.result === 'invalid') return judgeRejection(e, r)
  if (r.error !== undefined) return both(unexpectedRejection('a parsed token', r))
  const path = firstDifference(e.token, r.token)
  if (path === null) return both(PASS)
  const where = path === '' ? 'token' : `token${path}`
  return both(fail(`${where}: expected ${brief(valueAt(e.token, path), 60)}, got ${brief(valueAt(r.token, path), 60)}`))
}

function judgeMint(vector: MintVector, r: Json): Graded {
  const e = vector.expected
  if (e.result === 'invalid') return judgeRejection(e, r)
  if (r.error !== undefined) return both(unexpectedRejection('a token', r))
  const token = r.token as string
  return both(token === e.token ? PASS : fail(`token: ${describeStringDifference(e.token, token)}`))
}
