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
  const text = input.slice(dash + 1)
  const body = decodeBase64url(text)
  if (!body.ok) return fail('TOKEN_BAD_ENCODING', withHint(text, body.message))
  const decoded = decodeMacaroon(body.bytes)
  if (!decoded.ok) return fail('MACAROON_MALFORMED', withHint(text, decoded.message))
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

// What a failed parse most likely means, for the two mistakes people make copying tokens: the
// prefix pasted twice (`pypi-pypi-…`) and a token cut short. Only the message changes; the
// reason code stays the one the spec prescribes (TOKEN-3, MAC-3).

/** Decoder messages that mean the bytes ended before a field, a varint or the signature did. */
const RAN_OUT = /past end of buffer|truncated varint/
/** Base64 messages that a token cut at an arbitrary character produces (or one stray character). */
const CUT_ENCODING = /1 mod 4|trailing bits/

/** `message` with what it most likely means put first, for a token whose body is `body`. */
function withHint(body: string, message: string): string {
  if (body.toLowerCase().startsWith(`${PYPI_PREFIX}-`)) return `the prefix appears twice ("${PYPI_PREFIX}-${body.slice(0, PYPI_PREFIX.length + 1)}…"): remove one "${PYPI_PREFIX}-" (${message})`
  if (RAN_OUT.test(message)) return `the token looks truncated: it ends before its signature (${message}); copy it again whole`
  if (CUT_ENCODING.test(message)) return `the token looks truncated or has a stray character (${message}); copy it again whole`
  return message
}
