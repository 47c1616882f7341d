/**
 * The vitest configuration StrykerJS runs (stryker.config.json): only the suites that exercise
 * src/ in-process. Suites that spawn processes run dist/, never the mutated source, so they could
 * kill nothing; and the harness's load tests must not decide a mutant's fate. The golden files
 * (test/golden) compare every message and description the CLI and the adapter print.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/unit/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/conformance/vectors.test.ts', 'test/spec/**/*.test.ts', 'test/golden/**/*.test.ts'],
    // Property tests draw from a fixed seed, so that a mutant is killed or survives the same way every run.
    setupFiles: ['test/mutation/fixed-seed.ts'],
  },
})
