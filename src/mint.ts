/** @module mint(options): create a token from a root key (spec/minting.md). */
import { encodeUtf8 } from './bytes.js'
import { registryOf, type CaveatRegistry } from './caveats/registry.js'
import type { Restriction } from './generated/types.js'
import { computeSignature } from './macaroon/signature.js'
import type { Caveat } from './macaroon/types.js'
import { encodeRestrictions, type TokenResult } from './restrict.js'
import { dumpToken, MAX_TOKEN_LENGTH, PYPI_PREFIX } from './token/parse.js'

export interface MintOptions {
  /** The root key, stored by the issuer (Warehouse: 32 random bytes). */
  readonly key: Uint8Array
  /** The identifier the issuer looks the key up by (Warehouse: the row's UUID). */
  readonly identifier: string | Uint8Array
  /** Not signed and never checked (TOKEN-8); written even when empty, as pymacaroons does. */
  readonly location?: string | Uint8Array
  readonly prefix?: string
  /**
   * Caveats in order: a string or bytes is embedded exactly as given (MINT-2: minting is
   * byte-level); a restriction object is normalised and written canonically (RESTRICT-1).
   */
  readonly caveats?: readonly (string | Uint8Array | Restriction)[]
  /** The caveat formats restriction objects are written with. Default: the built-in ones. */
  readonly registry?: CaveatRegistry
}

const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? encodeUtf8(v) : v)
const invalid = (message: string): TokenResult => ({ ok: false, reason: 'INVALID_ARGUMENT', message })

/** Mints a token; never throws (a refused argument gives INVALID_ARGUMENT or KEY_INVALID). */
export function mint(options: MintOptions): TokenResult {
  if (options === null || typeof options !== 'object') return invalid('mint options must be an object')
  const registry = registryOf(options)
  if (registry === null) return invalid('options.registry must be a caveat registry (createRegistry)')
  const { key, identifier, location = '', prefix = PYPI_PREFIX, caveats = [] } = options
  if (!(key instanceof Uint8Array) || key.length === 0) return { ok: false, reason: 'KEY_INVALID', message: 'the key must be a non-empty byte array' }
  if (!/^[A-Za-z0-9_]{1,64}$/.test(String(prefix))) return invalid(`prefix ${JSON.stringify(prefix)} must be 1-64 letters, digits or '_'`)
  for (const [name, v] of [['identifier', identifier], ['location', location]] as const) {
    if (!(typeof v === 'string' || v instanceof Uint8Array)) return invalid(`${name} must be a string or bytes`)
    if (typeof v === 'string' && !v.isWellFormed()) return invalid(`${name} contains a lone surrogate`)
  }
  if (!Array.isArray(caveats)) return invalid('caveats must be an array')

  const ids: Uint8Array[] = []
  for (const [i, c] of caveats.entries()) {
    if (typeof c === 'string') {
      if (!c.isWellFormed()) return invalid(`caveat ${i} contains a lone surrogate`)
      ids.push(encodeUtf8(c))
    } else if (c instanceof Uint8Array) {
      ids.push(c)
    } else {
      const encoded = encodeRestrictions([c], registry)
      if (!encoded.ok) return invalid(`caveat ${i}: ${encoded.message.replace(/^restriction 0: /, '')}`)
      ids.push(encodeUtf8(encoded.caveats[0] as string))
    }
  }
  const firstParty: Caveat[] = ids.map((id) => ({ kind: 'first-party', id }))
  const identifierBytes = bytesOf(identifier)
  const signature = computeSignature(key, identifierBytes, firstParty)
  const token = dumpToken({ prefix, macaroon: { location: bytesOf(location), identifier: identifierBytes, caveats: firstParty, signature } })
  if (token.length > MAX_TOKEN_LENGTH) return invalid(`the token would be ${token.length} characters, over the ${MAX_TOKEN_LENGTH} limit`)
  return { ok: true, token }
}
