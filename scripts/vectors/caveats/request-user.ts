/** Vectors for tag 3, `[3, user_id]` (spec/caveats/request-user.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, OTHER_USER, publisherContext, restrictVector, token, USER, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const
const CAVEAT = `[3,"${USER}"]`

/** One verify vector for a single caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `request-user::${id}`, description, spec, flags, token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], userId: string, expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `request-user::${id}`, description, spec, flags, token: token(), restrictions: [{ type: 'user', user_id: userId }], expect })

/** USER-3: the caveat's user id against the request's user id. */
const USER_RULE: NearMissRule = {
  spec: 'USER-3',
  topic: 'request-user',
  compared: 'user_id',
  caveat: (allowed) => `[3,${JSON.stringify(allowed)}]`,
  context: (compared) => userContext({ user_id: compared }),
}

export function build() {
  return vectorFile(
    {
      topic: 'request-user',
      title: 'Tag 3: request user',
      description: `\`[3, user_id]\`: valid only when the request authenticates a user (\`context.user_id\` not null) whose id equals \`user_id\` exactly. Warehouse puts it in every "entire account" token. Unless said otherwise the request is by USER (\`${USER}\`) on SampleProject at T0 + 10.`,
      generator: 'scripts/vectors/caveats/request-user.ts',
      sources: [
        'warehouse.md §1.2 (user-shape token), §2.2 (RequestUser), §3 (deserialisation table), §5.1 (test_caveats.py)',
        'pypitoken.md §2.1–2.4 (UserIDRestriction), §4 (test_restrictions.py), §5.3–5.5',
      ],
    },
    [
      // Valid.
      check('matching-user', "The caveat names the request's user: the shape of Warehouse's user-scoped tokens.", ['USER-1', 'USER-3'], CAVEAT, 'valid'),
      check('pypitoken-spacing', 'pypitoken writes `[3, "<id>"]` with a space; JSON whitespace is allowed.', ['USER-3', 'JSON-3'], `[3, "${USER}"]`, 'valid', ['JsonWhitespace']),
      check('no-project-needed', 'A request by USER that acts on no project still satisfies the caveat: it needs only the user.', ['USER-3'], CAVEAT, 'valid', [], userContext({ project: null })),
      check('non-uuid-user-matches', "Warehouse's test value `[3,\"a uuid\"]` holds for a request whose user id is `a uuid`: any string is well-formed and compared exactly (pypitoken refuses to load a non-UUID user id).", ['USER-1', 'USER-3'], '[3,"a uuid"]', 'valid', ['NonUuidId'], userContext({ user_id: 'a uuid' })),

      // Not satisfied: wrong user.
      check('other-user', 'The caveat names OTHER_USER and the request is by USER (Warehouse: "current user does not match user restriction in token").', ['USER-3'], `[3,"${OTHER_USER}"]`, NS),
      check('upper-case-user-id', "The user's id in upper case never matches the lower-case context id (pypitoken refuses to load an upper-case UUID).", ['USER-3'], `[3,"${USER.toUpperCase()}"]`, NS, ['UuidCase']),
      check('last-digit-differs', "The user's id with its last hex digit changed (`…629`).", ['USER-3'], `[3,"${USER.slice(0, -1)}9"]`, NS),
      check('trailing-space-user-id', "The user's id followed by a space does not match.", ['USER-3'], `[3,"${USER} "]`, NS),
      check('nfd-user-id', 'The caveat spells `café` in NFC (U+00E9), the request\'s user id in NFD (`e` + U+0301): the same text to a reader, other code points, so no match (CTX-3: no Unicode normalisation).', ['USER-3', 'CTX-3'], '[3,"caf\u00e9"]', NS, [], userContext({ user_id: 'cafe\u0301' })),
      check('nfc-user-id', 'Both in NFC: the same code points, so the caveat holds.', ['USER-3', 'CTX-3'], '[3,"caf\u00e9"]', 'valid', [], userContext({ user_id: 'caf\u00e9' })),
      check('empty-user-id', 'The empty string is a well-formed user id that matches no user (pypitoken refuses to load it).', ['USER-1', 'USER-3'], '[3,""]', NS),

      // Not satisfied: no user.
      verifyVector({
        id: 'request-user::no-user',
        description: 'A request with nothing but the time authenticates no user (Warehouse: "token with user restriction without a user"; pypitoken: MissingContextError).',
        spec: ['USER-2', 'VERIFY-2'],
        flags: ['MissingContext'],
        token: token({ caveats: [CAVEAT] }),
        context: emptyContext(),
        expect: NS,
      }),
      check('trusted-publishing-request', 'A Trusted Publishing request on SampleProject has `user_id` null, so a user caveat never holds there.', ['USER-2', 'VERIFY-2'], CAVEAT, NS, ['MissingContext'], publisherContext()),

      // Malformed.
      check('integer-user-id', '`[3,5]`: the user id must be a string (Warehouse: "invalid values for fields").', ['USER-1', 'CAV-8'], '[3,5]', MALFORMED),
      check('null-user-id', '`[3,null]`: null is not a user id.', ['USER-1', 'CAV-8'], '[3,null]', MALFORMED),
      check('boolean-user-id', '`[3,true]`: a boolean is not a user id.', ['USER-1', 'CAV-8'], '[3,true]', MALFORMED),
      check('user-id-in-list', 'The user id wrapped in an array, one bracket pair away from valid.', ['USER-1', 'CAV-8'], `[3,["${USER}"]]`, MALFORMED),
      check('user-id-missing', '`[3]` lacks the user id, which has no default (pypitoken\'s fail list; Warehouse: "Not enough values").', ['CAV-6'], '[3]', MALFORMED),
      check('two-user-ids', '`[3,uuid,uuid1]` (pypitoken\'s fail list): Warehouse ignores the second id and checks only the first, a verifier must reject.', ['CAV-6'], `[3,"${USER}","${OTHER_USER}"]`, MALFORMED, ['TrailingElements']),
      check('trailing-null', 'A trailing null after the user id (Warehouse ignores it).', ['CAV-6'], `[3,"${USER}",null]`, MALFORMED, ['TrailingElements']),
      check('tag-float', '`[3.0,"<id>"]`: `3.0` is not an integer tag, though Warehouse and pypitoken compare tags numerically (both observed accepting `1.0` as tag 1) and enforce it, which holds here, so accepting is harmless (D11).', ['CAV-3', 'JSON-4'], `[3.0,"${USER}"]`, { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),

      // Near misses (CTX-3).
      ...nearMissFamily(USER_RULE),

      // Restrict.
      restrict('restrict-user', 'Restricting to USER appends `[3,"<id>"]`.', ['RESTRICT-1', 'USER-1'], USER, { caveats: [[3, USER]] }),
      restrict('restrict-lowercases-user-id', 'An upper-case user UUID is written in lower case, so that the token can match (pypitoken writes it as given).', ['RESTRICT-3', 'USER-3'], USER.toUpperCase(), { caveats: [[3, USER]] }, ['RestrictNormalization', 'UuidCase']),
      restrict('restrict-refuses-non-uuid', "`a uuid` (Warehouse's test value) is not a UUID: refused (pypitoken writes it).", ['RESTRICT-3'], 'a uuid', REFUSED, ['NonUuidId']),
      restrict('restrict-refuses-empty-user-id', 'The empty string is not a UUID: refused.', ['RESTRICT-3'], '', REFUSED, ['NonUuidId']),
    ],
  )
}
