/**
 * How verification scales with the number of caveats: 1, 10, 100 and 1,000 caveats through
 * verify; the most that fit under the token size limit (MAX_TOKEN_LENGTH characters, LIMIT-1);
 * and 10,000, which no token may carry, through the layers below the limit (decodeMacaroon and
 * verifyMacaroon). Time per caveat stays flat when the cost is linear; the heap a verify leaves
 * behind stays at zero.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { completeContext } from '../../src/context.js'
import { decodeMacaroon } from '../../src/macaroon/decode.js'
import { encodeMacaroon } from '../../src/macaroon/encode.js'
import { computeSignature } from '../../src/macaroon/signature.js'
import { MAX_TOKEN_LENGTH } from '../../src/token/parse.js'
import { verify, verifyMacaroon } from '../../src/verify.js'
import { rates } from './measure.js'
import { caveatsOf, CONTEXT, IDENTIFIER, KEY, tokenWith } from './tokens.js'

export interface ScalingRow {
  readonly caveats: number
  /** Characters of the token (for 10,000 caveats: what the token would have). */
  readonly chars: number
  readonly through: 'verify' | 'decodeMacaroon + verifyMacaroon'
  readonly perSecond: number
  readonly microsPerCaveat: number
}

/** The most caveats of the scaling kind a token under the size limit can carry. */
export function largestUnderLimit(): number {
  let lo = 1
  let hi = 4096
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (tokenChars(macaroonBytes(mid)) <= MAX_TOKEN_LENGTH) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Characters of the token that carries these bytes: `pypi-` and unpadded base64url. */
const tokenChars = (bytes: Uint8Array) => 'pypi-'.length + Math.ceil((bytes.length * 4) / 3)

/** The binary macaroon of an n-caveat token, without the token-length limit. */
export function macaroonBytes(n: number): Uint8Array {
  const caveats = caveatsOf(n)
  const identifier = Buffer.from(IDENTIFIER)
  return encodeMacaroon({ location: Buffer.from('index.example'), identifier, caveats, signature: computeSignature(KEY, identifier, caveats) })
}

export function scalingBenchmark(rounds: number): { rows: ScalingRow[]; retainedBytes: number } {
  const ctx = completeContext(CONTEXT)
  const limit = largestUnderLimit()
  const rows: ScalingRow[] = []
  for (const n of [1, 10, 100, 1000, limit]) {
    const token = tokenWith(n)
    if (!verify(token, KEY, CONTEXT).valid) throw new Error(`the ${n}-caveat token does not verify`)
    const r = rates({ verify: () => verify(token, KEY, CONTEXT) }, { rounds, ms: 150 }).verify as number
    rows.push({ caveats: n, chars: token.length, through: 'verify', perSecond: r, microsPerCaveat: 1e6 / r / n })
  }
  const bytes = macaroonBytes(10_000)
  const below = () => {
    const d = decodeMacaroon(bytes)
    if (!d.ok) throw new Error(d.message)
    return verifyMacaroon(d.macaroon, KEY, ctx)
  }
  if (!below().valid) throw new Error('the 10,000-caveat macaroon does not verify')
  const r = rates({ below }, { rounds, ms: 300 }).below as number
  rows.push({ caveats: 10_000, chars: tokenChars(bytes), through: 'decodeMacaroon + verifyMacaroon', perSecond: r, microsPerCaveat: 1e6 / r / 10_000 })
  return { rows, retainedBytes: retained(() => verify(tokenWith(limit), KEY, CONTEXT)) }
}

/** Heap still in use after 200 calls, once garbage is collected (0 when nothing accumulates). */
function retained(fn: () => unknown): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  fn()
  gc()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < 200; i++) fn()
  gc()
  return Math.max(0, process.memoryUsage().heapUsed - before)
}
