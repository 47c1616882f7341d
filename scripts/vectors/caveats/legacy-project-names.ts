/** Vectors for the legacy project-names caveat `{"version": 1, "permissions": {"projects": […]}}` (spec/caveats/legacy-project-names.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, PROJECT, restrictVector, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'
import { mixedFormVectors } from '../legacy-mixed-forms.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const
const CANONICAL = '{"permissions":{"projects":["sampleproject"]},"version":1}'
/** The caveat of a real, revoked 2019 token (warehouse #6265; pypitoken.md §5.5), as 2019 Warehouse wrote it. */
const REAL_2019 = '{"permissions": {"projects": ["undefined"]}, "version": 1}'
const UNDEFINED_PROJECT = { name: 'undefined', normalized_name: 'undefined', id: '9d3b1f0e-2c4a-4b6d-8e0f-1a2b3c4d5e60' }
const REQUESTS = { name: 'requests', normalized_name: 'requests', id: '00000000-0000-0000-0000-000000000001' }

/** One verify vector for a single legacy caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `legacy-project-names::${id}`, description, spec, flags: ['LegacyForm', ...flags], token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], names: string[], expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `legacy-project-names::${id}`, description, spec, flags: ['LegacyForm', ...flags], token: token(), restrictions: [{ type: 'legacy_project_names', names }], expect })

/** LPNAME-2: PNAME-3's comparison, in the legacy form. */
const LPNAME_RULE: NearMissRule = {
  spec: 'LPNAME-2',
  topic: 'legacy-project-names',
  compared: 'project.normalized_name',
  flags: ['LegacyForm'],
  cites: ['PNAME-3'],
  caveat: (allowed) => JSON.stringify({ permissions: { projects: [allowed] }, version: 1 }),
  context: (compared) => userContext({ project: { ...PROJECT, name: compared, normalized_name: compared } }),
}

export function build() {
  return vectorFile(
    {
      topic: 'legacy-project-names',
      title: 'Legacy project-names caveat',
      description:
        '`{"version": 1, "permissions": {"projects": [name, …]}}`, what Warehouse wrote into project-scoped tokens from 2019 to August 2022: holds exactly when `[1, projects]` would, and has no members beyond these. Unless said otherwise the request is by USER on SampleProject (`sampleproject`) at T0 + 10.',
      generator: 'scripts/vectors/caveats/legacy-project-names.ts',
      sources: [
        'warehouse.md §1.4 (2019 mint format), §2.3 (legacy adapter), §3, §5.1 (test_caveats.py)',
        'pypitoken.md §2.1 (LegacyProjectNamesRestriction), §2.4, §4 (test_restrictions.py), §5.3, §5.5 (2019 token from warehouse #6265)',
      ],
    },
    [
      // Valid.
      check('canonical', 'The canonical serialisation (sorted keys, no spaces) naming the project the request acts on.', ['LPNAME-1', 'LPNAME-2', 'PNAME-3'], CANONICAL, 'valid'),
      check('version-first', 'Keys in any order: `version` before `permissions`, as pypitoken writes them.', ['LPNAME-1', 'CAV-7'], '{"version":1,"permissions":{"projects":["sampleproject"]}}', 'valid', ['JsonWhitespace']),
      check('pypitoken-bytes', "pypitoken's own bytes `{\"version\": 1, \"permissions\": {\"projects\": [\"requests\"]}}` (its §5.3 legacy_names token) on project `requests`.", ['LPNAME-1', 'JSON-3'], '{"version": 1, "permissions": {"projects": ["requests"]}}', 'valid', ['JsonWhitespace'], userContext({ project: REQUESTS })),
      check('real-2019-token', 'The caveat of a real 2019 token (warehouse #6265), `{"permissions": {"projects": ["undefined"]}, "version": 1}`, holds on a project named `undefined`.', ['LPNAME-1', 'LPNAME-2'], REAL_2019, 'valid', ['JsonWhitespace'], userContext({ project: UNDEFINED_PROJECT })),
      check('second-of-two-names', 'The project is the second of two listed names (Warehouse test: `["foo", "bar"]`).', ['LPNAME-2', 'PNAME-3'], '{"permissions":{"projects":["flask","sampleproject"]},"version":1}', 'valid'),

      // Not satisfied.
      check('real-2019-token-other-project', 'The same 2019 caveat on SampleProject: it names only `undefined`.', ['LPNAME-2', 'PNAME-3'], REAL_2019, NS, ['JsonWhitespace']),
      check('other-project', 'The caveat names only `flask`.', ['LPNAME-2', 'PNAME-3'], '{"permissions":{"projects":["flask"]},"version":1}', NS),
      check('display-name-in-caveat', '`SampleProject` never matches `sampleproject`: no normalisation at verify time (pypitoken loads any legacy name and also compares exactly).', ['LPNAME-2', 'PNAME-3'], '{"permissions":{"projects":["SampleProject"]},"version":1}', NS, ['NameNormalization']),
      check('empty-list', 'An empty `projects` list is well-formed and never holds (pypitoken loads it and fails the check).', ['LPNAME-2', 'PNAME-2'], '{"permissions":{"projects":[]},"version":1}', NS, ['EmptyList']),
      verifyVector({
        id: 'legacy-project-names::no-project',
        description: 'A request with nothing but the time acts on no project (Warehouse: "project-scoped token used outside of a project context").',
        spec: ['LPNAME-2', 'PNAME-4', 'VERIFY-2'],
        flags: ['LegacyForm', 'MissingContext'],
        token: token({ caveats: [CANONICAL] }),
        context: emptyContext(),
        expect: NS,
      }),

      // Malformed: extra members (Warehouse ignores them, pypitoken rejects them).
      check('extra-top-level-key', 'An extra top-level member `extra` that no caveat form defines: ignoring it drops no restriction (Warehouse ignores it, pypitoken rejects it; CAV-8, D14).', ['LPNAME-1', 'CAV-8'], '{"extra":"x","permissions":{"projects":["sampleproject"]},"version":1}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyExtraKeys']),
      check('extra-inner-key', 'An extra member `extra` inside `permissions`: ignoring it drops no restriction (Warehouse ignores it, pypitoken rejects it; CAV-8, D14).', ['LPNAME-1', 'CAV-8'], '{"permissions":{"extra":"x","projects":["sampleproject"]},"version":1}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyExtraKeys']),
      check('expired-window-dropped', `An already expired \`exp\`/\`nbf\` window inside the object: Warehouse reads only \`version\` and \`permissions\`, drops the window and accepts at T0 + 10.`, ['LPNAME-1', 'CAV-7', 'CAV-8', 'CAV-12'], `{"exp":${T0},"nbf":${T0 - 900},"permissions":{"projects":["sampleproject"]},"version":1}`, MALFORMED, ['LegacyDroppedRestriction']),

      // Malformed: permissions.
      check('permissions-null', '`"permissions": null` (Warehouse: "caveat must be an array").', ['LPNAME-1', 'CAV-8'], '{"permissions":null,"version":1}', MALFORMED),
      check('permissions-list', "`\"permissions\": []` (Warehouse's test_invalid_deserialization).", ['LPNAME-1', 'CAV-8'], '{"permissions":[],"version":1}', MALFORMED),
      check('permissions-otherkey', "`\"permissions\": {\"otherkey\": \"foo\"}` has no `projects` (Warehouse's test_invalid_deserialization).", ['LPNAME-1', 'CAV-8'], '{"permissions":{"otherkey":"foo"},"version":1}', MALFORMED),
      check('permissions-string', '`"permissions": "something"` is neither `"user"` nor an object (pypitoken: no matching restriction).', ['CAV-7', 'CAV-8'], '{"permissions":"something","version":1}', MALFORMED),
      check('version-alone', '`{"version": 1}` with no `permissions` (Warehouse\'s test_invalid_deserialization).', ['CAV-7', 'LPNAME-1'], '{"version":1}', MALFORMED),
      check('version-missing', 'A `permissions` object without `version` is no legacy caveat at all (pypitoken\'s fail list).', ['CAV-7'], '{"permissions":{"projects":["sampleproject"]}}', MALFORMED),

      // Malformed: types.
      check('version-2', '`"version": 2` (pypitoken\'s fail list; Warehouse: "caveat must be an array").', ['LPNAME-1', 'CAV-8'], '{"permissions":{"projects":["sampleproject"]},"version":2}', MALFORMED),
      check('version-true', '`"version": true`, which Warehouse matches to 1 through Python equality: the object still means what it says, so accepting is harmless (D14).', ['LPNAME-1', 'CAV-8'], '{"permissions":{"projects":["sampleproject"]},"version":true}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyVersionTyping']),
      check('version-float', '`"version": 1.0`, which Warehouse matches to 1 through Python equality and pypitoken also accepts: harmless (D14).', ['LPNAME-1', 'JSON-4'], '{"permissions":{"projects":["sampleproject"]},"version":1.0}', { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyVersionTyping']),
      check('projects-string', '`"projects": "sampleproject"` is a string, not an array (pypitoken\'s fail list; Warehouse: "invalid values for fields").', ['LPNAME-1', 'CAV-8'], '{"permissions":{"projects":"sampleproject"},"version":1}', MALFORMED),
      check('projects-with-integer', 'A number among the names (pypitoken\'s `["a", 1]` fail case).', ['LPNAME-1', 'CAV-8'], '{"permissions":{"projects":["sampleproject",1]},"version":1}', MALFORMED),
      check('duplicate-projects', '`projects` given twice, first `flask` then `sampleproject`: Python keeps the last value, so Warehouse and pypitoken would accept it here.', ['LPNAME-1', 'JSON-5'], '{"permissions":{"projects":["flask"],"projects":["sampleproject"]},"version":1}', MALFORMED, ['DuplicateKey']),

      // Near misses (CTX-3).
      ...nearMissFamily(LPNAME_RULE),

      // CAV-12: members of two legacy forms.
      ...mixedFormVectors('legacy-project-names'),

      // Restrict.
      restrict('restrict-legacy-names', 'A `legacy_project_names` restriction appends `{"permissions":{"projects":["sampleproject"]},"version":1}`.', ['RESTRICT-1', 'LPNAME-1'], ['sampleproject'], { caveats: [{ permissions: { projects: ['sampleproject'] }, version: 1 }] }),
      restrict('restrict-normalises-name', '`My_Pkg.Name` is written PEP 503-normalised as `my-pkg-name` (pypitoken writes names as given).', ['RESTRICT-2', 'LPNAME-2'], ['My_Pkg.Name'], { caveats: [{ permissions: { projects: ['my-pkg-name'] }, version: 1 }] }, ['RestrictNormalization']),
      restrict('restrict-refuses-empty-list', 'An empty name list is refused: the token could never be used.', ['RESTRICT-5'], [], REFUSED, ['EmptyList']),
      restrict('restrict-refuses-invalid-name', '`-bad-` is not a valid project name.', ['RESTRICT-2'], ['-bad-'], REFUSED),
    ],
  )
}
