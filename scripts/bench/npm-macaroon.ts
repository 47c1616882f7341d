/**
 * The reference against npm `macaroon` 3.0.4 (js-macaroon), the only JavaScript macaroon engine on
 * the npm registry: verify (import + HMAC chain + a checker per caveat) and mint (new macaroon,
 * caveats, V2 binary, base64url). Its exportBinary grows its buffer without bound
 * (npm-macaroon.md §2.4): with a location, 3 caveats make it allocate 3,355,443,200 bytes and 4
 * make it throw, which this benchmark shows rather than hides.
 */
import { importMacaroon, newMacaroon } from 'macaroon'
import { completeContext } from '../../src/context.js'
import { decodeCaveat } from '../../src/caveats/decode.js'
import { mint } from '../../src/mint.js'
import { verify } from '../../src/verify.js'
import { cpuMs, rates } from './measure.js'
import { CAVEATS, CONTEXT, IDENTIFIER, KEY, LOCATION, TOKEN } from './tokens.js'

const BODY = TOKEN.slice('pypi-'.length)
const ctx = completeContext(CONTEXT)
const jsonOnly = (condition: string) => {
  JSON.parse(condition)
  return null
}
const referenceChecks = (condition: string) => {
  const d = decodeCaveat({ kind: 'first-party', id: Buffer.from(condition) })
  return d.ok && d.module.check(d.restriction as never, ctx) === null ? null : 'caveat not satisfied'
}

export interface VerifyComparison {
  readonly rates: Record<string, number>
  /** Reference ÷ the cheaper npm configuration. */
  readonly ratio: number
}

export function verifyAgainstNpm(rounds: number): VerifyComparison {
  importMacaroon(BODY).verify(KEY, referenceChecks)
  const r = rates(
    {
      'reference verify': () => verify(TOKEN, KEY, CONTEXT),
      'npm macaroon import + verify, JSON.parse checker': () => importMacaroon(BODY).verify(KEY, jsonOnly),
      'npm macaroon import + verify, reference caveat checks': () => importMacaroon(BODY).verify(KEY, referenceChecks),
    },
    { rounds },
  )
  const ours = r['reference verify'] as number
  return { rates: r, ratio: ours / Math.max(r['npm macaroon import + verify, JSON.parse checker'] as number, r['npm macaroon import + verify, reference caveat checks'] as number) }
}

function npmMint(caveats: number): string {
  const m = newMacaroon({ identifier: IDENTIFIER, location: LOCATION, rootKey: KEY, version: 2 })
  for (let i = 0; i < caveats; i++) m.addFirstPartyCaveat(CAVEATS[i % 3] as string)
  return `pypi-${Buffer.from(m.exportBinary()).toString('base64url')}`
}

const ourMint = (caveats: number) => mint({ key: KEY, identifier: IDENTIFIER, location: LOCATION, caveats: Array.from({ length: caveats }, (_, i) => CAVEATS[i % 3] as string) })

export interface MintRow {
  readonly caveats: number
  readonly reference: number
  /** npm macaroon's rate, or what happened instead. */
  readonly npm: number | { readonly allocatedBytes: number; readonly msPerToken: number } | { readonly error: string }
}

/** Mint rates for 0, 1 and 2 caveats; at 3 the allocation and time of one mint; at 4 the error. */
export function mintAgainstNpm(rounds: number): MintRow[] {
  const rows: MintRow[] = []
  for (const n of [0, 1, 2]) {
    const ours = ourMint(n)
    if (!ours.ok || ours.token !== npmMint(n)) throw new Error(`npm macaroon and the reference mint different tokens with ${n} caveats`)
    const r = rates({ reference: () => ourMint(n), npm: () => npmMint(n) }, { rounds })
    rows.push({ caveats: n, reference: r.reference as number, npm: r.npm as number })
  }
  const three = rates({ reference: () => ourMint(3) }, { rounds }).reference as number
  const m = newMacaroon({ identifier: IDENTIFIER, location: LOCATION, rootKey: KEY, version: 2 })
  for (const c of CAVEATS) m.addFirstPartyCaveat(c)
  const start = cpuMs()
  const exported = m.exportBinary()
  const ms = cpuMs() - start
  rows.push({ caveats: 3, reference: three, npm: { allocatedBytes: exported.buffer.byteLength, msPerToken: ms } })
  let error = 'no error'
  try {
    npmMint(4)
  } catch (err) {
    error = `${(err as Error).name}: ${(err as Error).message}`
  }
  rows.push({ caveats: 4, reference: rates({ reference: () => ourMint(4) }, { rounds }).reference as number, npm: { error } })
  return rows
}
