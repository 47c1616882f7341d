/**
 * @module Judging one adapter response against one vector: PASS, FAIL (with "expected X, got Y"),
 * SKIP (the adapter says unsupported) or ERROR (an adapter fault, or a response that does not
 * follow the protocol). Pure: no I/O, no state. Xfail is applied afterwards by the caller.
 */
import { validateRef } from '../../caveats/schema-validator.js'
import type { InspectVector, MintVector, VerifyVector, Vector } from '../../generated/types.js'
import { judgeRestrict } from './judge-restrict.js'
import { brief, describeStringDifference, firstDifference, valueAt } from './json-values.js'
import { error, fail, judgeRejection, PASS, unexpectedRejection, type Judgement } from './judgement.js'

export type { Judgement, Verdict } from './judgement.js'

type Json = Record<string, unknown>

/** The response definition an ok:true answer to each op must match. */
export const RESPONSE_DEFINITION = { verify: 'VerifyResponse', inspect: 'InspectResponse', mint: 'TokenResponse', restrict: 'TokenResponse' } as const
const RESPONSE_REF = Object.fromEntries(Object.entries(RESPONSE_DEFINITION).map(([op, d]) => [op, `adapter/response.schema.json#/definitions/${d}`])) as Record<Vector['op'], string>

/** Judges `response` (a parsed response line) as the answer to `vector`. */
export function judge(vector: Vector, response: unknown): Judgement {
  const shape = checkShape(vector.op, response)
  if (shape !== null) return shape
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

function judgeVerify(vector: VerifyVector, r: Json): Judgement {
  const valid = r.valid as boolean
  const reason = r.reason as string | null
  if (valid && reason !== null) return error(`the response says valid but gives reason ${reason}`)
  if (!valid && reason === null) return error('the response says invalid but gives no reason')
  const e = vector.expected
  switch (e.result) {
    case 'valid':
      return valid ? PASS : fail(`expected valid, got invalid (${reason})`)
    case 'invalid':
      if (valid) return fail(`expected invalid (${e.reason}), got valid`)
      return reason === e.reason ? PASS : fail(`expected invalid (${e.reason}), got invalid (${reason}): wrong reason`)
    case 'acceptable':
      return valid || reason === e.reason ? PASS : fail(`expected valid or invalid (${e.reason}), got invalid (${reason}): wrong reason`)
  }
}

function judgeInspect(vector: InspectVector, r: Json): Judgement {
  const e = vector.expected
  if (e.result === 'invalid') return judgeRejection(e.reason, r)
  if (r.error !== undefined) return unexpectedRejection('a parsed token', r)
  const path = firstDifference(e.token, r.token)
  if (path === null) return PASS
  const where = path === '' ? 'token' : `token${path}`
  return fail(`${where}: expected ${brief(valueAt(e.token, path), 60)}, got ${brief(valueAt(r.token, path), 60)}`)
}

function judgeMint(vector: MintVector, r: Json): Judgement {
  const e = vector.expected
  if (e.result === 'invalid') return judgeRejection(e.reason, r)
  if (r.error !== undefined) return unexpectedRejection('a token', r)
  const token = r.token as string
  return token === e.token ? PASS : fail(`token: ${describeStringDifference(e.token, token)}`)
}
