/**
 * The floor: what verifying the 3-caveat token cannot go below, the raw HMAC-SHA256 chain of
 * SIG-1 … SIG-3 as n + 2 one-shot HMACs on node:crypto (derive the key, sign the identifier, one per
 * caveat). verify ÷ floor says how close verification is to pure cryptography; the stages say
 * where the rest goes.
 */
import { createHmac } from 'node:crypto'
import { completeContext, checkContext } from '../../src/context.js'
import { decodeCaveat } from '../../src/caveats/decode.js'
import { computeSignature } from '../../src/macaroon/signature.js'
import { parseToken } from '../../src/token/parse.js'
import { verify } from '../../src/verify.js'
import { rates } from './measure.js'
import { CONTEXT, KEY, TOKEN } from './tokens.js'

const GENERATOR = Buffer.from('macaroons-key-generator')

/** n + 2 one-shot HMACs: the chain as node:crypto computes it. */
export function floorChain(key: Uint8Array, identifier: Uint8Array, caveats: readonly Uint8Array[]): Buffer {
  let sig = createHmac('sha256', createHmac('sha256', GENERATOR).update(key).digest()).update(identifier).digest()
  for (const c of caveats) sig = createHmac('sha256', sig).update(c).digest()
  return sig
}

export interface FloorResult {
  readonly rates: Record<string, number>
  /** verify ÷ floor in time per token (floor rate ÷ verify rate). */
  readonly ratio: number
  /** Each stage's share of verify's time, as measured on its own. */
  readonly shares: Record<string, number>
}

export function floorBenchmark(rounds: number): FloorResult {
  const parsed = parseToken(TOKEN)
  if (!parsed.ok) throw new Error('the benchmark token does not parse')
  const m = parsed.token.macaroon
  const ids = m.caveats.map((c) => c.id)
  if (!floorChain(KEY, m.identifier, ids).equals(Buffer.from(m.signature))) throw new Error('the floor chain does not reproduce the signature')
  if (!verify(TOKEN, KEY, CONTEXT).valid) throw new Error('the benchmark token does not verify')
  const ctx = completeContext(CONTEXT)
  const tasks = {
    'verify (reference)': () => verify(TOKEN, KEY, CONTEXT),
    'floor: n + 2 one-shot HMACs (node:crypto createHmac)': () => floorChain(KEY, m.identifier, ids),
    'stage: the reference chain (computeSignature)': () => computeSignature(KEY, m.identifier, m.caveats),
    'stage: parse (base64url + V2 decode)': () => parseToken(TOKEN),
    'stage: caveats (strict JSON, schema, check)': () => {
      for (const c of m.caveats) {
        const d = decodeCaveat(c)
        if (d.ok) d.module.check(d.restriction as never, ctx)
      }
    },
    'stage: context (defaults, schema, CTX-1)': () => checkContext(completeContext(CONTEXT)),
  }
  const r = rates(tasks, { rounds })
  const verifyTime = 1 / (r['verify (reference)'] as number)
  const shares = Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('stage: ')).map(([k, v]) => [k.slice('stage: '.length), 1 / v / verifyTime]))
  return { rates: r, ratio: (r['floor: n + 2 one-shot HMACs (node:crypto createHmac)'] as number) / (r['verify (reference)'] as number), shares }
}
