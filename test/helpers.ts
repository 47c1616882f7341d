/** Small helpers shared by the tests. */
import { inspect } from '../src/index.js'
import type { VerifyContext } from '../src/index.js'
import { decodeMacaroon } from '../src/macaroon/decode.js'
import { decodeBase64url } from '../src/token/base64url.js'

/** The binary macaroon inside a token string (test input known to be well-formed). */
export function bodyBytes(token: string): Uint8Array {
  const decoded = decodeBase64url(token.slice(token.indexOf('-') + 1))
  if (!decoded.ok) throw new Error(`fixture is not base64url: ${decoded.message}`)
  return decoded.bytes
}

export function macaroonOf(token: string) {
  const decoded = decodeMacaroon(bodyBytes(token))
  if (!decoded.ok) throw new Error(`fixture does not decode: ${decoded.message}`)
  return decoded.macaroon
}

/** The location string a fixture token carries (never written out in plain text here). */
export function locationOf(token: string): string {
  const r = inspect(token)
  if (!r.ok || typeof r.token.location !== 'string') throw new Error('fixture has no text location')
  return r.token.location
}

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
export const utf8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')

/** A context with nothing in it but the time. */
export function ctx(overrides: Partial<VerifyContext> = {}): VerifyContext {
  return { now: 1700000010, project: null, user_id: null, oidc_publisher: null, ...overrides }
}

export function project(normalized_name: string, id = '00000000-0000-0000-0000-000000000001', name = normalized_name) {
  return { name, normalized_name, id }
}
