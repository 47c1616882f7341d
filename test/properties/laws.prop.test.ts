import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { mint, verify } from '../../src/index.js'
import { T0 } from '../../src/fuzz/arbitraries.js'
import { LAWS } from '../../src/laws/laws.js'
import { BUILT_IN_SUBJECT } from '../../src/laws/subjects.js'

const KEY32 = new Uint8Array(32).fill(7)
const minted = (key: Uint8Array, identifier: string, caveats: (string | Uint8Array)[] = []) => {
  const r = mint({ key, identifier, location: 'index.example', caveats })
  if (!r.ok) throw new Error(r.message)
  return r.token
}

describe('laws (spec/laws.md) over the built-in caveat formats', () => {
  for (const law of LAWS) {
    it(law.title, () => {
      fc.assert(law.property(BUILT_IN_SUBJECT))
    })
  }

  const instant = fc.integer({ min: T0 - 2, max: T0 + 2 })
  test.prop([instant, instant, instant, fc.boolean()])(
    'LAW-0 at the edges: a time window holds exactly when not_before <= now < expires_at',
    (not_before, expires_at, now, legacy) => {
      const caveat = legacy ? `{"exp":${expires_at},"nbf":${not_before}}` : `[0,${expires_at},${not_before}]`
      const t = minted(KEY32, 'id', [caveat])
      expect(verify(t, KEY32, { now }).valid).toBe(not_before <= now && now < expires_at)
    },
  )
})
