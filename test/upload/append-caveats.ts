/**
 * Appending first-party caveats to a macaroon as a restricter does (extending the signature
 * chain), with no size limit: how the test index adds a token's stored caveats before verifying
 * it (as the production index does since its #20364), and how long-token.ts pads tokens.
 */
import { dumpToken, parseToken } from '../../src/index.js'
import { encodeUtf8 } from '../../src/bytes.js'
import { extendSignature } from '../../src/macaroon/signature.js'
import type { Caveat, Macaroon } from '../../src/macaroon/types.js'

/** `macaroon` with `texts` appended as first-party caveats, its signature extended over them. */
export function withCaveats(macaroon: Macaroon, texts: readonly string[]): Macaroon {
  let signature: Uint8Array = macaroon.signature
  const added: Caveat[] = texts.map((text) => {
    const caveat: Caveat = { kind: 'first-party', id: encodeUtf8(text) }
    signature = extendSignature(signature, caveat)
    return caveat
  })
  return { ...macaroon, caveats: [...macaroon.caveats, ...added], signature }
}

/** Appends first-party caveats to a token; throws when `token` does not parse. */
export function appendCaveats(token: string, texts: readonly string[]): string {
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) throw new Error(`not a token: ${parsed.message}`)
  return dumpToken({ prefix: parsed.token.prefix, macaroon: withCaveats(parsed.token.macaroon, texts) })
}
