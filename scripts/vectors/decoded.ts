/**
 * The decoded token and the signature chain every verify vector carries, so that a consumer needs
 * nothing but a JSON parser and an HMAC (spec/vector-format.md, "consume the vectors"). Decoded
 * with the reference's strict decoders (TOKEN-4 … TOKEN-6, MAC-1 … MAC-9) and chained with its
 * HMAC links (SIG-1 … SIG-4); the Python and Go examples check both independently.
 */
import { textOrHex, toHex } from '../../src/bytes.js'
import { indexOfLocation } from '../../src/detect/indexes.js'
import type { InspectedCaveat, InspectedToken, SignatureChain, TextOrHex } from '../../src/generated/types.js'
import { decodeMacaroon } from '../../src/macaroon/decode.js'
import { deriveKey, extendSignature, signIdentifier } from '../../src/macaroon/signature.js'
import type { Caveat, Macaroon } from '../../src/macaroon/types.js'
import { decodeBase64url } from '../../src/token/base64url.js'

/** TOKEN-2: the prefixes an inspector may accept. */
const INSPECTOR_PREFIX = /^[A-Za-z0-9_]{1,64}$/

/** The macaroon inside `prefix "-" body`, or null when the string is not such a token (no size limit). */
export function macaroonOf(token: string): { prefix: string; macaroon: Macaroon } | null {
  const dash = token.indexOf('-')
  if (dash < 0 || !INSPECTOR_PREFIX.test(token.slice(0, dash))) return null
  const body = decodeBase64url(token.slice(dash + 1))
  if (!body.ok) return null
  const decoded = decodeMacaroon(body.bytes)
  return decoded.ok ? { prefix: token.slice(0, dash), macaroon: decoded.macaroon } : null
}

/** The parts an inspector reports (ADAPT-9); a location naming a real index is given as hex, never spelled. */
export function decodedToken(token: string): InspectedToken | null {
  const parsed = macaroonOf(token)
  if (parsed === null) return null
  const { prefix, macaroon } = parsed
  return {
    prefix,
    location: location(macaroon.location),
    identifier: textOrHex(macaroon.identifier),
    caveats: macaroon.caveats.map(caveatOf),
    signature: toHex(macaroon.signature),
  }
}

/** The chain for `keyHex` over the token's identifier and caveats; null when the token does not decode or the key is empty. */
export function signatureChain(token: string, keyHex: string): SignatureChain | null {
  const parsed = macaroonOf(token)
  if (parsed === null || keyHex === '') return null
  const { identifier, caveats } = parsed.macaroon
  const derived = deriveKey(Buffer.from(keyHex, 'hex'))
  const signatures = [signIdentifier(derived, identifier)]
  for (const c of caveats) signatures.push(extendSignature(signatures[signatures.length - 1] as Buffer, c))
  return { derived_key: toHex(derived), signatures: signatures.map(toHex) as [string, ...string[]] }
}

function location(bytes: Uint8Array | null): TextOrHex | null {
  if (bytes === null) return null
  return indexOfLocation(bytes) === null ? textOrHex(bytes) : { hex: toHex(bytes) }
}

function caveatOf(c: Caveat): InspectedCaveat {
  if (c.kind === 'first-party') return textOrHex(c.id)
  return { third_party: true, id: textOrHex(c.id), location: location(c.location), vid: toHex(c.vid) }
}
