/** @module The macaroon data model (spec/macaroon.md). */

/** A first-party caveat: a predicate the verifier evaluates (MAC-6). */
export interface FirstPartyCaveat {
  readonly kind: 'first-party'
  readonly id: Uint8Array
}

/** A third-party caveat: needs a discharge macaroon; never satisfied here (MAC-7, VERIFY-6). */
export interface ThirdPartyCaveat {
  readonly kind: 'third-party'
  readonly id: Uint8Array
  readonly location: Uint8Array | null
  readonly vid: Uint8Array
}

export type Caveat = FirstPartyCaveat | ThirdPartyCaveat

export interface Macaroon {
  /** Null when the location field is absent (pymacaroons always writes one, possibly empty). */
  readonly location: Uint8Array | null
  readonly identifier: Uint8Array
  readonly caveats: readonly Caveat[]
  /** The 32-byte HMAC-SHA256 chain value (SIG-1). */
  readonly signature: Uint8Array
}

/** Field types of the libmacaroons V2 binary format (MAC-2). */
export const FIELD = { EOS: 0, LOCATION: 1, IDENTIFIER: 2, VID: 4, SIGNATURE: 6 } as const

export const VERSION_2 = 0x02
export const SIGNATURE_LENGTH = 32

/** Thrown inside the codec only; decodeMacaroon turns it into a result. */
export class CodecError extends Error {
  override readonly name = 'CodecError'
}
