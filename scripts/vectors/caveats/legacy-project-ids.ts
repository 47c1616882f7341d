/** Vectors for the legacy project-ids caveat `{"project_ids": [id, …]}` (spec/caveats/legacy-project-ids.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, OTHER_PROJECT, PROJECT, restrictVector, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'
import { mixedFormVectors } from '../legacy-mixed-forms.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const
const ID = PROJECT.id
const OTHER_ID = OTHER_PROJECT.id
const CANONICAL = `{"project_ids":["${ID}"]}`
const FLAGS: Flag[] = ['LegacyForm', 'LegacyProjectIds']

/** One verify vector for a single legacy caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `legacy-project-ids::${id}`, description, spec, flags: [...FLAGS, ...flags], token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], ids: string[], expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `legacy-project-ids::${id}`, description, spec, flags: [...FLAGS, ...flags], token: token(), restrictions: [{ type: 'legacy_project_ids', ids }], expect })

/** LPID-2: PID-3's comparison, in the legacy form. */
const LPID_RULE: NearMissRule = {
  spec: 'LPID-2',
  topic: 'legacy-project-ids',
  compared: 'project.id',
  flags: FLAGS,
  cites: ['PID-3'],
  caveat: (allowed) => JSON.stringify({ project_ids: [allowed] }),
  context: (compared) => userContext({ project: { ...PROJECT, id: compared } }),
}

export function build() {
  return vectorFile(
    {
      topic: 'legacy-project-ids',
      title: 'Legacy project-ids caveat',
      description: `\`{"project_ids": [id, …]}\`, added to project-scoped tokens by Warehouse in July 2022 (#11857): exactly this one member, holding when \`[2, project_ids]\` would. pypitoken 7.1.1 does not know the form and rejects every token in this file. Unless said otherwise the request is by USER on SampleProject (id \`${ID}\`) at T0 + 10.`,
      generator: 'scripts/vectors/caveats/legacy-project-ids.ts',
      sources: ['warehouse.md §1.3–1.4 (2022 project tokens), §2.3 (legacy adapter), §3, §5.1 (test_caveats.py)', 'pypitoken.md §2.4 (`{"project_ids": [...]}` does not load), §7'],
    },
    [
      // Valid.
      check('single-id', 'The canonical serialisation listing the id of the project the request acts on; pypitoken rejects it (unknown form).', ['LPID-1', 'LPID-2', 'PID-3'], CANONICAL, 'valid'),
      check('second-of-two-ids', 'The project id is the second of two listed ids; pypitoken rejects it (unknown form).', ['LPID-2', 'PID-3'], `{"project_ids":["${OTHER_ID}","${ID}"]}`, 'valid'),
      check('spaced-json', 'The 2022 Warehouse spelling with a space, `{"project_ids": ["<id>"]}`; pypitoken rejects it (unknown form).', ['LPID-1', 'JSON-3'], `{"project_ids": ["${ID}"]}`, 'valid', ['JsonWhitespace']),
      check('non-uuid-ids-well-formed', "Warehouse's test values `123uuid` and `456uuid` beside the project's id: strings that are not UUIDs are well-formed (they can never match a context, whose ids are UUIDs, CTX-1), and the project's id matches; pypitoken rejects it (unknown form).", ['LPID-1', 'LPID-2', 'PID-1'], `{"project_ids": ["123uuid", "456uuid", "${ID}"]}`, 'valid', ['NonUuidId', 'JsonWhitespace']),
      verifyVector({
        id: 'legacy-project-ids::with-legacy-names',
        description: 'A 2022 project token carried the legacy names caveat and this one, both holding on SampleProject; pypitoken rejects it (unknown form).',
        spec: ['LPID-2', 'CAV-11'],
        flags: [...FLAGS, 'JsonWhitespace'],
        token: token({ caveats: ['{"permissions": {"projects": ["sampleproject"]}, "version": 1}', `{"project_ids": ["${ID}"]}`] }),
        context: userContext(),
        expect: 'valid',
      }),

      // Not satisfied.
      check('other-project', 'The caveat lists only the id of Flask and the request acts on SampleProject.', ['LPID-2', 'PID-3'], `{"project_ids":["${OTHER_ID}"]}`, NS),
      check('upper-case-id', 'The project id in upper case never matches the lower-case context id.', ['LPID-2', 'PID-3'], `{"project_ids":["${ID.toUpperCase()}"]}`, NS, ['UuidCase']),
      check('empty-list', '`{"project_ids": []}` is well-formed and never holds (Warehouse accepts the empty list and fails the check).', ['LPID-2', 'PID-2'], '{"project_ids":[]}', NS, ['EmptyList']),
      verifyVector({
        id: 'legacy-project-ids::no-project',
        description: 'A request with nothing but the time acts on no project (Warehouse: "project-scoped token used outside of a project context").',
        spec: ['LPID-2', 'PID-4', 'VERIFY-2'],
        flags: [...FLAGS, 'MissingContext'],
        token: token({ caveats: [CANONICAL] }),
        context: emptyContext(),
        expect: NS,
      }),

      // Malformed.
      check('extra-key', 'An extra member `extra` that no caveat form defines: ignoring it drops no restriction, so Warehouse (which ignores it) and a strict verifier both conform (CAV-8, D14).', ['LPID-1', 'CAV-8'], `{"extra":"x","project_ids":["${ID}"]}`, { acceptable: 'CAVEAT_MALFORMED' }, ['LegacyExtraKeys']),
      check('ids-as-string', '`"project_ids": "<id>"`, a string instead of a list (Warehouse: "invalid values for fields").', ['LPID-1', 'CAV-8'], `{"project_ids":"${ID}"}`, MALFORMED),
      check('ids-null', '`"project_ids": null` (Warehouse: "invalid values for fields").', ['LPID-1', 'CAV-8'], '{"project_ids":null}', MALFORMED),
      check('integer-id', 'An integer among the ids.', ['LPID-1', 'CAV-8'], `{"project_ids":["${ID}",1]}`, MALFORMED),
      check('nested-ids', 'An array of arrays where an array of strings belongs.', ['LPID-1', 'CAV-8'], `{"project_ids":[["${ID}"]]}`, MALFORMED),
      check('duplicate-key', '`project_ids` given twice, Flask then SampleProject: Python keeps the last value, so Warehouse would accept it here.', ['LPID-1', 'JSON-5'], `{"project_ids":["${OTHER_ID}"],"project_ids":["${ID}"]}`, MALFORMED, ['DuplicateKey']),

      // Near misses (CTX-3).
      ...nearMissFamily(LPID_RULE),

      // CAV-12: members of two legacy forms.
      ...mixedFormVectors('legacy-project-ids'),

      // Restrict.
      restrict('restrict-legacy-ids', 'A `legacy_project_ids` restriction appends `{"project_ids":["<id>"]}`.', ['RESTRICT-1', 'LPID-1'], [ID], { caveats: [{ project_ids: [ID] }] }),
      restrict('restrict-lowercases-id', 'An upper-case UUID is written in lower case, so that the token can match.', ['RESTRICT-3', 'LPID-2'], [ID.toUpperCase()], { caveats: [{ project_ids: [ID] }] }, ['RestrictNormalization', 'UuidCase']),
      restrict('restrict-refuses-non-uuid', "`123uuid` (Warehouse's test value) is not a UUID: refused.", ['RESTRICT-3'], ['123uuid'], REFUSED, ['NonUuidId']),
      restrict('restrict-refuses-empty-list', 'An empty id list is refused: the token could never be used.', ['RESTRICT-5'], [], REFUSED, ['EmptyList']),
    ],
  )
}
