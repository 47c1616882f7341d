import { describe, it } from 'vitest'
import { BROKEN } from '../fixtures/broken-proposals/ip-ranges.js'
import { expectVerdict, gateCopy } from './copies.js'

/** A gate takes seconds on an idle machine; the limit only stops a hang. */
const LIMIT = 10 * 60 * 1000

describe('broken copies of proposals/ip-ranges fail the gate with their reasons (PROP-2, PROP-4, PROP-5, PROP-6, PROP-7, PROP-8, PROP-9)', () => {
  it.each(BROKEN.map((c) => [c.breakage, c] as const))('%s', async (_breakage, broken) => {
    expectVerdict(await gateCopy('ip-ranges', broken), broken)
  }, LIMIT)
})
