/** Vectors for tag 1, `[1, [name, …]]` (spec/caveats/project-names.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, PROJECT, restrictVector, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const

/** Projects whose display name differs from the PEP 503 normalised one, and pypitoken's §5 project. */
const FOO_BAR = { name: 'Foo_Bar', normalized_name: 'foo-bar', id: '3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f' }
const MY_PKG = { name: 'My_Pkg', normalized_name: 'my-pkg', id: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }
const REQUESTS = { name: 'requests', normalized_name: 'requests', id: '00000000-0000-0000-0000-000000000001' }

const on = (project: VerifyContext['project']) => userContext({ project })

/** One verify vector for a single caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `project-names::${id}`, description, spec, flags, token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], restrictions: Record<string, unknown>[], expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `project-names::${id}`, description, spec, flags, token: token(), restrictions, expect })

/** PNAME-3: each listed name against the request's normalised project name. */
const PNAME_RULE: NearMissRule = {
  spec: 'PNAME-3',
  topic: 'project-names',
  compared: 'project.normalized_name',
  caveat: (allowed) => `[1,${JSON.stringify([allowed])}]`,
  context: (compared) => userContext({ project: { ...PROJECT, name: compared, normalized_name: compared } }),
}

export function build() {
  return vectorFile(
    {
      topic: 'project-names',
      title: 'Tag 1: project names',
      description:
        '`[1, [name, …]]`: valid only on a project whose PEP 503 normalised name (`context.project.normalized_name`) is one of the listed strings, compared code unit for code unit. Unless said otherwise the request is by USER on SampleProject (`sampleproject`) at T0 + 10.',
      generator: 'scripts/vectors/caveats/project-names.ts',
      sources: [
        'warehouse.md §2.2 (ProjectName), §3 (deserialisation table), §5.1 (test_caveats.py)',
        'pypitoken.md §2.1–2.4 (ProjectNamesRestriction, observed load results), §4 (test_restrictions.py), §5.3–5.4',
      ],
    },
    [
      // Valid.
      check('single-name', 'The caveat lists exactly the normalised name of the project the request acts on.', ['PNAME-1', 'PNAME-3'], '[1,["sampleproject"]]', 'valid'),
      check('second-of-two-names', 'The project is the second of two listed names (Warehouse: `ProjectName(["foo","bar"])` takes a list).', ['PNAME-3'], '[1,["flask","sampleproject"]]', 'valid'),
      check('display-name-irrelevant', 'On project `My_Pkg` (normalised `my-pkg`), `[1,["my-pkg"]]` holds: only the normalised name is compared.', ['PNAME-3'], '[1,["my-pkg"]]', 'valid', ['NameNormalization'], on(MY_PKG)),
      check('pypitoken-spacing', "pypitoken's own bytes `[1, [\"requests\", \"my-pkg\"]]` (its §5.3 names token) on project `requests`: JSON whitespace is allowed.", ['PNAME-3', 'JSON-3'], '[1, ["requests", "my-pkg"]]', 'valid', ['JsonWhitespace'], on(REQUESTS)),
      check('whitespace-everywhere', 'Spaces, a tab and a newline between every token of the JSON text are allowed (Warehouse and pypitoken parse with `json.loads`).', ['JSON-3'], '[ 1 ,\n\t[ "sampleproject" ] ]', 'valid', ['JsonWhitespace']),
      check('surrounding-whitespace', 'Whitespace before and after the JSON value is allowed.', ['JSON-3'], ' [1,["sampleproject"]]\r\n', 'valid', ['JsonWhitespace']),
      check('escaped-character', 'A name spelled with a JSON escape (`\\u0073ampleproject`) is the string `sampleproject` once parsed, so it matches.', ['PNAME-3', 'JSON-3'], '[1,["\\u0073ampleproject"]]', 'valid'),

      // Not satisfied: wrong value.
      check('other-project', 'The caveat names only `flask` and the request acts on `sampleproject`.', ['PNAME-3'], '[1,["flask"]]', NS),
      check('display-name-in-caveat', '`SampleProject` (the display name) never matches `sampleproject`: names are not normalised at verify time (Warehouse: not valid; pypitoken refuses to load the upper-case name).', ['PNAME-3'], '[1,["SampleProject"]]', NS, ['NameNormalization']),
      check('unnormalised-foo-bar', '`Foo_Bar` in a caveat never matches project `Foo_Bar`, whose normalised name is `foo-bar` (Warehouse: not valid; pypitoken refuses to load it).', ['PNAME-1', 'PNAME-3'], '[1,["Foo_Bar"]]', NS, ['NameNormalization'], on(FOO_BAR)),
      check('underscore-not-hyphen', '`foo_bar` is one character away from `foo-bar` and does not match it (pypitoken refuses to load `_`).', ['PNAME-3'], '[1,["foo_bar"]]', NS, ['NameNormalization'], on(FOO_BAR)),
      check('trailing-newline-name', '`requests\\n` (a JSON-escaped newline) never matches `requests`; pypitoken loads it, because its regex `$` matches before a final newline, and then fails the check.', ['PNAME-1', 'PNAME-3'], '[1,["requests\\n"]]', NS, ['NameNormalization'], on(REQUESTS)),
      check('trailing-space-name', '`sampleproject ` with a trailing space does not match (pypitoken refuses to load it).', ['PNAME-3'], '[1,["sampleproject "]]', NS),
      check('truncated-name', '`sampleprojec`, a prefix of the project name, does not match.', ['PNAME-3'], '[1,["sampleprojec"]]', NS),
      check('homoglyph-name', 'A Cyrillic `е` (U+0435) in place of the Latin `e` does not match: comparison is by code unit (pypitoken refuses to load it).', ['PNAME-1', 'PNAME-3'], '[1,["sampleproj\u0435ct"]]', NS),
      check('long-s-name', '`ſampleproject` with a long s (U+017F), whose upper case is `S`: a verifier that compares upper-cased or case-folded strings would match it (CTX-3).', ['PNAME-3', 'CTX-3'], '[1,["\u017fampleproject"]]', NS, ['NameNormalization']),
      check('ligature-name', '`ﬂask` with the ligature U+FB02, which NFKC maps to `fl`, on project flask: no match (CTX-3).', ['PNAME-3', 'CTX-3'], '[1,["\ufb02ask"]]', NS, ['NameNormalization'], on({ name: 'flask', normalized_name: 'flask', id: '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76' })),
      check('empty-string-name', 'The empty string is a well-formed name that matches no project (pypitoken refuses to load it).', ['PNAME-1', 'PNAME-3'], '[1,[""]]', NS),
      check('empty-list', '`[1,[]]` is well-formed and never holds (Warehouse and pypitoken load it and fail the check).', ['PNAME-2'], '[1,[]]', NS, ['EmptyList']),

      // Not satisfied: the request acts on no project.
      verifyVector({
        id: 'project-names::no-project',
        description: 'A request with nothing but the time acts on no project (Warehouse: "project-scoped token used outside of a project context"; pypitoken: MissingContextError).',
        spec: ['PNAME-4', 'VERIFY-2'],
        flags: ['MissingContext'],
        token: token({ caveats: ['[1,["sampleproject"]]'] }),
        context: emptyContext(),
        expect: NS,
      }),
      check('user-request-without-project', 'A request authenticated by USER but acting on no project does not satisfy the caveat.', ['PNAME-4', 'VERIFY-2'], '[1,["sampleproject"]]', NS, ['MissingContext'], on(null)),
      check('empty-list-without-project', 'An empty list with no project in the request: not satisfied either way.', ['PNAME-2', 'PNAME-4', 'VERIFY-2'], '[1,[]]', NS, ['EmptyList', 'MissingContext'], on(null)),

      // Malformed.
      check('names-as-string', '`[1,"sampleproject"]`: the names must be an array, not a string (Warehouse: "invalid values for fields"; pypitoken: no matching restriction).', ['PNAME-1', 'CAV-8'], '[1,"sampleproject"]', MALFORMED),
      check('non-string-name', 'A number among the names (`[1,["sampleproject",1]]`; Warehouse: "invalid values for fields").', ['PNAME-1', 'CAV-8'], '[1,["sampleproject",1]]', MALFORMED),
      check('null-names', '`[1,null]`: null is not an array of names (Warehouse: "invalid values for fields").', ['PNAME-1', 'CAV-8'], '[1,null]', MALFORMED),
      check('nested-names', 'An array of arrays where an array of strings belongs.', ['PNAME-1', 'CAV-8'], '[1,[["sampleproject"]]]', MALFORMED),
      check('names-as-object', 'An object where the array of names belongs.', ['PNAME-1', 'CAV-8'], '[1,{"sampleproject":true}]', MALFORMED),
      check('names-missing', '`[1]` lacks the names, which have no default (Warehouse: "Not enough values").', ['CAV-6'], '[1]', MALFORMED),
      check('trailing-list', '`[1,["sampleproject"],["sampleproject"]]` (pypitoken\'s fail list): Warehouse ignores the third element and accepts, pypitoken rejects, a verifier must reject.', ['CAV-6'], '[1,["sampleproject"],["sampleproject"]]', MALFORMED, ['TrailingElements']),
      check('trailing-null', 'A trailing null after the names (Warehouse ignores it).', ['CAV-6'], '[1,["sampleproject"],null]', MALFORMED, ['TrailingElements']),
      check('tag-true', '`[true,["sampleproject"]]` on sampleproject: `true` is not a tag (CAV-3); Warehouse reads it as tag 1 through Python equality and enforces the names, which hold here, so accepting is harmless (D11; pypitoken rejects it).', ['CAV-3'], '[true,["sampleproject"]]', { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      check('tag-true-other-project', '`[true,["flask"]]` on sampleproject: malformed, or read as tag 1 and then not satisfied; a lenient reading must never let it hold (D11).', ['CAV-3', 'PNAME-3'], '[true,["flask"]]', { invalid: 'CAVEAT_MALFORMED', also: ['CAVEAT_NOT_SATISFIED'] }, ['TagTyping']),
      check('tag-float', '`[1.0,["sampleproject"]]`: `1.0` is not an integer tag; Warehouse and pypitoken read it as tag 1 and enforce it (D11).', ['CAV-3', 'JSON-4'], '[1.0,["sampleproject"]]', { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      check('tag-string', '`["1",["sampleproject"]]`: a string is not a tag (Warehouse: "caveat has unknown tag: 1").', ['CAV-3'], '["1",["sampleproject"]]', MALFORMED, ['TagTyping']),
      check('lone-surrogate-name', 'A name that is the lone surrogate escape `\\ud800` breaks JSON-6 (Warehouse parses it and matches nothing; pypitoken refuses to load it).', ['JSON-6'], '[1,["\\ud800"]]', MALFORMED, ['LoneSurrogate']),

      // Near misses (CTX-3).
      ...nearMissFamily(PNAME_RULE),

      // Restrict.
      restrict('restrict-name', 'Restricting to `sampleproject` appends `[1,["sampleproject"]]`.', ['RESTRICT-1', 'PNAME-1'], [{ type: 'project_names', names: ['sampleproject'] }], { caveats: [[1, ['sampleproject']]] }),
      restrict('restrict-normalises-name', '`My_Pkg.Name` is written PEP 503-normalised as `my-pkg-name` (pypitoken writes names as given).', ['RESTRICT-2', 'PNAME-3'], [{ type: 'project_names', names: ['My_Pkg.Name'] }], { caveats: [[1, ['my-pkg-name']]] }, ['RestrictNormalization']),
      restrict('restrict-normalises-separator-run', 'A run of separators `-_.` collapses to one `-`: `Foo-_.Bar` is written `foo-bar`.', ['RESTRICT-2'], [{ type: 'project_names', names: ['Foo-_.Bar'] }], { caveats: [[1, ['foo-bar']]] }, ['RestrictNormalization']),
      restrict('restrict-several-names', 'Several names become one caveat, in the order given, each normalised: `SampleProject`, `Flask` → `[1,["sampleproject","flask"]]`.', ['RESTRICT-1', 'RESTRICT-2'], [{ type: 'project_names', names: ['SampleProject', 'Flask'] }], { caveats: [[1, ['sampleproject', 'flask']]] }, ['RestrictNormalization']),
      restrictVector({
        id: 'project-names::restrict-two-restrictions',
        description: 'Two restrictions on a token that already lists two projects append two caveats, in order, after the existing one.',
        spec: ['RESTRICT-1'],
        token: token({ caveats: ['[1,["sampleproject","flask"]]'] }),
        restrictions: [{ type: 'project_names', names: ['flask'] }, { type: 'project_names', names: ['sampleproject'] }],
        expect: { caveats: [[1, ['flask']], [1, ['sampleproject']]] },
      }),
      restrict('restrict-refuses-empty-list', 'An empty name list is refused: the token could never be used (pypitoken writes `[1, []]`).', ['RESTRICT-5'], [{ type: 'project_names', names: [] }], REFUSED, ['EmptyList']),
      restrict('restrict-refuses-leading-hyphen', '`-bad-` is not a valid project name (it must start and end with a letter or digit).', ['RESTRICT-2'], [{ type: 'project_names', names: ['-bad-'] }], REFUSED),
      restrict('restrict-refuses-space', '`my pkg` is not a valid project name.', ['RESTRICT-2'], [{ type: 'project_names', names: ['my pkg'] }], REFUSED),
      restrict('restrict-refuses-trailing-newline', '`requests\\n` is not a valid project name.', ['RESTRICT-2'], [{ type: 'project_names', names: ['requests\n'] }], REFUSED, ['NameNormalization']),
      restrict('restrict-refuses-empty-name', 'The empty string is not a valid project name.', ['RESTRICT-2'], [{ type: 'project_names', names: ['sampleproject', ''] }], REFUSED),
    ],
  )
}
