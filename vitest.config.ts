import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // tmp/ holds scratch work, StrykerJS sandboxes (tmp/stryker) among them: copies of this suite.
    exclude: [...configDefaults.exclude, 'tmp/**'],
    // Two workers, not vitest's default of one per core less one (a single worker on 2 cores):
    // most suites wait on adapters and clients they start, so two files at a time fit 2 cores.
    maxWorkers: 2,
    // Test files share a worker's module cache instead of importing src/ afresh each: no suite
    // mocks modules or changes globals, and reloading ajv and the schemas per file cost a quarter
    // of the suite's CPU time.
    isolate: false,
  },
})
