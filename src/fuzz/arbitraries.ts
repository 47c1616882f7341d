/**
 * @module fast-check arbitraries for tokens, restrictions and contexts, shared by the property
 * tests and the differential fuzzer. Values are drawn from small pools so that caveats and
 * contexts match often enough for both verdicts to be common.
 */
import fc from 'fast-check'
import type { Restriction, VerifyContext } from '../generated/types.js'

/** A fixed base time (2023-11-14T22:13:20Z); windows and `now` are drawn around it. */
export const T0 = 1700000000

export const POOL = {
  names: ['requests', 'my-pkg', 'sampleproject', 'flask'],
  /** Display spellings whose PEP 503 form is in `names`. */
  spellings: ['Requests', 'My_Pkg', 'my.pkg', 'SampleProject', 'Flask', 'my--pkg'],
  projectIds: ['0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11', '00000000-0000-0000-0000-000000000001', '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76', 'c0ffee00-0000-4000-8000-000000000000'],
  userIds: ['a614e122-a9ee-473c-b6df-8c4f1b776628', '00000000-0000-0000-0000-000000000002', '11111111-2222-4333-8444-555555555555'],
  publisherIds: ['89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c', 'deadbeef-0000-4000-8000-000000000001'],
}

const someOf = <T>(items: readonly T[]) => fc.subarray([...items], { minLength: 1 })

/** Times near T0, drawn mostly from a few instants so that `now` often sits on a window's edge. */
export const timeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(T0 - 1, T0, T0 + 1, T0 + 899, T0 + 900, T0 + 901) },
  { weight: 1, arbitrary: fc.integer({ min: T0 - 3600, max: T0 + 3600 }) },
)

/** A window with not_before < expires_at, around T0; 1 s and 15 min (the OIDC lifetime) are common. */
const window = fc
  .tuple(timeArb, fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, 900) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7200 }) }))
  .map(([not_before, length]) => ({ not_before, expires_at: not_before + length }))

/** Any restriction a restricter accepts (names may be unnormalised; restrict normalises them). */
export const restrictionArb: fc.Arbitrary<Restriction> = fc.oneof(
  window.map((w) => ({ type: 'expiration' as const, ...w })),
  window.map((w) => ({ type: 'legacy_expiration' as const, ...w })),
  someOf([...POOL.names, ...POOL.spellings]).map((names) => ({ type: 'project_names' as const, names })),
  someOf(POOL.names).map((names) => ({ type: 'legacy_project_names' as const, names })),
  someOf(POOL.projectIds).map((ids) => ({ type: 'project_ids' as const, ids })),
  someOf(POOL.projectIds).map((ids) => ({ type: 'legacy_project_ids' as const, ids })),
  fc.constantFrom(...POOL.userIds).map((user_id) => ({ type: 'user' as const, user_id })),
  fc.constantFrom(...POOL.publisherIds).map((publisher_id) => ({ type: 'oidc_publisher' as const, publisher_id })),
  fc.constant({ type: 'legacy_user' as const }),
)

const projectArb = fc.integer({ min: 0, max: POOL.names.length - 1 }).chain((i) =>
  fc.record({
    name: fc.constantFrom(POOL.names[i] as string, (POOL.names[i] as string).toUpperCase()),
    normalized_name: fc.constant(POOL.names[i] as string),
    // Usually the id that belongs with the name; sometimes another, to separate tags 1 and 2.
    id: fc.oneof({ weight: 4, arbitrary: fc.constant(POOL.projectIds[i] as string) }, { weight: 1, arbitrary: fc.constantFrom(...POOL.projectIds) }),
  }),
)

const publisherArb = fc.record({ id: fc.constantFrom(...POOL.publisherIds), project_ids: fc.subarray(POOL.projectIds) })

/**
 * A request context: usually one identity, a user or a publisher, as in Warehouse; sometimes both,
 * which CTX-2 also decides (each caveat reads its own members).
 */
export const contextArb: fc.Arbitrary<VerifyContext> = fc
  .record({
    now: timeArb,
    project: fc.option(projectArb, { freq: 4 }),
    identity: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.constantFrom(...POOL.userIds).map((user_id) => ({ user_id })) },
      { weight: 3, arbitrary: publisherArb.map((oidc_publisher) => ({ oidc_publisher })) },
      { weight: 1, arbitrary: fc.record({ user_id: fc.constantFrom(...POOL.userIds), oidc_publisher: publisherArb }) },
    ),
  })
  .map(({ now, project, identity }) => ({
    now,
    project,
    user_id: identity !== null && 'user_id' in identity ? identity.user_id : null,
    oidc_publisher: identity !== null && 'oidc_publisher' in identity ? identity.oidc_publisher : null,
  }))

/** Caveat texts a verifier must reject whatever the context (near misses of every format). */
export const rejectedCaveatTextArb = fc.constantFrom(
  '[]',
  '[0,"50",10]',
  '[0,50.0,10]',
  '[0,1e3,0]',
  '[0,50]',
  '[0,1700003600,1700000000,99]',
  '[true,["requests"]]',
  '[1.0,["requests"]]',
  '[1,"requests"]',
  '[1,["requests"],"extra"]',
  '[2,[1]]',
  '[3]',
  '[4,"x","claims"]',
  '[5]',
  '[9999999]',
  '"foo"',
  'null',
  'not json at all',
  '\ufeff[1,["requests"]]',
  '{"version":1}',
  '{"version":true,"permissions":"user"}',
  '{"version":1,"permissions":"user","x":1}',
  '{"exp":1700003600,"nbf":1700000000,"project_ids":["a"]}',
  '{"exp":1}',
  '{"a":1,"a":2}',
)

/** Bytes that are not UTF-8. */
export const nonUtf8Arb = fc.constantFrom(Uint8Array.from([0xff]), Uint8Array.from([0x5b, 0xc0, 0xaf, 0x5d]), Uint8Array.from([0xed, 0xa0, 0x80]))

/** A root key: usually 32 bytes like Warehouse's, sometimes other lengths (including > 64). */
export const keyArb = fc.oneof({ weight: 4, arbitrary: fc.uint8Array({ minLength: 32, maxLength: 32 }) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 100 }) })

/** A token identifier: mostly a UUID as Warehouse issues, sometimes any text (identifiers are opaque, MAC-12). */
export const identifierArb = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }).filter((s) => s.isWellFormed()) })
