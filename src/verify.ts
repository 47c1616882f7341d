/** @module verify(token, key, context): the verification algorithm (spec/verification.md). */
import { isUtf8 } from './bytes.js'
import { checkCaveat, decodeCaveat } from './caveats/decode.js'
import { DEFAULT_REGISTRY, registryOf, type CaveatRegistry } from './caveats/registry.js'
import { checkContext, completeContext, type ContextInput } from './context.js'
import type { ReasonCode, VerifyContext } from './generated/types.js'
import { computeSignature, signaturesEqual } from './macaroon/signature.js'
import type { Macaroon } from './macaroon/types.js'
import { parseToken } from './token/parse.js'

/** One reason a token was rejected. `index` is the caveat's position, null for token-level failures. */
export interface Failure {
  readonly index: number | null
  /** The caveat's slug, when its format is known. */
  readonly caveat: string | null
  readonly reason: ReasonCode
  readonly message: string
}

export interface VerifyResult {
  readonly valid: boolean
  /** Null when valid; otherwise the code of REASON-1 / REASON-2. */
  readonly reason: ReasonCode | null
  /** Null when valid; otherwise every failure's message, for humans. */
  readonly message: string | null
  /** Empty when valid; otherwise every failure, caveats in token order. */
  readonly failures: readonly Failure[]
}

export type { ContextInput } from './context.js'

export interface VerifyOptions {
  /** The caveat formats the verifier knows. Default: the built-in ones. */
  readonly registry?: CaveatRegistry
}

/** REASON-2: the precedence among caveat failures, highest first. */
const CAVEAT_PRECEDENCE: readonly ReasonCode[] = ['CAVEAT_MALFORMED', 'CAVEAT_UNKNOWN', 'CAVEAT_THIRD_PARTY', 'CAVEAT_NOT_SATISFIED']

const VALID: VerifyResult = Object.freeze({ valid: true, reason: null, message: null, failures: Object.freeze([]) })

function rejected(reason: ReasonCode, message: string): VerifyResult {
  return { valid: false, reason, message, failures: [{ index: null, caveat: null, reason, message }] }
}

/**
 * Verifies `token` with the root `key` in `context`. Never throws: every input, however
 * malformed, gives a result, and anything not positively verified is invalid (fail closed).
 */
export function verify(token: unknown, key: unknown, context?: ContextInput, options?: VerifyOptions): VerifyResult {
  const registry = registryOf(options)
  if (registry === null) return rejected('INVALID_ARGUMENT', 'options.registry must be a caveat registry (createRegistry)')
  // ALG-2 (D35): the call is checked before the token is read, the key first, then the context.
  if (!(key instanceof Uint8Array) || key.length === 0) return rejected('KEY_INVALID', 'the key must be a non-empty byte array')
  if (context !== undefined && (context === null || typeof context !== 'object')) return rejected('CONTEXT_INVALID', 'the context must be an object')
  const ctx = completeContext(context, registry)
  const ctxValid = checkContext(ctx, registry)
  if (!ctxValid.ok) return rejected('CONTEXT_INVALID', `context ${ctxValid.message}`)

  // VERIFY-1 step 2, ALG-3 … ALG-6: size, prefix, base64url, binary (TOKEN-*, MAC-*). The reference
  // has no caveat count or size limit (ALG-7 is optional).
  const parsed = parseToken(token)
  if (!parsed.ok) return rejected(parsed.reason, parsed.message)
  return verifyMacaroon(parsed.token.macaroon, key, ctx, registry)
}

/**
 * VERIFY-1 after parsing: the identifier, the signature, then every caveat, for a decoded
 * macaroon, a key and a context that verify has checked. The token's size limits (LIMIT-1) are
 * the parser's; the scaling benchmark calls this directly to go past them.
 */
export function verifyMacaroon(macaroon: Macaroon, key: Uint8Array, ctx: VerifyContext, registry: CaveatRegistry = DEFAULT_REGISTRY): VerifyResult {
  // ALG-8, MAC-11: the identifier names a database row; bytes that are not UTF-8 cannot.
  if (!isUtf8(macaroon.identifier)) return rejected('MACAROON_MALFORMED', 'identifier is not valid UTF-8')

  // ALG-9, VERIFY-4: the signature is checked before any caveat is interpreted,
  // so a forged token learns nothing about why its caveats would fail.
  const expected = computeSignature(key, macaroon.identifier, macaroon.caveats)
  if (!signaturesEqual(expected, macaroon.signature)) return rejected('SIGNATURE_MISMATCH', 'signature does not match: wrong key, or the token was altered')

  // ALG-10, VERIFY-5: every caveat is evaluated in token order; all must hold. ALG-11 picks the reason.
  let failures: Failure[] | null = null
  macaroon.caveats.forEach((caveat, index) => {
    const decoded = decodeCaveat(caveat, registry)
    let failure: Failure | null = null
    if (!decoded.ok) failure = { index, caveat: decoded.slug, reason: decoded.reason, message: decoded.message }
    else {
      const why = checkCaveat(decoded.module, decoded.restriction, ctx)
      if (why !== null) failure = { index, caveat: decoded.slug, reason: 'CAVEAT_NOT_SATISFIED', message: why }
    }
    if (failure !== null) (failures ??= []).push(failure)
  })
  if (failures === null) return VALID
  const all: Failure[] = failures
  const reason = CAVEAT_PRECEDENCE.find((code) => all.some((f) => f.reason === code)) as ReasonCode
  const message = all.map((f) => `caveat ${f.index}${f.caveat ? ` (${f.caveat})` : ''}: ${f.message}`).join('; ')
  return { valid: false, reason, message, failures: all }
}
