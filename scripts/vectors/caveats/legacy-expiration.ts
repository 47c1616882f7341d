/** Vectors for the legacy expiry caveat `{"exp": expires_at, "nbf": not_before}` (spec/caveats/legacy-expiration.md). */
import { emptyContext, OTHER_PROJECT, PROJECT, restrictVector, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { integerEdges } from '../integer-edges.js'
import { mixedFormVectors } from '../legacy-mixed-forms.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const EXP = T0 + 900
const WINDOW = `{"exp":${EXP},"nbf":${T0}}`

/** One verify vector for a single legacy caveat, by USER on PROJECT at `now`. */
const check = (id: string, description: string, spec: string[], caveat: string, now: number, expect: VerifyExpectation, flags: Flag[] = []) =>
  verifyVector({ id: `legacy-expiration::${id}`, description, spec, flags: ['LegacyForm', ...flags], token: token({ caveats: [caveat] }), context: userContext({ now }), expect })

export function build() {
  return vectorFile(
    {
      topic: 'legacy-expiration',
      title: 'Legacy expiry caveat',
      description:
        '`{"exp": expires_at, "nbf": not_before}` (Warehouse #11122, and what pypitoken\'s legacy_not_before / legacy_not_after write): exactly these two integer members, in any order, holding when `[0, exp, nbf]` would. Windows are 15 minutes from T0 = 1700000000 unless said otherwise; the request is by USER on SampleProject.',
      generator: 'scripts/vectors/caveats/legacy-expiration.ts',
      sources: [
        'warehouse.md §2.3 (legacy adapter: extra keys ignored, project_ids dropped), §3, §5.1 (test_caveats.py)',
        'pypitoken.md §2.1 (LegacyDateRestriction), §2.4, §4 (test_restrictions.py), §5.3–5.4',
      ],
    },
    [
      // Valid.
      check('inside-window', 'The canonical serialisation (sorted keys) at a time inside the window.', ['LEXP-1', 'LEXP-2', 'EXP-3'], WINDOW, T0 + 10, 'valid'),
      check('pypitoken-order', "pypitoken's bytes `{\"nbf\": 1700000000, \"exp\": 1700003600}` (its §5.3 legacy_date token): `nbf` first, with spaces, is the same caveat.", ['LEXP-1', 'JSON-3'], `{"nbf": ${T0}, "exp": ${T0 + 3600}}`, T0 + 10, 'valid', ['JsonWhitespace']),
      check('at-not-before', '`nbf` is inclusive: valid at exactly `nbf`.', ['LEXP-2', 'EXP-3'], WINDOW, T0, 'valid', ['TimeBoundary']),
      check('last-valid-second', 'The last second before `exp`.', ['LEXP-2', 'EXP-3'], WINDOW, EXP - 1, 'valid', ['TimeBoundary']),
      check('negative-nbf', 'A negative `nbf` is an integer like any other.', ['LEXP-1', 'LEXP-2'], `{"exp":${EXP},"nbf":-5}`, T0 + 10, 'valid'),
      check('int64-max-exp', '`exp` = 2^63-1 must be compared correctly.', ['LEXP-2', 'EXP-4'], `{"exp":9223372036854775807,"nbf":${T0}}`, T0 + 10, 'valid', ['HugeInteger']),
      verifyVector({
        id: 'legacy-expiration::needs-only-time',
        description: 'The caveat needs nothing from the request but the time.',
        spec: ['LEXP-2', 'VERIFY-2'],
        flags: ['LegacyForm'],
        token: token({ caveats: [WINDOW] }),
        context: emptyContext(T0 + 10),
        expect: 'valid',
      }),

      // Not satisfied.
      check('one-second-before-nbf', 'One second before `nbf`.', ['LEXP-2', 'EXP-3'], WINDOW, T0 - 1, NS, ['TimeBoundary']),
      check('at-exp', '`exp` is exclusive: invalid at exactly `exp` (pypitoken §5.4: now = EXP fails).', ['LEXP-2', 'EXP-3'], WINDOW, EXP, NS, ['TimeBoundary']),
      check('long-expired', 'A day after the window.', ['LEXP-2', 'EXP-3'], WINDOW, T0 + 86400, NS),
      check('inverted-window', '`exp` before `nbf`: no second satisfies it.', ['LEXP-2', 'EXP-3'], `{"exp":${T0},"nbf":${EXP}}`, T0 + 10, NS),

      // Malformed: members.
      check('only-exp', '`{"exp": …}` without `nbf` (Warehouse test `{"exp": 1}`: "caveat must be an array"; pypitoken rejects one key only).', ['LEXP-1', 'CAV-7'], `{"exp":${EXP}}`, T0 + 10, MALFORMED),
      check('only-nbf', '`{"nbf": …}` without `exp` (Warehouse test `{"nbf": 1}`).', ['LEXP-1', 'CAV-7'], `{"nbf":${T0}}`, T0 + 10, MALFORMED),
      check('extra-key', 'An extra member `x` that no caveat form defines: Warehouse ignores it, pypitoken rejects it; both conform, since ignoring it drops no restriction (CAV-8, D14).', ['LEXP-1', 'CAV-8'], `{"exp":${EXP},"nbf":${T0},"x":1}`, T0 + 10, { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyExtraKeys']),
      verifyVector({
        id: 'legacy-expiration::project-ids-dropped',
        description:
          '`{"exp","nbf","project_ids":[Flask]}` used on SampleProject: Warehouse adapts it to `[0, exp, nbf]` and silently drops `project_ids`, so the token is valid on the wrong project (an auth bypass); a verifier must reject it as malformed.',
        spec: ['LEXP-1', 'CAV-8', 'CAV-12'],
        flags: ['LegacyForm', 'LegacyDroppedRestriction'],
        token: token({ caveats: [`{"exp":${EXP},"nbf":${T0},"project_ids":["${OTHER_PROJECT.id}"]}`] }),
        context: userContext(),
        expect: MALFORMED,
      }),
      verifyVector({
        id: 'legacy-expiration::exp-without-nbf-with-project-ids',
        description:
          '`{"exp": <past>, "project_ids": [SampleProject]}` is recognised by `exp` and lacks `nbf`; Warehouse, needing both `exp` and `nbf`, falls through to `project_ids` and drops the expiry, so the long-expired token still works.',
        spec: ['LEXP-1', 'CAV-7', 'CAV-8', 'CAV-12'],
        flags: ['LegacyForm', 'LegacyDroppedRestriction'],
        token: token({ caveats: [`{"exp":${T0 - 86400},"project_ids":["${PROJECT.id}"]}`] }),
        context: userContext(),
        expect: MALFORMED,
      }),
      check('duplicate-exp', '`exp` given twice, first T0 then T0 + 900: Python keeps the last (valid window), a first-wins parser the first (empty window).', ['LEXP-1', 'JSON-5'], `{"exp":${T0},"nbf":${T0},"exp":${EXP}}`, T0 + 10, MALFORMED, ['DuplicateKey']),

      // Malformed: types.
      check('string-exp', 'A numeric string `exp` (Warehouse: "invalid values for fields"; pypitoken rejects string numbers).', ['LEXP-1', 'CAV-8'], `{"exp":"${EXP}","nbf":${T0}}`, T0 + 10, MALFORMED),
      check('date-strings', "Date strings, pypitoken's `\"2000-01-02 00:00:00\"` fail case.", ['LEXP-1', 'CAV-8'], '{"exp":"2023-11-14 22:28:20","nbf":"2023-11-14 22:13:20"}', T0 + 10, MALFORMED),
      check('float-exp', '`1700000900.0`: Warehouse rejects floats, pypitoken accepts integral floats.', ['LEXP-1', 'JSON-4'], `{"exp":${EXP}.0,"nbf":${T0}}`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('exponent-nbf', '`1.7e9` is an integer value written with an exponent (pypitoken accepts it).', ['LEXP-1', 'JSON-4'], `{"exp":${EXP},"nbf":1.7e9}`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('boolean-exp', '`"exp": true` is not an integer.', ['LEXP-1', 'CAV-8'], `{"exp":true,"nbf":${T0}}`, T0 + 10, MALFORMED),
      check('null-nbf', '`"nbf": null` is not an integer.', ['LEXP-1', 'CAV-8'], `{"exp":${EXP},"nbf":null}`, T0 + 10, MALFORMED),

      ...integerEdges({ topic: 'legacy-expiration', caveat: (exp, nbf) => `{"exp":${exp},"nbf":${nbf}}`, cites: ['LEXP-2'], flags: ['LegacyForm'] }),

      // CAV-12: members of two legacy forms.
      ...mixedFormVectors('legacy-expiration'),

      // Restrict.
      restrictVector({
        id: 'legacy-expiration::restrict-legacy-window',
        description: 'A `legacy_expiration` restriction appends `{"exp": expires_at, "nbf": not_before}`.',
        spec: ['RESTRICT-1', 'LEXP-1'],
        flags: ['LegacyForm'],
        token: token(),
        restrictions: [{ type: 'legacy_expiration', expires_at: EXP, not_before: T0 }],
        expect: { caveats: [{ exp: EXP, nbf: T0 }] },
      }),
      restrictVector({
        id: 'legacy-expiration::restrict-refuses-inverted-window',
        description: 'A restricter refuses not_before >= expires_at: the token could never be used.',
        spec: ['RESTRICT-4'],
        flags: ['LegacyForm'],
        token: token(),
        restrictions: [{ type: 'legacy_expiration', expires_at: T0, not_before: EXP }],
        expect: { invalid: 'INVALID_ARGUMENT' },
      }),
    ],
  )
}
