/**
 * The vitest configuration of the vectors-alone run (stryker.vectors.config.json, npm run
 * mutation:vectors): the checked-in vector files, read from disk and answered in-process by the
 * reference adapter (src/adapter/handle.ts), judged by the harness, after the harness's own start
 * check (adapter-starts.test.ts: the adapter loads and answers hello). No unit, property or spec
 * test and no regeneration check: the score says what the vectors alone pin down.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { HOOK_MS, PROCESSES_MS } from '../../limits.js'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['test/conformance/reference-vectors.test.ts', 'test/mutation/vectors/adapter-starts.test.ts'],
    // Generous limits, as test/mutation/vitest.config.ts explains: load must not fail a test.
    testTimeout: PROCESSES_MS,
    hookTimeout: HOOK_MS,
  },
})
