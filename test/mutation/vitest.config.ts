/**
 * The vitest configuration StrykerJS runs (stryker.config.json): only the suites that exercise
 * src/ in-process. Suites that spawn processes run dist/, never the mutated source, so they could
 * kill nothing; and the harness's load tests must not decide a mutant's fate. The golden files
 * (test/golden) compare every message and description the CLI and the adapter print.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { HOOK_MS, PROCESSES_MS } from '../limits.js'

/** Test files that mock modules (vi.mock): each needs a fresh module registry of its own. */
const MOCKING = ['test/unit/portable.test.ts']

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    // Property tests draw from a fixed seed, so that a mutant is killed or survives the same way every run.
    setupFiles: ['test/mutation/fixed-seed.ts'],
    // Explicit, generous limits (test/limits.ts), not vitest's 5 s: on a loaded machine a law test
    // of the initial run took longer than 5 s and failed it, and in a mutant's run a test that only
    // ran slowly would count as killing the mutant. A mutant that hangs ends by Stryker's hit count
    // or its own clock (stryker.config.json, docs/mutation.md "Timeouts and loops").
    testTimeout: PROCESSES_MS,
    hookTimeout: HOOK_MS,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/unit/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/conformance/vectors.test.ts', 'test/conformance/reference-vectors.test.ts', 'test/spec/**/*.test.ts', 'test/golden/**/*.test.ts'],
          exclude: MOCKING,
          // The files of one mutant's run share one copy of src/, ajv and the compiled schemas, as
          // in npm test: loading them afresh for each file was most of a mutant's time (docs/mutation.md,
          // "Where the time goes"). Each run still starts from fresh modules: static mutants are killed.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
})
