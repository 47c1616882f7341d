/**
 * The recorded tokens of pypitoken.md §5.3 in the twelve contexts of its §5.4 table, with this
 * spec's expected results; where pypitoken's recorded outcome differs, the description says so.
 * Plus Warehouse's fixtures and a real, revoked 2019 token.
 */
import type { VerifyContext } from '../../src/index.js'
import { emptyContext, type ExpectedFailure, inspectVector, KEY_HEX, LOCATION, relocate, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import { PT, PYPITOKEN, REVOKED_2019, WH } from './recorded.js'

const project = (normalized_name: string, id = PT.projectId, name = normalized_name) => ({ name, normalized_name, id })
const FULL: VerifyContext = { now: PT.nbf + 10, project: project('requests'), user_id: PT.userId, oidc_publisher: null }

/** pypitoken.md §5.4's columns: [slug, context, description]. */
const COLUMNS: [string, VerifyContext, string][] = [
  ['full', FULL, 'the full context (requests, its id, the user, NBF+10)'],
  ['at-nbf', { ...FULL, now: PT.nbf }, 'now = NBF'],
  ['before-nbf', { ...FULL, now: PT.nbf - 1 }, 'now = NBF-1'],
  ['before-exp', { ...FULL, now: PT.exp - 1 }, 'now = EXP-1'],
  ['at-exp', { ...FULL, now: PT.exp }, 'now = EXP'],
  ['display-name-title-case', { ...FULL, project: project('requests', PT.projectId, 'Requests') }, 'the project displayed as `Requests` (normalised `requests`; pypitoken\'s table passed the display name itself, which no index does: CTX-1)'],
  ['name-my-pkg', { ...FULL, project: project('my-pkg') }, 'project my-pkg'],
  ['display-name-underscore', { ...FULL, project: project('my-pkg', PT.projectId, 'my_pkg') }, 'the project displayed as `my_pkg` (normalised `my-pkg`; pypitoken\'s table passed `my_pkg` itself)'],
  ['other-project-id', { ...FULL, project: project('requests', '0000000a-0000-0000-0000-00000000000b') }, 'another project id'],
  ['other-user', { ...FULL, user_id: '00000000-0000-0000-0000-000000000009' }, 'another user'],
  ['empty', emptyContext(1795631831), 'no project, no user, the wall clock when the table was recorded'],
  ['only-now', emptyContext(PT.nbf + 10), 'only now = NBF+10'],
]

const OK = 'valid' as const
const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
/** Expected per token and column; `pt` marks where pypitoken's recorded outcome differs. */
const TABLE: Record<string, { row: VerifyExpectation[]; pt?: Record<number, string>; spec: string[]; failures?: Record<number, number[]> }> = {
  base: { row: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK], spec: ['LAW-0'] },
  date: { row: [OK, OK, NS, OK, NS, OK, OK, OK, OK, OK, NS, OK], spec: ['EXP-3'] },
  names: { row: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NS, NS], spec: ['PNAME-3', 'PNAME-4'], pt: { 10: 'MissingContextError', 11: 'MissingContextError' } },
  ids: { row: [OK, OK, OK, OK, OK, OK, OK, OK, NS, OK, NS, NS], spec: ['PID-3', 'PID-4'], pt: { 10: 'MissingContextError', 11: 'MissingContextError' } },
  user: { row: [OK, OK, OK, OK, OK, OK, OK, OK, OK, NS, NS, NS], spec: ['USER-2', 'USER-3'], pt: { 10: 'MissingContextError', 11: 'MissingContextError' } },
  legacy_noop: { row: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, NS, NS], spec: ['LUSER-2'], pt: { 10: 'valid (no-op)', 11: 'valid (no-op)' } },
  legacy_names: { row: [OK, OK, OK, OK, OK, OK, NS, NS, OK, OK, NS, NS], spec: ['LPNAME-2'] },
  legacy_date: { row: [OK, OK, NS, OK, NS, OK, OK, OK, OK, OK, NS, OK], spec: ['LEXP-2'] },
  all: { row: [OK, OK, NS, OK, NS, OK, NS, NS, NS, NS, NS, NS], spec: ['VERIFY-5', 'CAV-11'], pt: { 2: 'ValueError', 4: 'ValueError', 6: 'ValueError', 7: 'ValueError', 10: 'ValueError', 11: 'ValueError' },
    // VERIFY-5: the `all` token's caveats are date, names, ids, user, legacy user, legacy names, legacy date.
    failures: { 2: [0, 6], 4: [0, 6], 6: [1, 5], 7: [1, 5], 10: [0, 1, 2, 3, 4, 5, 6], 11: [1, 2, 3, 4, 5] },
  },
}

export function build() {
  const table = Object.entries(TABLE).flatMap(([name, { row, pt, spec, failures }]) =>
    COLUMNS.map(([slug, context, what], i) =>
      verifyVector({
        id: `reference-tokens::pypitoken-${name.replace(/_/g, '-')}-${slug}`,
        description: `pypitoken's \`${name}\` token, ${what}.${pt?.[i] ? ` pypitoken 7.1.1 recorded: ${pt[i]}.` : ''}`,
        spec,
        flags: ['RecordedToken', ...(pt?.[i] === 'ValueError' ? (['MultipleFailures'] as const) : []), ...(name === 'legacy_noop' ? (['LegacyUserSemantics'] as const) : []), ...(slug.startsWith('empty') || slug === 'only-now' ? (['MissingContext'] as const) : [])],
        token: PYPITOKEN[name]!.token,
        context,
        expect: failures?.[i] === undefined ? (row[i] as VerifyExpectation) : { ...NS, failures: failures[i]!.map((index): ExpectedFailure => [index, 'CAVEAT_NOT_SATISFIED']) },
      }),
    ),
  )
  return vectorFile(
    {
      topic: 'reference-tokens',
      title: 'Recorded tokens',
      description: 'Tokens recorded from pypitoken 7.1.1 and Warehouse, checked in the contexts their behaviour was recorded in. Key: bytes 00…1f.',
      generator: 'scripts/vectors/reference-tokens.ts',
      sources: ['pypitoken.md §5.3–§5.5 (tokens, signatures and the §5.4 check table, recorded with pypitoken 7.1.1)', 'warehouse.md §1.2 and tests/unit/macaroons/test_services.py', 'warehouse #6265 (a revoked 2019 token)'],
    },
    [
      ...table,
      verifyVector({ id: 'reference-tokens::warehouse-project-own-project', description: 'Warehouse\'s project-scoped token on sampleproject.', spec: ['PNAME-3', 'PID-3'], flags: ['RecordedToken'], token: WH.project.token, key: KEY_HEX, context: { ...emptyContext(), project: { name: 'sampleproject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' } }, expect: 'valid' }),
      verifyVector({ id: 'reference-tokens::warehouse-project-wrong-project', description: 'The same token on `foobar` (Warehouse: "project-scoped token is not valid for project: \'foobar\'").', spec: ['PNAME-3'], flags: ['RecordedToken', 'MultipleFailures'], token: WH.project.token, key: KEY_HEX, context: { ...emptyContext(), project: { name: 'foobar', normalized_name: 'foobar', id: '00000000-0000-0000-0000-00000000000f' } }, expect: { ...NS, failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_NOT_SATISFIED']] } }),
      verifyVector({ id: 'reference-tokens::warehouse-user-own-user', description: 'Warehouse\'s user token for its user.', spec: ['USER-3'], flags: ['RecordedToken'], token: WH.user.token, key: KEY_HEX, context: { ...emptyContext(), user_id: 'a614e122-a9ee-473c-b6df-8c4f1b776628' }, expect: 'valid' }),
      verifyVector({ id: 'reference-tokens::warehouse-zero-caveat-fixture', description: 'Warehouse\'s zero-caveat test fixture, whose key is not public: not valid under the vector key.', spec: ['SIG-5'], flags: ['RecordedToken'], token: WH.zeroCaveats, key: KEY_HEX, context: emptyContext(), expect: { invalid: 'SIGNATURE_MISMATCH' } }),
      verifyVector({ id: 'reference-tokens::revoked-2019-colon-prefix', description: 'The revoked 2019 token with its original `pypi:` prefix (pypitoken: "Token is missing a prefix").', spec: ['TOKEN-2'], flags: ['RecordedToken', 'PrefixCase'], token: REVOKED_2019, key: KEY_HEX, context: emptyContext(), expect: { invalid: 'TOKEN_BAD_PREFIX' } }),
      verifyVector({ id: 'reference-tokens::revoked-2019-dash-prefix', description: 'The same with `pypi-`: well-formed, but signed with a key that is not the vector key.', spec: ['SIG-5'], flags: ['RecordedToken', 'LegacyForm'], token: 'pypi-' + REVOKED_2019.slice(5), key: KEY_HEX, context: emptyContext(), expect: { invalid: 'SIGNATURE_MISMATCH' } }),
      inspectVector({
        id: 'reference-tokens::inspect-revoked-2019',
        description: 'Inspecting the 2019 token (moved to the vector location): a legacy project caveat naming "undefined", in Python\'s default spacing and key order.',
        spec: ['TOKEN-8', 'CAV-7'],
        flags: ['RecordedToken', 'LegacyForm'],
        token: relocate('pypi-' + REVOKED_2019.slice(5)),
        expect: {
          prefix: 'pypi',
          location: LOCATION,
          identifier: '9b9ba6f4-c612-45ad-a9ca-b516c8979794',
          caveats: ['{"permissions": {"projects": ["undefined"]}, "version": 1}'],
          signature: '46b44e95e116bf3a88d59eafe4a23167a80f8c2ce3ff8bc697fdcbe9ae022723',
        },
      }),
    ],
  )
}
