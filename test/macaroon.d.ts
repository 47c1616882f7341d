/** Ambient types for the npm `macaroon` package (3.0.4), which ships none. Test-only oracle. */
declare module 'macaroon' {
  export interface MacaroonCaveat {
    identifier: Uint8Array
    location?: string
    vid?: Uint8Array
  }
  export interface Macaroon {
    readonly identifier: Uint8Array
    readonly location: string
    readonly signature: Uint8Array
    readonly caveats: MacaroonCaveat[]
    addFirstPartyCaveat(condition: string | Uint8Array): void
    /** Throws when the macaroon does not verify. `check` returns an error string when a condition is NOT satisfied. */
    verify(rootKey: Uint8Array, check: (condition: string) => string | null | undefined, discharges?: Macaroon[]): void
    /** libmacaroons V2 binary; broken in 3.0.4 from three caveats on (its buffer grows without bound). */
    exportBinary(): Uint8Array
  }
  export function importMacaroon(serialized: string | Uint8Array | object): Macaroon
  export function newMacaroon(options: { identifier: string | Uint8Array; location?: string; rootKey: string | Uint8Array; version?: number }): Macaroon
}
