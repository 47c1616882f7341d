/** @module inspect(token): what a token is and allows, without the key. */
import { analyzeCaveats, type CaveatAnalysis } from './analysis.js'
import { textOrHex, toHex, type TextOrHex } from './bytes.js'
import { decodeCaveat, explainCaveat } from './caveats/decode.js'
import { registryOf, type CaveatRegistry } from './caveats/registry.js'
import type { ReasonCode, Restriction } from './generated/types.js'
import type { Caveat } from './macaroon/types.js'
import { parseToken } from './token/parse.js'

export interface CaveatInfo {
  readonly index: number
  readonly kind: 'first-party' | 'third-party'
  /** The caveat's bytes: text when UTF-8, else hex. For a third-party caveat, its id. */
  readonly raw: TextOrHex
  /** The caveat format's slug, when recognised. */
  readonly slug: string | null
  /** The decoded caveat, when well-formed. */
  readonly restriction: Restriction | null
  /** Why a verifier rejects this caveat whatever the context (malformed, unknown, third-party). */
  readonly error: { readonly reason: ReasonCode; readonly message: string } | null
  /** What the caveat allows, in plain English. */
  readonly explanation: string
  /** Third-party caveats only. */
  readonly location?: TextOrHex | null
  readonly vid?: string
}

/**
 * A token's parts and caveats, and what the caveats allow together (CaveatAnalysis: `never_valid`
 * and its `conflicts`, the window `not_before` … `expires_at`, and with `now` `expired`,
 * `not_yet_valid` and `valid_now`).
 */
export interface TokenInfo extends CaveatAnalysis {
  readonly prefix: string
  /** Null when the token has no location field (TOKEN-8: never checked). */
  readonly location: TextOrHex | null
  readonly identifier: TextOrHex
  /** 64 lowercase hex digits. */
  readonly signature: string
  readonly caveats: readonly CaveatInfo[]
}

export type InspectResult = { ok: true; token: TokenInfo } | { ok: false; reason: ReasonCode; message: string }

export interface InspectOptions {
  /** Unix seconds for relative times ("expires in 14 minutes"); omitted: no relative times. */
  readonly now?: number
  /** The caveat formats the inspector knows. Default: the built-in ones. */
  readonly registry?: CaveatRegistry
}

/** Parses a token of any prefix and explains every caveat. Never throws. */
export function inspect(token: unknown, options: InspectOptions = {}): InspectResult {
  const registry = registryOf(options)
  if (registry === null) return { ok: false, reason: 'INVALID_ARGUMENT', message: 'options.registry must be a caveat registry (createRegistry)' }
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) return parsed
  const { prefix, macaroon } = parsed.token
  const caveats = macaroon.caveats.map((c, index) => describeCaveat(c, index, options.now, registry))
  return {
    ok: true,
    token: {
      prefix,
      location: macaroon.location === null ? null : textOrHex(macaroon.location),
      identifier: textOrHex(macaroon.identifier),
      signature: toHex(macaroon.signature),
      caveats,
      ...analyzeCaveats(
        caveats.map((c) => c.restriction),
        options.now,
      ),
    },
  }
}

function describeCaveat(caveat: Caveat, index: number, now: number | undefined, registry: CaveatRegistry): CaveatInfo {
  const base = { index, kind: caveat.kind, raw: textOrHex(caveat.id) }
  const extra =
    caveat.kind === 'third-party' ? { location: caveat.location === null ? null : textOrHex(caveat.location), vid: toHex(caveat.vid) } : {}
  const decoded = decodeCaveat(caveat, registry)
  if (decoded.ok) {
    return { ...base, slug: decoded.slug, restriction: decoded.restriction, error: null, explanation: explainCaveat(decoded.module, decoded.restriction, now), ...extra }
  }
  const explanation =
    decoded.reason === 'CAVEAT_THIRD_PARTY'
      ? 'Third-party caveat: needs a discharge macaroon, which PyPI never issues; verifiers reject the token.'
      : decoded.reason === 'CAVEAT_UNKNOWN'
        ? `Unknown caveat (${decoded.message}): verifiers reject the token.`
        : `Malformed caveat (${decoded.message}): verifiers reject the token.`
  return { ...base, slug: decoded.slug, restriction: null, error: { reason: decoded.reason, message: decoded.message }, explanation, ...extra }
}
