/** Vectors for the legacy user caveat `{"version": 1, "permissions": "user"}` (spec/caveats/legacy-user.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, OTHER_USER, publisherContext, restrictVector, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { mixedFormVectors } from '../legacy-mixed-forms.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const CANONICAL = '{"permissions":"user","version":1}'

/** One verify vector for a single legacy caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `legacy-user::${id}`, description, spec, flags: ['LegacyForm', ...flags], token: token({ caveats: [caveat] }), context, expect })

export function build() {
  return vectorFile(
    {
      topic: 'legacy-user',
      title: 'Legacy user caveat',
      description:
        '`{"version": 1, "permissions": "user"}`, what Warehouse wrote into "entire account" tokens from 2019 to August 2022: valid when the request authenticates a user (Warehouse reads it as `[3, <the request\'s user id>]`); pypitoken treats it as always satisfied. Unless said otherwise the request is by USER on SampleProject at T0 + 10.',
      generator: 'scripts/vectors/caveats/legacy-user.ts',
      sources: [
        'warehouse.md §1.4 (2019 mint format), §2.3 (legacy adapter), §5.1 (request-user adapter tests)',
        'pypitoken.md §2.1 (LegacyNoopRestriction), §2.4 (duplicate keys), §4 (test_restrictions.py), §5.3',
      ],
    },
    [
      // Valid.
      check('canonical', 'The canonical serialisation (sorted keys, no spaces) in a request authenticated by USER.', ['LUSER-1', 'LUSER-2', 'CAV-7'], CANONICAL, 'valid'),
      check('version-first-spaced', "pypitoken's and 2019 Warehouse's bytes `{\"version\": 1, \"permissions\": \"user\"}`: key order and whitespace are free.", ['LUSER-1', 'JSON-3'], '{"version": 1, "permissions": "user"}', 'valid', ['JsonWhitespace']),
      check('any-user', 'Any authenticated user satisfies it, here OTHER_USER: Warehouse binds it to the request\'s own user.', ['LUSER-2'], CANONICAL, 'valid', [], userContext({ user_id: OTHER_USER })),
      check('no-project-needed', 'A user request that acts on no project still satisfies it.', ['LUSER-2'], CANONICAL, 'valid', [], userContext({ project: null })),

      // Not satisfied: no user.
      check('trusted-publishing-request', 'A Trusted Publishing request (user_id null) does not satisfy it; Warehouse fails too ("caveat must be an array"), pypitoken says valid.', ['LUSER-2', 'VERIFY-2'], CANONICAL, NS, ['LegacyUserSemantics', 'MissingContext'], publisherContext()),
      verifyVector({
        id: 'legacy-user::empty-context',
        description: 'A request with nothing but the time authenticates no user; pypitoken says valid (a no-op), Warehouse fails ("caveat must be an array").',
        spec: ['LUSER-2', 'VERIFY-2'],
        flags: ['LegacyForm', 'LegacyUserSemantics', 'MissingContext'],
        token: token({ caveats: [CANONICAL] }),
        context: emptyContext(),
        expect: NS,
      }),

      // Malformed.
      check('version-missing', '`{"permissions":"user"}` has no `version`, so it is no legacy caveat at all (pypitoken\'s fail list; Warehouse: "caveat must be an array").', ['CAV-7'], '{"permissions":"user"}', MALFORMED),
      check('version-2', '`"version": 2` (pypitoken\'s fail list; Warehouse: "caveat must be an array").', ['LUSER-1', 'CAV-8'], '{"permissions":"user","version":2}', MALFORMED),
      check('version-true', '`"version": true`, which Warehouse matches to 1 through Python equality: the object still means what it says, so accepting is harmless (D14).', ['LUSER-1', 'CAV-8'], '{"permissions":"user","version":true}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyVersionTyping']),
      check('version-float', '`"version": 1.0`, which Warehouse matches to 1 through Python equality and pypitoken also accepts: harmless (D14).', ['LUSER-1', 'JSON-4'], '{"permissions":"user","version":1.0}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyVersionTyping']),
      check('version-string', '`"version": "1"` is a string, not the integer 1 (Warehouse: "caveat must be an array").', ['LUSER-1', 'CAV-8'], '{"permissions":"user","version":"1"}', MALFORMED),
      check('window-dropped', 'A legacy user object that also carries an expired `exp`/`nbf` window: Warehouse reads only `version` and `permissions`, drops the window and accepts; members of two forms make it malformed (CAV-12, D14).', ['LUSER-1', 'CAV-7', 'CAV-8', 'CAV-12'], `{"exp":${T0},"nbf":${T0 - 900},"permissions":"user","version":1}`, MALFORMED, ['LegacyDroppedRestriction']),
      check('extra-key', 'An extra member, pypitoken\'s `"additional": "key"` fail case: no caveat form defines it, so Warehouse ignoring it drops no restriction (CAV-8, D14).', ['LUSER-1', 'CAV-8'], '{"additional":"key","permissions":"user","version":1}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyExtraKeys']),
      check('permissions-capitalised', '`"permissions": "User"` is not the string `"user"`, so it is read as a malformed legacy project-names caveat (Warehouse: "caveat must be an array").', ['CAV-7', 'CAV-8'], '{"permissions":"User","version":1}', MALFORMED),
      check('duplicate-version', '`{"version":2,"version":1,"permissions":"user"}` repeats a key: Python keeps the last value, so pypitoken (observed) and Warehouse accept it.', ['LUSER-1', 'JSON-5'], '{"version":2,"version":1,"permissions":"user"}', MALFORMED, ['DuplicateKey']),
      check('duplicate-permissions', 'A project-scoped caveat followed by a second `"permissions": "user"`: Python keeps the last value and widens the token from Flask to any project.', ['LUSER-1', 'JSON-5'], '{"version":1,"permissions":{"projects":["flask"]},"permissions":"user"}', MALFORMED, ['DuplicateKey']),

      // CAV-12: members of two legacy forms.
      ...mixedFormVectors('legacy-user'),

      // Restrict.
      restrictVector({
        id: 'legacy-user::restrict-legacy-user',
        description: 'A `legacy_user` restriction appends `{"permissions":"user","version":1}`.',
        spec: ['RESTRICT-1', 'LUSER-1'],
        flags: ['LegacyForm'],
        token: token(),
        restrictions: [{ type: 'legacy_user' }],
        expect: { caveats: [{ permissions: 'user', version: 1 }] },
      }),
    ],
  )
}
