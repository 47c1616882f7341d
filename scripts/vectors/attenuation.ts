/** Vectors for restricting tokens and verifying restricted tokens (spec/restricting.md, LAW-1). */
import { emptyContext, OTHER_PROJECT, OTHER_USER, PROJECT, PUBLISHER, publisherContext, restrictVector, T0, token, USER, userContext, vectorFile, verifyVector } from './builder.js'
import { PT, PYPITOKEN, PYPITOKEN_USER_THEN_NAMES, THIRD_PARTY } from './recorded.js'
import { restrictArgumentVectors } from './restrict-arguments.js'

const USER_TOKEN = token({ caveats: [`[3,"${USER}"]`] })
const r = (id: string, description: string, spec: string[], restrictions: Record<string, unknown>[], expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, t = USER_TOKEN) =>
  restrictVector({ id: `attenuation::${id}`, description, spec, token: t, restrictions, expect, flags: [] })

export function build() {
  const requests = { name: 'requests', normalized_name: 'requests', id: PT.projectId }
  return vectorFile(
    {
      topic: 'attenuation',
      title: 'Attenuation',
      description: 'Restricting without the key: what a restricter appends, what it refuses, and that the result allows exactly the intersection (LAW-1).',
      generator: 'scripts/vectors/attenuation.ts',
      sources: ['pypitoken 7.1.1 Token.restrict and its recorded output (pypitoken.md §5.5)', 'Warehouse caveats (serialize)'],
    },
    [
      r('append-in-order', 'Several restrictions are appended as one caveat each, in the order given (pypitoken reorders within one call).', ['RESTRICT-1'], [
        { type: 'project_names', names: ['sampleproject'] },
        { type: 'expiration', expires_at: T0 + 900, not_before: T0 },
        { type: 'user', user_id: USER },
      ], { caveats: [[1, ['sampleproject']], [0, T0 + 900, T0], [3, USER]] }),
      r('all-tagged-types', 'One of each tagged type.', ['RESTRICT-1', 'CAV-4'], [
        { type: 'expiration', expires_at: T0 + 900, not_before: T0 },
        { type: 'project_names', names: ['sampleproject'] },
        { type: 'project_ids', ids: [PROJECT.id] },
        { type: 'user', user_id: USER },
        { type: 'oidc_publisher', publisher_id: PUBLISHER },
      ], { caveats: [[0, T0 + 900, T0], [1, ['sampleproject']], [2, [PROJECT.id]], [3, USER], [4, PUBLISHER, null]] }),
      r('legacy-types', 'One of each legacy type (RESTRICT-6 allows them for testing).', ['RESTRICT-1', 'RESTRICT-6'], [
        { type: 'legacy_user' },
        { type: 'legacy_project_names', names: ['sampleproject'] },
        { type: 'legacy_expiration', expires_at: T0 + 900, not_before: T0 },
        { type: 'legacy_project_ids', ids: [PROJECT.id] },
      ], { caveats: [{ version: 1, permissions: 'user' }, { version: 1, permissions: { projects: ['sampleproject'] } }, { exp: T0 + 900, nbf: T0 }, { project_ids: [PROJECT.id] }] }),
      r('no-restrictions', 'An empty list appends nothing.', ['RESTRICT-1'], [], { caveats: [] }),
      r('keeps-existing-caveats', 'A token that already has three caveats keeps them.', ['RESTRICT-1'], [{ type: 'project_names', names: ['requests'] }], { caveats: [[1, ['requests']]] }, PYPITOKEN.date!.token),
      r('after-third-party', 'A token with a third-party caveat can still be restricted.', ['RESTRICT-1', 'SIG-3'], [{ type: 'user', user_id: PT.userId }], { caveats: [[3, PT.userId]] }, THIRD_PARTY),
      r('normalises-names', '`My_Pkg.Name` and `SampleProject` are written in PEP 503 form.', ['RESTRICT-2', 'PNAME-3'], [{ type: 'project_names', names: ['My_Pkg.Name', 'SampleProject'] }], { caveats: [[1, ['my-pkg-name', 'sampleproject']]] }),
      r('lowercases-ids', 'An upper-case project id is written in lower case.', ['RESTRICT-3', 'PID-3'], [{ type: 'project_ids', ids: [PROJECT.id.toUpperCase()] }], { caveats: [[2, [PROJECT.id]]] }),
      r('lowercases-user-id', 'An upper-case user id is written in lower case.', ['RESTRICT-3'], [{ type: 'user', user_id: USER.toUpperCase() }], { caveats: [[3, USER]] }),
      r('refuses-invalid-name', '`-bad-` is not a project name.', ['RESTRICT-2', 'RESTRICT-5'], [{ type: 'project_names', names: ['-bad-'] }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-name-with-space', '`a b` is not a project name.', ['RESTRICT-2'], [{ type: 'project_names', names: ['a b'] }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-non-uuid-id', '`123uuid` is not a UUID (Warehouse\'s unit tests use such ids in caveats; restricters must not write them).', ['RESTRICT-3'], [{ type: 'project_ids', ids: ['123uuid'] }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-non-uuid-user', '`a uuid` is not a UUID.', ['RESTRICT-3'], [{ type: 'user', user_id: 'a uuid' }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-empty-names', 'An empty name list.', ['RESTRICT-5'], [{ type: 'project_names', names: [] }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-empty-ids', 'An empty id list.', ['RESTRICT-5'], [{ type: 'project_ids', ids: [] }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-inverted-window', 'not_before after expires_at (pypitoken writes it).', ['RESTRICT-4'], [{ type: 'expiration', expires_at: T0, not_before: T0 + 900 }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-negative-time', 'A negative not_before.', ['RESTRICT-4'], [{ type: 'expiration', expires_at: T0, not_before: -1 }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-unknown-type', 'A restriction type this version does not define: INVALID_ARGUMENT, not `unsupported`.', ['RESTRICT-8', 'ADAPT-13'], [{ type: 'ip_range', cidr: '10.0.0.0/8' }], { invalid: 'INVALID_ARGUMENT' }),
      r('refuses-float-claims', 'OIDC claims holding a float: the restricter would write a caveat every verifier rejects.', ['RESTRICT-7', 'JSON-4'], [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: { iat: 1700000000.5 } }], { invalid: 'INVALID_ARGUMENT' }),
      r('keeps-name-order', 'Names keep their order and duplicates: not sorted, not deduplicated.', ['RESTRICT-1'], [{ type: 'project_names', names: ['sampleproject', 'flask', 'sampleproject'] }], { caveats: [[1, ['sampleproject', 'flask', 'sampleproject']]] }),
      r('refuses-later-invalid', 'A valid restriction followed by an invalid one: nothing is appended, the whole call is refused.', ['RESTRICT-5'], [{ type: 'user', user_id: USER }, { type: 'project_names', names: [] }], { invalid: 'INVALID_ARGUMENT' }),
      ...restrictArgumentVectors(),
      restrictVector({ id: 'attenuation::malformed-token', description: 'Restricting a token that does not parse gives the token\'s reason.', spec: ['RESTRICT-1', 'TOKEN-4'], flags: ['Base64Padding'], token: USER_TOKEN + '==', restrictions: [{ type: 'user', user_id: USER }], expect: { invalid: 'TOKEN_BAD_ENCODING' } }),
      verifyVector({ id: 'attenuation::recorded-narrowed-valid', description: 'pypitoken\'s recorded `user` token narrowed to requests (pypitoken.md §5.5): valid for requests and its user.', spec: ['LAW-1', 'SIG-3'], flags: ['RecordedToken', 'JsonWhitespace'], token: PYPITOKEN_USER_THEN_NAMES, context: userContext({ project: requests, user_id: PT.userId }), expect: 'valid' }),
      verifyVector({ id: 'attenuation::recorded-narrowed-other-project', description: 'The same token on flask.', spec: ['LAW-1'], flags: ['RecordedToken'], token: PYPITOKEN_USER_THEN_NAMES, context: userContext({ project: OTHER_PROJECT, user_id: PT.userId }), expect: { invalid: 'CAVEAT_NOT_SATISFIED' } }),
      verifyVector({ id: 'attenuation::recorded-narrowed-other-user', description: 'The same token for another user.', spec: ['LAW-1'], flags: ['RecordedToken'], token: PYPITOKEN_USER_THEN_NAMES, context: userContext({ project: requests, user_id: OTHER_USER }), expect: { invalid: 'CAVEAT_NOT_SATISFIED' } }),
      verifyVector({ id: 'attenuation::narrowed-oidc-token', description: 'A Trusted Publishing token narrowed again by its holder to a shorter window: the narrower window applies.', spec: ['LAW-1'], flags: ['OidcTag'], token: token({ caveats: [`[4,"${PUBLISHER}",null]`, `[2,["${PROJECT.id}"]]`, `[0,${T0 + 900},${T0}]`, `[0,${T0 + 60},${T0}]`] }), context: publisherContext({ now: T0 + 60 }), expect: { invalid: 'CAVEAT_NOT_SATISFIED' } }),
      verifyVector({ id: 'attenuation::narrowed-oidc-token-inside', description: 'The same token inside both windows.', spec: ['LAW-1'], flags: ['OidcTag'], token: token({ caveats: [`[4,"${PUBLISHER}",null]`, `[2,["${PROJECT.id}"]]`, `[0,${T0 + 900},${T0}]`, `[0,${T0 + 60},${T0}]`] }), context: publisherContext({ now: T0 + 59 }), expect: 'valid' }),
      verifyVector({ id: 'attenuation::unrestricted-base', description: 'The unrestricted token the vectors above start from is valid without a project.', spec: ['LAW-0'], token: USER_TOKEN, context: userContext({ project: null }), expect: 'valid' }),
      verifyVector({ id: 'attenuation::restricted-to-nothing', description: 'A token narrowed to two disjoint projects (a restricter would refuse `[]`, but two disjoint lists are as empty).', spec: ['LAW-1', 'CAV-11'], flags: ['DuplicateCaveat'], token: token({ caveats: ['[1,["sampleproject"]]', '[1,["flask"]]'] }), context: emptyContext(), expect: { invalid: 'CAVEAT_NOT_SATISFIED', failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_NOT_SATISFIED']] } }),
    ],
  )
}
