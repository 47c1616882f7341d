/** @module restrict(token, restrictions): attenuation without the key (spec/restricting.md). */
import { encodeUtf8 } from './bytes.js'
import { decodeCaveat } from './caveats/decode.js'
import { DEFAULT_REGISTRY, registryOf, type CaveatRegistry } from './caveats/registry.js'
import { normalizeRestriction } from './caveats/restriction.js'
import type { ReasonCode, Restriction } from './generated/types.js'
import { dumpJson, type JsonValue } from './json/index.js'
import { extendSignature } from './macaroon/signature.js'
import type { Caveat } from './macaroon/types.js'
import { dumpToken, parseToken } from './token/parse.js'

export type TokenResult = { ok: true; token: string } | { ok: false; reason: ReasonCode; message: string }

export interface RestrictOptions {
  /** The caveat formats the restricter knows. Default: the built-in ones. */
  readonly registry?: CaveatRegistry
}

/** RESTRICT-1: the exact caveat bytes a restricter writes for a (normalised) restriction. */
export function encodeRestriction(r: Restriction, registry: CaveatRegistry = DEFAULT_REGISTRY): string {
  const module = registry.byType.get(r.type)
  if (module === undefined) throw new TypeError(`unknown restriction type ${String(r.type)}`)
  return dumpJson(module.encode(r as never) as JsonValue)
}

/**
 * Normalises every restriction and encodes it, or says which one was refused and why. LAW-7: a
 * caveat this implementation's own decoder would refuse (say, claims nested deeper than LIMIT-4's
 * limit) is refused here, never written.
 */
export function encodeRestrictions(restrictions: unknown, registry: CaveatRegistry = DEFAULT_REGISTRY): { ok: true; caveats: string[] } | { ok: false; message: string } {
  if (!Array.isArray(restrictions)) return { ok: false, message: 'restrictions must be an array' }
  const caveats: string[] = []
  for (const [i, input] of restrictions.entries()) {
    const n = normalizeRestriction(input, registry)
    if (!n.ok) return { ok: false, message: `restriction ${i}: ${n.message}` }
    const text = encodeRestriction(n.restriction, registry)
    const read = decodeCaveat({ kind: 'first-party', id: encodeUtf8(text) }, registry)
    if (!read.ok) return { ok: false, message: `restriction ${i}: its caveat would not verify here (LAW-7): ${read.message}` }
    caveats.push(text)
  }
  return { ok: true, caveats }
}

/**
 * Appends one caveat per restriction, in order, extending the signature chain (SIG-3): the new
 * token allows at most what the old one did (LAW-1). Never throws.
 */
export function restrict(token: unknown, restrictions: readonly Restriction[], options?: RestrictOptions): TokenResult {
  const registry = registryOf(options)
  if (registry === null) return { ok: false, reason: 'INVALID_ARGUMENT', message: 'options.registry must be a caveat registry (createRegistry)' }
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) return parsed
  const encoded = encodeRestrictions(restrictions, registry)
  if (!encoded.ok) return { ok: false, reason: 'INVALID_ARGUMENT', message: encoded.message }
  const { prefix, macaroon } = parsed.token
  let signature: Uint8Array = macaroon.signature
  const added: Caveat[] = encoded.caveats.map((text) => {
    const caveat: Caveat = { kind: 'first-party', id: encodeUtf8(text) }
    signature = extendSignature(signature, caveat)
    return caveat
  })
  const caveats = [...macaroon.caveats, ...added]
  const out = dumpToken({ prefix, macaroon: { ...macaroon, caveats, signature } })
  const beyond = beyondVerifierLimits(out, caveats)
  if (beyond !== null) return { ok: false, reason: 'INVALID_ARGUMENT', message: `the restricted token would have ${beyond}: every verifier must accept only ${VERIFIER_LIMITS.characters} characters, ${VERIFIER_LIMITS.caveats} caveats of ${VERIFIER_LIMITS.caveatBytes} bytes (RESTRICT-9)` }
  return { ok: true, token: out }
}

/** The sizes every verifier must accept (LIMIT-1, LIMIT-3): a restricter never writes beyond them (RESTRICT-9). */
export const VERIFIER_LIMITS = Object.freeze({ characters: 8192, caveats: 64, caveatBytes: 4096 })

/** What of a token goes beyond {@link VERIFIER_LIMITS}, in words, or null. The token is ASCII, so its length counts code points. */
function beyondVerifierLimits(token: string, caveats: readonly Caveat[]): string | null {
  if (token.length > VERIFIER_LIMITS.characters) return `${token.length} characters`
  if (caveats.length > VERIFIER_LIMITS.caveats) return `${caveats.length} caveats`
  const big = caveats.find((c) => c.id.length > VERIFIER_LIMITS.caveatBytes)
  return big === undefined ? null : `a caveat of ${big.id.length} bytes`
}
