import { configDefaults, defineConfig } from 'vitest/config'
import { HOOK_MS, IN_PROCESS_MS } from './test/limits.js'
import { leftOut } from './test/tiers.js'

/** Test files that mock modules (vi.mock): each needs a fresh module registry of its own. */
const MOCKING = ['test/unit/portable.test.ts']

export default defineConfig({
  test: {
    // tmp/ holds scratch work, StrykerJS sandboxes (tmp/stryker) among them: copies of this suite.
    exclude: [...configDefaults.exclude, 'tmp/**'],
    // Explicit, generous limits instead of vitest's 5 s (test/limits.ts): on a loaded machine a
    // site build took 8.9 s and failed a test that passed alone. Suites that build or start
    // processes set larger limits of their own (PROCESS_SUITE); a limit only stops a hang.
    testTimeout: IN_PROCESS_MS,
    hookTimeout: HOOK_MS,
    teardownTimeout: HOOK_MS,
    // After vitest's own summary: the slowest test files, and each skipped suite with its reason.
    reporters: ['default', './test/reporters/summary.ts'],
    // Two workers, not vitest's default of one per core less one (a single worker on 2 cores):
    // most suites wait on adapters and clients they start, so two files at a time fit 2 cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          exclude: [...configDefaults.exclude, 'tmp/**', ...MOCKING, ...leftOut()],
          // Test files share a worker's module cache instead of importing src/ afresh each: none of
          // them mocks modules or changes globals, and reloading ajv and the schemas per file cost a
          // quarter of the suite's CPU time.
          isolate: false,
        },
      },
      {
        extends: true,
        // vi.mock only replaces a module that has not been loaded yet, so these files get their own
        // registry (with a shared one, src/platform.js was already loaded by an earlier file).
        test: { name: 'isolated', include: MOCKING, isolate: true },
      },
    ],
  },
})
