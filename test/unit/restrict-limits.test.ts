/** LAW-7 at its edges: restrict writes only what the reference's verifier reads, and refuses the rest. */
import { describe, expect, it } from 'vitest'
import { mint, restrict, verify, type Restriction } from '../../src/index.js'
import { nestedClaims } from '../../src/laws/near-limits.js'

const KEY = new Uint8Array(32).fill(7)
// Fixture tokens are literals, checked against mint() by a test below: a token minted while the file
// loads would run src/ outside any test, which StrykerJS counts as static (docs/mutation.md).
/** Minted with KEY at index.example, without caveats. */
const BASE = 'pypi-AgENaW5kZXguZXhhbXBsZQIkZDRkOGE3MDYtNTFhMS00ODQ0LWE0OWYtMTJkNGJjM2RiNmY5AAAGIHWdJD2_x0dvAPLerfuRYiNCEi8-5yp8WxeqHdLSW9UE'

it('the fixture token is what mint writes', () => {
  expect(mint({ key: KEY, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', location: 'index.example' })).toMatchObject({ ok: true, token: BASE })
})
const PUBLISHER = '89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c'
const PROJECT_ID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
const publisherRequest = { now: 1, project: { name: 'x', normalized_name: 'x', id: PROJECT_ID }, user_id: null, oidc_publisher: { id: PUBLISHER, project_ids: [PROJECT_ID] } }

/** restrict's answer, and the verdict of what it wrote. */
function outcome(restrictions: Restriction[], context: object = publisherRequest) {
  const r = restrict(BASE, restrictions)
  if (!r.ok) return { refused: r.reason }
  const v = verify(r.token, KEY, context as never)
  return { length: r.token.length, valid: v.valid, reason: v.reason }
}

const claims = (depth: number, innermost: unknown) => [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: nestedClaims(depth, false, innermost) } as Restriction]

describe('LAW-7: restrict writes only what its verifier reads', () => {
  it('writes claims up to the depth limit (32 with the caveat array) and refuses one level more', () => {
    for (const innermost of [{}, [], 1]) {
      // The claims object is depth 2 in `[4, id, claims]`: 31 levels of claims reach depth 32.
      const deepest = innermost === 1 ? 31 : 30
      expect(outcome(claims(deepest, innermost)), JSON.stringify(innermost)).toMatchObject({ valid: true })
      expect(outcome(claims(deepest + 1, innermost)), JSON.stringify(innermost)).toEqual({ refused: 'INVALID_ARGUMENT' })
    }
  })

  it('writes a caveat up to 4,096 bytes and refuses a longer one (RESTRICT-9, LIMIT-3)', () => {
    const names = (length: number) => [{ type: 'project_names', names: Array.from({ length: 4 }, (_, i) => `n${i}-${'a'.repeat(length)}`) } as Restriction]
    let under = 0
    let over = 0
    for (let length = 1000; length <= 1040; length += 2) {
      const o = outcome(names(length), { now: 1, project: { name: 'n0-a', normalized_name: 'n0-a', id: PROJECT_ID }, user_id: null, oidc_publisher: null })
      if ('refused' in o) {
        over++
        expect(o.refused).toBe('INVALID_ARGUMENT')
      } else {
        under++
        expect(o.length).toBeLessThanOrEqual(8192)
        expect(o.reason).toBe('CAVEAT_NOT_SATISFIED')
      }
    }
    expect(under).toBeGreaterThan(0)
    expect(over).toBeGreaterThan(0)
  })

  it('writes up to 64 caveats and refuses the 65th, so nothing it writes is beyond what every verifier reads (RESTRICT-9, LIMIT-1)', () => {
    const user = 'a614e122-a9ee-473c-b6df-8c4f1b776628'
    for (const count of [63, 64]) {
      const o = outcome(Array.from({ length: count }, () => ({ type: 'user', user_id: user }) as Restriction), { now: 1, project: null, user_id: user, oidc_publisher: null })
      expect(o, String(count)).toMatchObject({ valid: true })
      expect((o as { length: number }).length).toBeLessThanOrEqual(8192)
    }
    for (const count of [65, 200]) {
      const o = outcome(Array.from({ length: count }, () => ({ type: 'user', user_id: user }) as Restriction), { now: 1, project: null, user_id: user, oidc_publisher: null })
      expect(o, String(count)).toEqual({ refused: 'INVALID_ARGUMENT' })
    }
  })
})
