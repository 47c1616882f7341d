import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // tmp/ holds scratch work, StrykerJS sandboxes (tmp/stryker) among them: copies of this suite.
    exclude: [...configDefaults.exclude, 'tmp/**'],
  },
})
