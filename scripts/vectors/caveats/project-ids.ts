/** Vectors for tag 2, `[2, [id, …]]` (spec/caveats/project-ids.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, OTHER_PROJECT, PROJECT, restrictVector, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const

const ID = PROJECT.id
const OTHER_ID = OTHER_PROJECT.id
const UPPER_ID = ID.toUpperCase()

/** One verify vector for a single caveat (default: USER acting on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = userContext()) =>
  verifyVector({ id: `project-ids::${id}`, description, spec, flags, token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], ids: string[], expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `project-ids::${id}`, description, spec, flags, token: token(), restrictions: [{ type: 'project_ids', ids }], expect })

/** PID-3: each listed id against the request's project id. */
const PID_RULE: NearMissRule = {
  spec: 'PID-3',
  topic: 'project-ids',
  compared: 'project.id',
  caveat: (allowed) => `[2,${JSON.stringify([allowed])}]`,
  context: (compared) => userContext({ project: { ...PROJECT, id: compared } }),
}

export function build() {
  return vectorFile(
    {
      topic: 'project-ids',
      title: 'Tag 2: project ids',
      description: `\`[2, [id, …]]\`: valid only on a project whose id (\`context.project.id\`) is one of the listed strings, compared exactly and case-sensitively. Unless said otherwise the request is by USER on SampleProject (id \`${ID}\`) at T0 + 10.`,
      generator: 'scripts/vectors/caveats/project-ids.ts',
      sources: [
        'warehouse.md §2.2 (ProjectID), §3 (deserialisation table), §5.1 (test_caveats.py)',
        'pypitoken.md §2.1–2.4 (ProjectIDsRestriction, observed load results), §4 (test_restrictions.py), §5.3–5.5',
      ],
    },
    [
      // Valid.
      check('single-id', 'The caveat lists exactly the id of the project the request acts on.', ['PID-1', 'PID-3'], `[2,["${ID}"]]`, 'valid'),
      check('second-of-two-ids', 'The project id is the second of two listed ids.', ['PID-3'], `[2,["${OTHER_ID}","${ID}"]]`, 'valid'),
      check('pypitoken-spacing', 'pypitoken writes `[2, ["…"]]` with a space; JSON whitespace is allowed.', ['PID-3', 'JSON-3'], `[2, ["${ID}"]]`, 'valid', ['JsonWhitespace']),
      check('non-uuid-ids-well-formed', "Warehouse's test values `123uuid` and `456uuid` beside the project's id: any string is well-formed (pypitoken refuses to load non-UUID ids), a non-UUID entry can never match a context (CTX-1), and the project's id matches.", ['PID-1', 'PID-3'], `[2,["123uuid","456uuid","${ID}"]]`, 'valid', ['NonUuidId']),

      // Not satisfied: wrong value.
      check('other-project', 'The caveat lists only the id of Flask and the request acts on SampleProject.', ['PID-3'], `[2,["${OTHER_ID}"]]`, NS),
      check('upper-case-id', 'The project id in upper case never matches the lower-case context id (Warehouse: not valid; pypitoken refuses to load an upper-case UUID).', ['PID-3'], `[2,["${UPPER_ID}"]]`, NS, ['UuidCase']),
      check('one-letter-upper-case', 'Only the first hex letter upper-cased (`0B7e…`): still a different string, so not satisfied.', ['PID-3'], `[2,["${ID.replace('b', 'B')}"]]`, NS, ['UuidCase']),
      check('last-digit-differs', 'The last hex digit differs by one (`…5a12`).', ['PID-3'], `[2,["${ID.slice(0, -1)}2"]]`, NS),
      check('unhyphenated-id', 'The same UUID without hyphens is another string and does not match (Warehouse compares strings; pypitoken refuses to load it).', ['PID-1', 'PID-3'], `[2,["${ID.replaceAll('-', '')}"]]`, NS, ['NonUuidId']),
      check('trailing-space-id', 'The id followed by a space does not match.', ['PID-3'], `[2,["${ID} "]]`, NS),
      check('name-instead-of-id', 'The project name `sampleproject` in an id caveat never matches the id.', ['PID-1', 'PID-3'], '[2,["sampleproject"]]', NS, ['NonUuidId']),
      check('empty-list', '`[2,[]]` is well-formed and never holds (Warehouse and pypitoken load it and fail the check).', ['PID-2'], '[2,[]]', NS, ['EmptyList']),

      // Not satisfied: the request acts on no project.
      verifyVector({
        id: 'project-ids::no-project',
        description: 'A request with nothing but the time acts on no project (Warehouse: "project-scoped token used outside of a project context"; pypitoken: MissingContextError).',
        spec: ['PID-4', 'VERIFY-2'],
        flags: ['MissingContext'],
        token: token({ caveats: [`[2,["${ID}"]]`] }),
        context: emptyContext(),
        expect: NS,
      }),
      check('user-request-without-project', 'A request authenticated by USER but acting on no project does not satisfy the caveat.', ['PID-4', 'VERIFY-2'], `[2,["${ID}"]]`, NS, ['MissingContext'], userContext({ project: null })),

      // Malformed.
      check('ids-as-string', '`[2,"<id>"]`: the ids must be an array, not a string (pypitoken\'s fail list; Warehouse: "invalid values for fields").', ['PID-1', 'CAV-8'], `[2,"${ID}"]`, MALFORMED),
      check('integer-id', '`[2,[1]]`: an id must be a string.', ['PID-1', 'CAV-8'], '[2,[1]]', MALFORMED),
      check('id-and-integer', 'A valid id followed by an integer in the list.', ['PID-1', 'CAV-8'], `[2,["${ID}",1]]`, MALFORMED),
      check('null-ids', '`[2,null]`: null is not an array of ids.', ['PID-1', 'CAV-8'], '[2,null]', MALFORMED),
      check('nested-ids', 'An array of arrays where an array of strings belongs.', ['PID-1', 'CAV-8'], `[2,[["${ID}"]]]`, MALFORMED),
      check('ids-missing', '`[2]` lacks the ids, which have no default (Warehouse: "Not enough values").', ['CAV-6'], '[2]', MALFORMED),
      check('trailing-list', '`[2,[id],[id1]]` (pypitoken\'s fail list): Warehouse ignores the third element and accepts, a verifier must reject.', ['CAV-6'], `[2,["${ID}"],["${OTHER_ID}"]]`, MALFORMED, ['TrailingElements']),
      check('trailing-string', '`[2,[id],"extra"]`, which Warehouse observably accepts by ignoring the extra element.', ['CAV-6'], `[2,["${ID}"],"extra"]`, MALFORMED, ['TrailingElements']),
      check('tag-float', '`[2.0,[id]]`: `2.0` is not an integer tag, though Warehouse and pypitoken compare tags numerically (both observed accepting `1.0` as tag 1) and enforce it, which holds here, so accepting is harmless (D11).', ['CAV-3', 'JSON-4'], `[2.0,["${ID}"]]`, { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),

      // Near misses (CTX-3).
      ...nearMissFamily(PID_RULE),

      // Restrict.
      restrict('restrict-id', 'Restricting to the project id appends `[2,["<id>"]]`.', ['RESTRICT-1', 'PID-1'], [ID], { caveats: [[2, [ID]]] }),
      restrict('restrict-several-ids', 'Two ids become one caveat listing them in the order given.', ['RESTRICT-1'], [OTHER_ID, ID], { caveats: [[2, [OTHER_ID, ID]]] }),
      restrict('restrict-lowercases-id', 'An upper-case UUID is written in lower case, so that the token can match (pypitoken writes it as given, giving a token that never validates).', ['RESTRICT-3', 'PID-3'], [UPPER_ID], { caveats: [[2, [ID]]] }, ['RestrictNormalization', 'UuidCase']),
      restrict('restrict-refuses-non-uuid', "`123uuid` (Warehouse's test value) is not a UUID: refused.", ['RESTRICT-3'], ['123uuid'], REFUSED, ['NonUuidId']),
      restrict('restrict-refuses-one-non-uuid', 'One non-UUID among valid ids refuses the whole restriction.', ['RESTRICT-3'], [ID, 'sampleproject'], REFUSED, ['NonUuidId']),
      restrict('restrict-refuses-empty-list', 'An empty id list is refused: the token could never be used.', ['RESTRICT-5'], [], REFUSED, ['EmptyList']),
    ],
  )
}
