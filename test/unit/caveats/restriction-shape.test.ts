/**
 * restrict() with a misspelt or mis-shaped restriction names the type and the shape it expects,
 * not the first error of the schema's oneOf (which named 'expires_at' whatever the type was).
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_REGISTRY, extendRegistry, mint, normalizeRestriction, restrict, type CaveatModule } from '../../../src/index.js'
import { shapeOf } from '../../../src/caveats/restriction.js'

// Fixture tokens are literals, checked against mint() by a test below: a token minted while the file
// loads would run src/ outside any test, which StrykerJS counts as static (docs/mutation.md).
/** Minted with an all-zero key and the identifier "x", without caveats. */
const TOKEN = 'pypi-AgEAAgF4AAAGIOTSBqVQrCfsgctoBBtDYJR0WTkBpQxs3gcyR9JfNRNY'

it('the fixture token is what mint writes', () => {
  expect(mint({ key: new Uint8Array(32), identifier: 'x' })).toMatchObject({ ok: true, token: TOKEN })
})
const TYPES = 'expiration, project_names, project_ids, user, oidc_publisher, legacy_user, legacy_project_names, legacy_expiration, legacy_project_ids'

describe("restrict()'s message for a restriction that fits no schema", () => {
  it.each([
    ['a misspelt type', { type: 'project_name', names: ['foo'] }, `unknown restriction type "project_name": expected one of ${TYPES}`],
    ['no type', { names: ['foo'] }, `a restriction needs a type: one of ${TYPES}`],
    ['a misspelt member', { type: 'project_names', name: ['foo'] }, `"project_names" restriction: must have required property 'names'; expected { type: "project_names", names: string[] }`],
    ['a member of the wrong shape', { type: 'project_names', names: 'foo' }, `"project_names" restriction: /names must be array; expected { type: "project_names", names: string[] }`],
    ['a string for a time', { type: 'expiration', expires_at: '1700000900', not_before: 1700000000 }, `"expiration" restriction: /expires_at must be integer; expected { type: "expiration", expires_at: integer, not_before: integer }`],
    ['an optional member', { type: 'oidc_publisher', publisher_id: 7 }, `"oidc_publisher" restriction: /publisher_id must be string; expected { type: "oidc_publisher", publisher_id: string, claims?: object | null }`],
    ['not an object', 'project_names', `a restriction is an object { type, ... } with type one of ${TYPES}; got string`],
    ['a number', 7, `a restriction is an object { type, ... } with type one of ${TYPES}; got number`],
    ['null', null, `a restriction is an object { type, ... } with type one of ${TYPES}; got null`],
    ['an array', [{ type: 'user', user_id: 'x' }], `a restriction is an object { type, ... } with type one of ${TYPES}; got an array`],
  ])('%s', (_what, restriction, message) => {
    expect(restrict(TOKEN, [restriction as never])).toEqual({ ok: false, reason: 'INVALID_ARGUMENT', message: `restriction 0: invalid restriction: ${message}` })
  })
})

describe('a restriction schema that does not pin its type (a loose extension module, PROP-1)', () => {
  // A module whose restriction schema admits any object: the registry's oneOf then matches an
  // unknown type through it, and a built-in restriction through both it and the built-in schema.
  const loose = {
    slug: 'loose',
    tag: 9,
    type: 'loose',
    schemas: { caveat: { type: 'array' }, restriction: { type: 'object', properties: { note: {} } } },
    validate: () => null,
    decode: () => ({ type: 'loose' }),
    encode: () => [9],
    normalize: (r: unknown) => ({ ok: true, restriction: r }),
    check: () => null,
    explain: () => 'Loose.',
  } as unknown as CaveatModule
  const LOOSE = extendRegistry(DEFAULT_REGISTRY, [loose])

  it('refuses a schema-valid restriction of a type no module has', () => {
    expect(normalizeRestriction({ type: 'nothing' }, LOOSE)).toEqual({ ok: false, message: 'invalid restriction: unknown type "nothing"' })
  })

  it('says a restriction that fits its own schema but not exactly one of the registry\'s does not fit', () => {
    expect(normalizeRestriction({ type: 'user', user_id: 'f7d3bc42-7d0e-4ad4-a7a5-2fe0e7b1a4b0' }, LOOSE)).toEqual({
      ok: false,
      message: 'invalid restriction: "user" restriction: does not fit; expected { type: "user", user_id: string }',
    })
  })

  it('describes a member of any type as any', () => {
    expect(shapeOf(loose.schemas.restriction)).toBe('{ note?: any }')
  })
})
