/**
 * Every module in the mutation scope loads, inside a test.
 *
 * A test file whose imports throw fails to load, and StrykerJS's vitest runner counts only the
 * results of tests that ran: a mutant that makes a module throw while it loads (the default
 * registry refusing its own legacy forms, say) left every covering file unloaded and was reported
 * as surviving (docs/mutation.md, "Mutants that break loading"). Importing each module here makes
 * such a mutant fail a test, in Stryker's runs as in `npm test`.
 */
import { describe, expect, it } from 'vitest'
import { filesInScope, scopePatterns } from '../../scripts/mutation/scope.js'

const ROOT = new URL('../../', import.meta.url)

describe('the modules in mutation scope', () => {
  const files = filesInScope(scopePatterns())

  it('are found (stryker.config.json names at least the reference core)', () => {
    expect(files).toEqual(expect.arrayContaining(['src/caveats/registry.ts', 'src/verify.ts', 'src/macaroon/decode.ts']))
  })

  it.each(files)('%s loads', async (file) => {
    const loaded: unknown = await import(new URL(file, ROOT).href)
    expect(typeof loaded).toBe('object')
  })
})
