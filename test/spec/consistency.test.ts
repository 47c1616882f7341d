/**
 * The spec must not contradict its own vectors. Each check here catches one kind of
 * contradiction an outside reading found, so that it cannot come back unnoticed.
 */
import { describe, expect, it } from 'vitest'
import { parseToken, verify } from '../../src/index.js'
import type { VerifyVector } from '../../src/generated/types.js'
import { loadVectors } from '../../src/vectors/load.js'

/** Loaded inside each test, not while the file loads (static code to StrykerJS). */
const verifyVectors = () => loadVectors('vectors').vectors.map((v) => v.vector).filter((v): v is VerifyVector => v.op === 'verify')

/** Deepest nesting of arrays and objects in a JSON text, counting outside strings only. */
function depth(text: string): number {
  let max = 0
  let current = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '[' || c === '{') max = Math.max(max, ++current)
    else if (c === ']' || c === '}') current--
  }
  return max
}

/** The size of a token string in code points (LIMIT-5). */
const codePoints = (s: string) => [...s].length

/**
 * Which MUST of LIMIT-1 or LIMIT-3 a token goes beyond, measured where the algorithm measures it
 * (ALG-3: the string; ALG-7: the caveats, once the prefix, body and binary are well-formed), or null.
 */
function beyondSizeLimits(token: string): string | null {
  if (codePoints(token) > 8192) return `LIMIT-1: ${codePoints(token)} code points`
  const parsed = parseToken(token)
  if (!parsed.ok) return null
  const caveats = parsed.token.macaroon.caveats
  if (caveats.length > 64) return `LIMIT-1: ${caveats.length} caveats`
  for (const c of caveats) if (c.id.length > 4096) return `LIMIT-3: a caveat of ${c.id.length} bytes`
  return null
}

/** Which MUST of limits.md a token goes beyond, or null when it stays within all of them. */
function beyondLimits(token: string): string | null {
  const size = beyondSizeLimits(token)
  if (size !== null) return size
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) return null
  for (const c of parsed.token.macaroon.caveats) {
    if (depth(Buffer.from(c.id).toString('utf8')) > 8) return 'LIMIT-4: nesting deeper than 8'
  }
  return null
}

/** The reason codes a verify vector allows for a rejection. */
const allowedReasons = (v: VerifyVector): string[] => (v.expected.result === 'valid' ? [] : [v.expected.reason, ...(v.expected.acceptable_reasons ?? [])])

describe('the spec and its vectors agree', () => {
  it('a vector that expects valid stays within every MUST of limits.md; beyond them it expects acceptable (LIMIT-1, LIMIT-3, LIMIT-4)', () => {
    const contradictions = verifyVectors().filter((v) => v.expected.result === 'valid' && beyondLimits(v.input.token) !== null).map((v) => `${v.id}: ${beyondLimits(v.input.token)}`)
    expect(contradictions).toEqual([])
  })

  it('every vector beyond a size MUST allows TOKEN_TOO_LARGE, whatever its expected result, unless the call is refused first (LIMIT-8, ALG-2)', () => {
    const missing = verifyVectors()
      .filter((v) => v.input.key !== '' && beyondSizeLimits(v.input.token) !== null && !allowedReasons(v).includes('TOKEN_TOO_LARGE'))
      .map((v) => `${v.id}: ${beyondSizeLimits(v.input.token)}, allows ${allowedReasons(v).join(', ') || 'nothing (valid)'}`)
    expect(missing).toEqual([])
  })

  it('the size check counts code points and measures caveats only once the binary parses (LIMIT-5, ALG-7)', () => {
    expect(beyondSizeLimits(`pypi-${'\u{1F600}'.repeat(5000)}`)).toBeNull()
    expect(beyondSizeLimits(`pypi-${'\u{1F600}'.repeat(8188)}`)).toMatch(/^LIMIT-1: 8193 code points/)
    const garbled = verifyVectors().find((v) => v.id === 'algorithm::parse-before-caveat-count')
    expect(garbled && beyondSizeLimits(garbled.input.token)).toBeNull()
    const counted = verifyVectors().find((v) => v.id === 'algorithm::caveat-count-before-identifier')
    expect(counted && beyondSizeLimits(counted.input.token)).toMatch(/^LIMIT-1: 65 caveats/)
  })

  it('the check above can fail: a 6,046-byte caveat expected valid is a contradiction', () => {
    expect(beyondLimits(`pypi-${'A'.repeat(9000)}`)).toMatch(/^LIMIT-1/)
    const big = verifyVectors().find((v) => v.id === 'limits::4097-byte-caveat')
    expect(big && beyondLimits(big.input.token)).toMatch(/^LIMIT-3/)
  })

  it('a vector in which several caveats fail lists every failure in token order (VERIFY-5)', () => {
    const unlisted = verifyVectors().filter((v) => {
      const result = verify(v.input.token, Buffer.from(v.input.key, 'hex'), v.input.context)
      return result.failures.length > 1 && !('failures' in v.expected)
    })
    expect(unlisted.map((v) => v.id)).toEqual([])
  })

  it('a vector whose only caveat fails with one allowed reason lists that failure, index 0 (VERIFY-5, VEC-4)', () => {
    const caveatCodes = ['CAVEAT_MALFORMED', 'CAVEAT_UNKNOWN', 'CAVEAT_THIRD_PARTY', 'CAVEAT_NOT_SATISFIED']
    const unlisted = verifyVectors().filter((v) => {
      const e = v.expected
      if (e.result !== 'invalid' || e.acceptable_reasons !== undefined || !caveatCodes.includes(e.reason)) return false
      const parsed = parseToken(v.input.token)
      if (!parsed.ok || parsed.token.macaroon.caveats.length !== 1) return false
      return JSON.stringify(e.failures) !== JSON.stringify([{ index: 0, reason: e.reason }])
    })
    expect(unlisted.map((v) => v.id)).toEqual([])
  })

  it('no vector expects a token with a prefix other than pypi to verify (TOKEN-2)', () => {
    const accepted = verifyVectors().filter((v) => v.expected.result !== 'invalid' && !v.input.token.startsWith('pypi-'))
    expect(accepted.map((v) => v.id)).toEqual([])
  })
})
