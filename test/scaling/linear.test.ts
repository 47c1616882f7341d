/**
 * Verification cost is linear in the token, and nothing hides a quadratic path: each case times
 * an input and one 8 times larger in the same run and compares the two (never an absolute time).
 * Linear work gives a ratio near 8 (less with fixed costs); quadratic work gives about 64. The
 * limit, 24, leaves a factor of 3 for a loaded machine: times are this process's CPU time, the
 * best of several interleaved rounds. (An object costs a little more per key as it grows, about 1.5×
 * from 2,000 to 16,000 keys: V8's dictionaries; JSON.parse shows the same.)
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { completeContext } from '../../src/context.js'
import { parseStrictJson } from '../../src/json/parse.js'
import { decodeMacaroon } from '../../src/macaroon/decode.js'
import { decodeBase64url } from '../../src/token/base64url.js'
import { verify, verifyMacaroon } from '../../src/verify.js'
import { largestUnderLimit, macaroonBytes } from '../../scripts/bench/scaling.js'
import { CONTEXT, KEY, tokenWith } from '../../scripts/bench/tokens.js'

const LIMIT = 24
/** Wall-clock room for a loaded machine: the tests compare CPU time in one run, never elapsed time. */
const ROOM = { timeout: 180_000 }

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Best CPU time per call of `fn` (ms), over rounds of at least `minMs`. */
function perCall(fn: () => unknown, minMs: number): number {
  let n = 0
  const start = cpuMs()
  let elapsed = 0
  while (elapsed < minMs || n < 2) {
    fn()
    n++
    elapsed = cpuMs() - start
  }
  return elapsed / n
}

/** time(large) ÷ time(small), each the best of 5 interleaved rounds. */
function growth(small: () => unknown, large: () => unknown): number {
  small()
  large()
  let s = Infinity
  let l = Infinity
  for (let round = 0; round < 5; round++) {
    s = Math.min(s, perCall(small, 20))
    l = Math.min(l, perCall(large, 20))
  }
  return l / s
}

const ctx = completeContext(CONTEXT)
const below = (bytes: Uint8Array) => () => {
  const d = decodeMacaroon(bytes)
  if (!d.ok) throw new Error(d.message)
  return verifyMacaroon(d.macaroon, KEY, ctx)
}
const json = (text: string) => () => {
  if (!parseStrictJson(text).ok) throw new Error('not strict JSON')
}
const base64 = (text: string) => () => {
  if (!decodeBase64url(text).ok) throw new Error('not base64url')
}

describe('verification cost is linear in the number of caveats', ROOM, () => {
  it('verify: 100 vs 800 caveats', () => {
    const [a, b] = [tokenWith(100), tokenWith(800)]
    expect(verify(b, KEY, CONTEXT).valid).toBe(true)
    expect(growth(() => verify(a, KEY, CONTEXT), () => verify(b, KEY, CONTEXT))).toBeLessThan(LIMIT)
  })

  it('below the size limit: 1,250 vs 10,000 caveats (decodeMacaroon + verifyMacaroon)', () => {
    const [a, b] = [macaroonBytes(1250), macaroonBytes(10_000)]
    expect(below(b)().valid).toBe(true)
    expect(growth(below(a), below(b))).toBeLessThan(LIMIT)
  })
})

describe('no quadratic path in the readers', ROOM, () => {
  it('the strict JSON reader: a string of escapes, a long array, an object with many keys', () => {
    const escapes = (n: number) => `[1,["${'\\u00e9\\n'.repeat(n)}"]]`
    const array = (n: number) => `[${Array(n).fill('1700000000').join(',')}]`
    const object = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`
    for (const make of [escapes, array, object]) expect(growth(json(make(2000)), json(make(16_000))), make(2).slice(0, 20)).toBeLessThan(LIMIT)
  })

  it('the base64url decoder: 8,000 vs 64,000 characters', () => {
    const text = (n: number) => Buffer.alloc((n * 3) / 4, 0x5a).toString('base64url')
    expect(growth(base64(text(8000)), base64(text(64_000)))).toBeLessThan(LIMIT)
  })

  it('the varint reader: a macaroon of 1,250 vs 10,000 fields', () => {
    const [a, b] = [macaroonBytes(1250), macaroonBytes(10_000)]
    expect(growth(() => decodeMacaroon(a), () => decodeMacaroon(b))).toBeLessThan(LIMIT)
  })
})

describe('memory', ROOM, () => {
  it('verifying the largest token under the size limit 200 times leaves nothing behind', () => {
    const token = tokenWith(largestUnderLimit())
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    verify(token, KEY, CONTEXT)
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 200; i++) verify(token, KEY, CONTEXT)
    gc()
    // one kept copy of the token per verify would be 200 × 49 KB; allow a few pages of noise
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024)
  })
})
