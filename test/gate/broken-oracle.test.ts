import { describe, it } from 'vitest'
import type { BrokenCopy } from '../fixtures/broken-proposals/broken-copy.js'
import { ORACLE_BROKEN } from '../fixtures/broken-proposals/oracle.js'
import { expectVerdict, gateCopy } from './copies.js'

/** A gate takes seconds on an idle machine; the limit only stops a hang. */
const LIMIT = 10 * 60 * 1000

describe("broken copies only the gate's own evidence catches fail with their reasons (PROP-11, PROP-12, PROP-13, PROP-14, PROP-15, PROP-16, PROP-17, PROP-18)", () => {
  it.each(ORACLE_BROKEN.map((c) => [`${c.slug}/${c.breakage}`, c] as const))('%s', async (_name, broken) => {
    const copy = broken as unknown as BrokenCopy
    expectVerdict(await gateCopy(broken.slug, copy), copy)
  }, LIMIT)
})
