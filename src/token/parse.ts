/** @module Token string → macaroon (spec/token-format.md). */
import { decodeBase64url, encodeBase64url } from './base64url.js'
import { decodeMacaroon } from '../macaroon/decode.js'
import { encodeMacaroon } from '../macaroon/encode.js'
import type { Macaroon } from '../macaroon/types.js'
import type { ReasonCode } from '../generated/types.js'

/** The prefix verifiers require (TOKEN-2). */
export const PYPI_PREFIX = 'pypi'

/** Longest token string the reference accepts (LIMIT-1, LIMIT-2). */
export const MAX_TOKEN_LENGTH = 65536

/** What a prefix may look like when any prefix is allowed (inspect, restrict). */
const PREFIX_SHAPE = /^[A-Za-z0-9_]{1,64}$/

export interface ParsedToken {
  readonly prefix: string
  readonly macaroon: Macaroon
}

export type ParseResult = { ok: true; token: ParsedToken } | { ok: false; reason: ReasonCode; message: string }

export interface ParseOptions {
  /** Accept any prefix of letters, digits and `_` instead of exactly `pypi` (for inspection). */
  readonly anyPrefix?: boolean
}

/**
 * Parses `prefix "-" base64url(V2 macaroon)`. Fails closed with a reason code; never throws,
 * whatever `input` is.
 */
export function parseToken(input: unknown, options: ParseOptions = {}): ParseResult {
  // ALG-3: the size is measured first, on the whole string, in code points (LIMIT-5).
  if (typeof input !== 'string') return fail('TOKEN_BAD_ENCODING', `a token is a string, not ${input === null ? 'null' : typeof input}`)
  if (input.length > MAX_TOKEN_LENGTH) {
    const size = codePoints(input)
    if (size > MAX_TOKEN_LENGTH) return fail('TOKEN_TOO_LARGE', `token is ${size} characters; the limit is ${MAX_TOKEN_LENGTH}`)
  }
  const dash = input.indexOf('-')
  if (dash < 0) return fail('TOKEN_BAD_PREFIX', "token has no '-' separating a prefix from the body")
  const prefix = input.slice(0, dash)
  if (options.anyPrefix === true ? !PREFIX_SHAPE.test(prefix) : prefix !== PYPI_PREFIX) {
    return fail('TOKEN_BAD_PREFIX', `token prefix ${JSON.stringify(prefix)} is not ${JSON.stringify(PYPI_PREFIX)}`)
  }
  const body = decodeBase64url(input.slice(dash + 1))
  if (!body.ok) return fail('TOKEN_BAD_ENCODING', body.message)
  const decoded = decodeMacaroon(body.bytes)
  if (!decoded.ok) return fail('MACAROON_MALFORMED', decoded.message)
  return { ok: true, token: { prefix, macaroon: decoded.macaroon } }
}

/** The canonical token string; `dumpToken(parseToken(s).token) === s` for every accepted `s` (LAW-4). */
export function dumpToken(token: ParsedToken): string {
  return `${token.prefix}-${encodeBase64url(encodeMacaroon(token.macaroon))}`
}

/** LIMIT-5: a token's size is its number of code points (a surrogate pair counts once). */
export function codePoints(s: string): number {
  let count = 0
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

function fail(reason: ReasonCode, message: string): ParseResult {
  return { ok: false, reason, message }
}
