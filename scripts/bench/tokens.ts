/**
 * The benchmark's inputs: one root key, a request context, and tokens minted by the reference at
 * index.example with a UUID identifier (Warehouse refuses others). The 3-caveat token has the
 * caveats npm-macaroon.md measured with; the scaling tokens repeat them.
 */
import { mint } from '../../src/mint.js'
import type { Caveat, Macaroon } from '../../src/macaroon/types.js'

export const KEY = Uint8Array.from({ length: 32 }, (_, i) => i)
export const KEY_HEX = Buffer.from(KEY).toString('hex')
export const IDENTIFIER = 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9'
export const LOCATION = 'index.example'
export const PROJECT_ID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
export const USER_ID = '00000000-0000-0000-0000-000000000001'
export const NOW = 1700000000

/** [1,["requests"]], [0,1900000000,1600000000], [3,USER_ID]: a project, a window, a user. */
export const CAVEATS = ['[1,["requests"]]', '[0,1900000000,1600000000]', `[3,"${USER_ID}"]`] as const

export const CONTEXT = { now: NOW, project: { name: 'requests', normalized_name: 'requests', id: PROJECT_ID }, user_id: USER_ID, oidc_publisher: null }

/** A token with the first `n` of CAVEATS repeated in turn. */
export function tokenWith(n: number): string {
  const m = mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: Array.from({ length: n }, (_, i) => CAVEATS[i % 3] as string) })
  if (!m.ok) throw new Error(`cannot mint a ${n}-caveat token: ${m.message}`)
  return m.token
}

/** The 3-caveat token. */
export const TOKEN = tokenWith(3)

/** The caveats of a token with `n` of CAVEATS, as the macaroon carries them. */
export function caveatsOf(n: number): Caveat[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'first-party' as const, id: Buffer.from(CAVEATS[i % 3] as string) }))
}

export type { Macaroon }
