import { describe, expect, it } from 'vitest'
import { restrictionSchema } from '../../../src/generated/schemas.js'
import { createRegistry, decodeCaveat, DEFAULT_REGISTRY, extendRegistry, inspect, mint, normalizeRestriction, restrict, verify, type CaveatModule } from '../../../src/index.js'
import { checkContext, completeContext } from '../../../src/context.js'
import { handle } from '../../../src/adapter/handle.js'

const KEY = new Uint8Array(32).fill(3)
const CTX = { now: 1700000000, project: null, user_id: null, oidc_publisher: null }

interface ColourRestriction {
  readonly type: 'colour'
  readonly colour: string
}

/** A made-up caveat `[7, colour]` that reads a context member of its own, as a proposal would. */
const colour: CaveatModule<ColourRestriction> = {
  slug: 'colour',
  tag: 7,
  type: 'colour',
  schemas: {
    caveat: { type: 'array', items: [{ const: 7 }, { type: 'string' }], minItems: 2, additionalItems: false },
    restriction: { type: 'object', properties: { type: { const: 'colour' }, colour: { type: 'string' } }, required: ['type', 'colour'], additionalProperties: false },
    context: { colour: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] } },
  },
  validate: (wire) => ((wire as [7, string])[1] === 'transparent' ? 'transparent is no colour' : null),
  decode: (wire) => ({ type: 'colour', colour: (wire as [7, string])[1] }),
  encode: (r) => [7, r.colour],
  normalize: (r) => (r.colour === '' ? { ok: false, message: 'no colour' } : { ok: true, restriction: { type: 'colour', colour: r.colour.toLowerCase() } }),
  check: (r, context) => ((context as { colour?: string | null }).colour === r.colour ? null : 'wrong colour'),
  explain: (r) => `Only in ${r.colour}.`,
}
const EXTENDED = extendRegistry(DEFAULT_REGISTRY, [colour as unknown as CaveatModule])
const token = (caveats: string[]) => {
  const t = mint({ key: KEY, identifier: 'id', caveats })
  if (!t.ok) throw new Error(t.message)
  return t.token
}
const decode = (text: string, registry = DEFAULT_REGISTRY) => decodeCaveat({ kind: 'first-party', id: Buffer.from(text) }, registry)

describe('the default registry', () => {
  it('holds the built-in formats: tags 0 to 4 and the four legacy forms (CAV-4, CAV-7)', () => {
    expect([...DEFAULT_REGISTRY.byTag.keys()]).toEqual([0, 1, 2, 3, 4])
    expect(DEFAULT_REGISTRY.modules.filter((m) => m.tag === null).map((m) => m.slug)).toEqual(['legacy-user', 'legacy-project-names', 'legacy-expiration', 'legacy-project-ids'])
    expect(DEFAULT_REGISTRY.contextMembers).toEqual({})
  })

  it('is made again, inside a test, from its own modules: the untagged legacy forms pass the CAV-4 check', () => {
    // DEFAULT_REGISTRY is built when the module loads, before StrykerJS activates a mutant: building
    // one here lets a mutant of createRegistry's checks show.
    expect(createRegistry(DEFAULT_REGISTRY.modules).bySlug.size).toBe(9)
  })

  it('finds the module of each legacy form by its keys, and none for other objects (CAV-7)', () => {
    const slug = (obj: Record<string, unknown>) => DEFAULT_REGISTRY.legacyModuleFor(obj)?.slug ?? null
    expect(slug({ version: 1, permissions: 'user', user_id: 'x' })).toBe('legacy-user')
    expect(slug({ version: 1, permissions: { projects: ['a'] } })).toBe('legacy-project-names')
    expect(slug({ exp: 1 })).toBe('legacy-expiration')
    expect(slug({ nbf: 1 })).toBe('legacy-expiration')
    expect(slug({ project_ids: [] })).toBe('legacy-project-ids')
    expect(slug({ permissions: 'user' })).toBeNull()
  })

  it("validates restrictions with exactly restriction.schema.json's definitions, one per module", () => {
    const definitions = Object.values(restrictionSchema.definitions) as object[]
    expect(DEFAULT_REGISTRY.modules.map((m) => m.schemas.restriction)).toEqual(expect.arrayContaining(definitions))
    expect(DEFAULT_REGISTRY.modules).toHaveLength(definitions.length)
    expect(restrictionSchema.oneOf).toHaveLength(definitions.length)
  })
})

describe('a registry extended with a module (PROP-1)', () => {
  it('decodes, explains and checks the new tag; the default registry still calls it unknown (CAV-5)', () => {
    expect(decode('[7,"red"]')).toMatchObject({ ok: false, reason: 'CAVEAT_UNKNOWN' })
    expect(decode('[7,"red"]', EXTENDED)).toMatchObject({ ok: true, slug: 'colour', restriction: { type: 'colour', colour: 'red' } })
    expect(decode('[7,"red",1]', EXTENDED)).toMatchObject({ ok: false, reason: 'CAVEAT_MALFORMED', slug: 'colour' })
    expect(decode('[7,"transparent"]', EXTENDED)).toEqual({ ok: false, reason: 'CAVEAT_MALFORMED', slug: 'colour', message: 'colour: transparent is no colour' })
    const info = inspect(token(['[7,"red"]']), { registry: EXTENDED })
    expect(info.ok && info.token.caveats[0]?.explanation).toBe('Only in red.')
  })

  it('verifies with the context member the module adds, which is optional and null when absent (VERIFY-2)', () => {
    const t = token(['[7,"red"]'])
    expect(verify(t, KEY, { ...CTX, colour: 'red' } as never, { registry: EXTENDED })).toMatchObject({ valid: true })
    expect(verify(t, KEY, { ...CTX, colour: 'blue' } as never, { registry: EXTENDED })).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED', failures: [{ caveat: 'colour' }] })
    expect(verify(t, KEY, CTX, { registry: EXTENDED })).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED' })
    expect(verify(t, KEY, CTX)).toMatchObject({ valid: false, reason: 'CAVEAT_UNKNOWN' })
    expect(completeContext({ now: 1 }, EXTENDED)).toEqual({ now: 1, project: null, user_id: null, oidc_publisher: null, colour: null })
    expect(completeContext({ now: 1 })).toEqual({ now: 1, project: null, user_id: null, oidc_publisher: null })
  })

  it('admits the new member in contexts only where the registry knows it (CTX-1)', () => {
    expect(checkContext({ ...CTX, colour: 'red' }, EXTENDED)).toEqual({ ok: true })
    expect(checkContext({ ...CTX, colour: 5 }, EXTENDED).ok).toBe(false)
    expect(checkContext({ ...CTX, colour: 'red' })).toEqual({ ok: false, message: 'value must NOT have additional properties (colour)' })
    expect(verify(token([]), KEY, { ...CTX, colour: 'red' } as never)).toMatchObject({ valid: false, reason: 'CONTEXT_INVALID' })
    const request = { id: 1, op: 'verify', token: token(['[7,"red"]']), key: Buffer.from(KEY).toString('hex'), context: { ...CTX, colour: 'red' } }
    expect(handle(request, EXTENDED)).toMatchObject({ ok: true, valid: true })
    expect(handle(request)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('restricts with the module: schema first, then its normalize', () => {
    expect(normalizeRestriction({ type: 'colour', colour: 'RED' }, EXTENDED)).toEqual({ ok: true, restriction: { type: 'colour', colour: 'red' } })
    expect(normalizeRestriction({ type: 'colour', colour: '' }, EXTENDED)).toEqual({ ok: false, message: 'no colour' })
    expect(normalizeRestriction({ type: 'colour', colour: 5 }, EXTENDED).ok).toBe(false)
    expect(normalizeRestriction({ type: 'colour', colour: 'red' }).ok).toBe(false)
    const r = restrict(token([]), [{ type: 'colour', colour: 'Red' } as never], { registry: EXTENDED })
    expect(r.ok && inspect(r.token, { registry: EXTENDED })).toMatchObject({ ok: true, token: { caveats: [{ raw: '[7,"red"]' }] } })
  })

  it('registries with equal context members share compiled schemas, yet each validates with its own restriction and context schemas', () => {
    // A second module with colour's member but another restriction shape, and a third with another member schema.
    const hue = { ...(colour as unknown as CaveatModule), schemas: { ...colour.schemas, restriction: { ...colour.schemas.restriction, properties: { type: { const: 'colour' }, colour: { type: 'string', maxLength: 3 } } } } }
    const numeric = { ...(colour as unknown as CaveatModule), schemas: { ...colour.schemas, context: { colour: { oneOf: [{ type: 'integer' }, { type: 'null' }] } } } }
    const HUE = extendRegistry(DEFAULT_REGISTRY, [hue])
    const NUMERIC = extendRegistry(DEFAULT_REGISTRY, [numeric])
    expect(normalizeRestriction({ type: 'colour', colour: 'green' }, EXTENDED).ok).toBe(true)
    expect(normalizeRestriction({ type: 'colour', colour: 'green' }, HUE).ok).toBe(false)
    expect(normalizeRestriction({ type: 'colour', colour: 'red' }, HUE).ok).toBe(true)
    expect(checkContext({ ...CTX, colour: 'red' }, EXTENDED)).toEqual({ ok: true })
    expect(checkContext({ ...CTX, colour: 'red' }, HUE)).toEqual({ ok: true })
    expect(checkContext({ ...CTX, colour: 'red' }, NUMERIC).ok).toBe(false)
    expect(checkContext({ ...CTX, colour: 5 }, NUMERIC)).toEqual({ ok: true })
    expect(checkContext({ ...CTX, colour: 5 }, EXTENDED).ok).toBe(false)
  })

  it('refuses a restriction whose written caveat its own decoder rejects (LAW-7), appending nothing', () => {
    // normalize lets "Transparent" through, but the module's validate rejects the caveat it encodes to.
    expect(normalizeRestriction({ type: 'colour', colour: 'Transparent' }, EXTENDED).ok).toBe(true)
    expect(restrict(token([]), [{ type: 'colour', colour: 'Transparent' } as never], { registry: EXTENDED })).toMatchObject({ ok: false, reason: 'INVALID_ARGUMENT', message: expect.stringMatching(/LAW-7/) })
  })

  it('refuses modules that clash, as a caller bug (TypeError)', () => {
    const clash = (patch: Partial<CaveatModule>) => () => extendRegistry(DEFAULT_REGISTRY, [{ ...(colour as unknown as CaveatModule), ...patch }])
    expect(clash({ tag: 1 })).toThrow('tag 1 is taken by both project-names and colour')
    expect(clash({ type: 'user' } as never)).toThrow('restriction type user is taken by both request-user and colour')
    expect(clash({ slug: 'expiration' })).toThrow('slug expiration is taken by both expiration and expiration')
    expect(clash({ tag: null })).toThrow('colour has no tag and is not a legacy form')
    expect(clash({ schemas: { ...colour.schemas, context: { user_id: {} } } })).toThrow('redefines the base context member user_id')
    expect(() => createRegistry([colour as unknown as CaveatModule, { ...(colour as unknown as CaveatModule), slug: 'paint', tag: 8, type: 'paint' } as never])).toThrow(
      'context member colour is defined by both colour and paint',
    )
  })
})

describe('a module that throws (VERIFY-7)', () => {
  const boom = (what: string) => () => {
    throw new Error(`${what} broke`)
  }
  const throwing = (patch: Partial<CaveatModule>) => extendRegistry(DEFAULT_REGISTRY, [{ ...(colour as unknown as CaveatModule), ...patch }])

  it('never makes verify or inspect throw: a throwing check does not hold, a throwing decode or validate is malformed', () => {
    const t = token(['[7,"red"]'])
    const ctx = { ...CTX, colour: 'red' } as never
    expect(verify(t, KEY, ctx, { registry: throwing({ check: boom('check') }) })).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED', message: 'caveat 0 (colour): the colour module failed on it (check broke)' })
    expect(verify(t, KEY, ctx, { registry: throwing({ decode: boom('decode') }) })).toMatchObject({ valid: false, reason: 'CAVEAT_MALFORMED', message: 'caveat 0 (colour): colour: the colour module failed on it (decode broke)' })
    expect(verify(t, KEY, ctx, { registry: throwing({ validate: boom('validate') }) })).toMatchObject({ valid: false, reason: 'CAVEAT_MALFORMED' })
    const info = inspect(t, { registry: throwing({ explain: boom('explain') }) })
    expect(info.ok && info.token.caveats[0]?.explanation).toBe('the colour module failed on it (explain broke)')
    const silent = inspect(t, { registry: throwing({ explain: () => null as never }) })
    expect(silent.ok && silent.token.caveats[0]?.explanation).toBe('the colour module failed on it (its explanation is null, not text)')
  })
})

describe('API functions given something that is not a registry', () => {
  it('answer INVALID_ARGUMENT and never throw', () => {
    for (const options of [{ registry: {} }, { registry: DEFAULT_REGISTRY.byTag }, null, 5]) {
      expect(verify(token([]), KEY, CTX, options as never)).toMatchObject({ valid: false, reason: 'INVALID_ARGUMENT' })
      expect(restrict(token([]), [], options as never)).toMatchObject({ ok: false, reason: 'INVALID_ARGUMENT' })
      expect(inspect(token([]), options as never)).toMatchObject({ ok: false, reason: 'INVALID_ARGUMENT' })
    }
    expect(mint({ key: KEY, identifier: 'id', registry: {} as never })).toMatchObject({ ok: false, reason: 'INVALID_ARGUMENT' })
  })
})
