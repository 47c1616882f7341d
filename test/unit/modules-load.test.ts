/**
 * Every module in the mutation scope loads, inside a test.
 *
 * A test file whose imports throw fails to load, and StrykerJS's vitest runner counts only the
 * results of tests that ran: a mutant that makes a module throw while it loads (the default
 * registry refusing its own legacy forms, say) left every covering file unloaded and was reported
 * as surviving (docs/mutation.md, "Mutants that break loading"). Importing each module here makes
 * such a mutant fail a test, in Stryker's runs as in `npm test`. The imports are literal, so that
 * vitest's `related` selection (which Stryker uses for a mutant active while modules load) finds
 * this file from every module; a computed path would hide it.
 */
import { describe, expect, it } from 'vitest'
import { filesInScope, scopePatterns } from '../../scripts/mutation/scope.js'

/** Each file in scope (stryker.config.json `mutate`), imported by a literal path. */
const MODULES: Record<string, () => Promise<unknown>> = {
  'src/caveats/decode.ts': () => import('../../src/caveats/decode.js'),
  'src/caveats/expiration.ts': () => import('../../src/caveats/expiration.js'),
  'src/caveats/legacy-expiration.ts': () => import('../../src/caveats/legacy-expiration.js'),
  'src/caveats/legacy-forms.ts': () => import('../../src/caveats/legacy-forms.js'),
  'src/caveats/legacy-project-ids.ts': () => import('../../src/caveats/legacy-project-ids.js'),
  'src/caveats/legacy-project-names.ts': () => import('../../src/caveats/legacy-project-names.js'),
  'src/caveats/legacy-user.ts': () => import('../../src/caveats/legacy-user.js'),
  'src/caveats/membership.ts': () => import('../../src/caveats/membership.js'),
  'src/caveats/normalize.ts': () => import('../../src/caveats/normalize.js'),
  'src/caveats/oidc-publisher.ts': () => import('../../src/caveats/oidc-publisher.js'),
  'src/caveats/project-ids.ts': () => import('../../src/caveats/project-ids.js'),
  'src/caveats/project-names.ts': () => import('../../src/caveats/project-names.js'),
  'src/caveats/registry.ts': () => import('../../src/caveats/registry.js'),
  'src/caveats/request-user.ts': () => import('../../src/caveats/request-user.js'),
  'src/caveats/restriction.ts': () => import('../../src/caveats/restriction.js'),
  'src/caveats/schema-validator.ts': () => import('../../src/caveats/schema-validator.js'),
  'src/caveats/types.ts': () => import('../../src/caveats/types.js'),
  'src/caveats/window.ts': () => import('../../src/caveats/window.js'),
  'src/inspect.ts': () => import('../../src/inspect.js'),
  'src/json/dumps.ts': () => import('../../src/json/dumps.js'),
  'src/json/index.ts': () => import('../../src/json/index.js'),
  'src/json/parse.ts': () => import('../../src/json/parse.js'),
  'src/macaroon/decode.ts': () => import('../../src/macaroon/decode.js'),
  'src/macaroon/encode.ts': () => import('../../src/macaroon/encode.js'),
  'src/macaroon/hmac-native.ts': () => import('../../src/macaroon/hmac-native.js'),
  'src/macaroon/sha256.ts': () => import('../../src/macaroon/sha256.js'),
  'src/macaroon/signature.ts': () => import('../../src/macaroon/signature.js'),
  'src/macaroon/types.ts': () => import('../../src/macaroon/types.js'),
  'src/macaroon/varint.ts': () => import('../../src/macaroon/varint.js'),
  'src/mint.ts': () => import('../../src/mint.js'),
  'src/restrict.ts': () => import('../../src/restrict.js'),
  'src/token/base64url.ts': () => import('../../src/token/base64url.js'),
  'src/token/parse.ts': () => import('../../src/token/parse.js'),
  'src/verify.ts': () => import('../../src/verify.js'),
}

describe('the modules in mutation scope', () => {
  it('are every file stryker.config.json mutates, each listed above', () => {
    expect(Object.keys(MODULES).sort()).toEqual(filesInScope(scopePatterns()))
  })

  it.each(Object.entries(MODULES))('%s loads', async (_file, load) => {
    expect(typeof (await load())).toBe('object')
  })
})
