import { describe, it } from 'vitest'
import type { BrokenCopy } from '../fixtures/broken-proposals/broken-copy.js'
import { SANDBOXED } from '../fixtures/broken-proposals/sandboxed.js'
import { expectVerdict, gateCopy, QUICK } from './copies.js'

/** A gate takes seconds on an idle machine; the limit only stops a hang. */
const LIMIT = 10 * 60 * 1000

describe('broken copies for the sandbox, ReDoS and caveat size fail the gate with exactly their reasons (PROP-20 … PROP-26)', () => {
  it.each(SANDBOXED.map((c) => [`${c.slug}/${c.breakage}`, c] as const))('%s', async (_name, broken) => {
    const copy = broken as unknown as BrokenCopy
    expectVerdict(await gateCopy(broken.slug, copy, QUICK), copy)
  }, LIMIT)
})
