/** Vectors for tag 4, `[4, publisher_id]` / `[4, publisher_id, claims | null]` (spec/caveats/oidc-publisher.md). */
import type { VerifyContext } from '../../../src/index.js'
import { emptyContext, OTHER_PROJECT, OTHER_PUBLISHER, PROJECT, PUBLISHER, publisherContext, restrictVector, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { nearMissFamily, type NearMissRule } from '../near-miss-vectors.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const
const P = `"${PUBLISHER}"`
const CLAIMS = `{"iat":${T0},"ref":"refs/heads/main","repository":"octo/sample","sub":"repo:octo/sample:ref:refs/heads/main"}`

/** One verify vector for a single tag-4 caveat (default: a Trusted Publishing request by PUBLISHER on PROJECT). */
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = publisherContext()) =>
  verifyVector({ id: `oidc-publisher::${id}`, description, spec, flags: ['OidcTag', ...flags], token: token({ caveats: [caveat] }), context, expect })

/** One restrict vector on a caveat-free token. */
const restrict = (id: string, description: string, spec: string[], restriction: Record<string, unknown>, expect: { caveats: unknown[] } | { invalid: 'INVALID_ARGUMENT' }, flags: Flag[] = []) =>
  restrictVector({ id: `oidc-publisher::${id}`, description, spec, flags: ['OidcTag', ...flags], token: token(), restrictions: [{ type: 'oidc_publisher', ...restriction }], expect })

/** OIDC-4: the caveat's publisher id against the request's publisher id. */
const OIDC4_RULE: NearMissRule = {
  spec: 'OIDC-4',
  topic: 'oidc-publisher',
  compared: 'oidc_publisher.id',
  flags: ['OidcTag'],
  caveat: (allowed) => `[4,${JSON.stringify(allowed)},null]`,
  context: (compared) => publisherContext({ oidc_publisher: { id: compared, project_ids: [PROJECT.id] } }),
}

/** OIDC-5: each project the publisher is registered to against the request's project id. */
const OIDC5_RULE: NearMissRule = {
  spec: 'OIDC-5',
  topic: 'oidc-publisher',
  compared: 'project.id',
  flags: ['OidcTag'],
  caveat: () => `[4,${P},null]`,
  context: (compared, allowed) => publisherContext({ project: { ...PROJECT, id: compared }, oidc_publisher: { id: PUBLISHER, project_ids: [allowed] } }),
}

export function build() {
  return vectorFile(
    {
      topic: 'oidc-publisher',
      title: 'Tag 4: OIDC publisher',
      description:
        '`[4, publisher_id]` or `[4, publisher_id, claims | null]`: valid only for a Trusted Publishing request by this publisher on a project the publisher is registered to; the deprecated claims are never interpreted. Unless said otherwise the request is by PUBLISHER, registered to SampleProject, on SampleProject at T0 + 10. pypitoken 7.1.1 does not know tag 4 and rejects every token in this file (pypitoken #132).',
      generator: 'scripts/vectors/caveats/oidc-publisher.ts',
      sources: [
        'warehouse.md §1.3 (Trusted Publishing tokens), §2.1–2.2 (OIDCPublisher), §3 (deserialisation table), §5.1 (test_caveats.py)',
        'pypitoken.md §2.4, §6.1 (#132: tag 4 unsupported)',
      ],
    },
    [
      // Valid.
      check('publisher-only', "`[4,id]` without claims (Warehouse's `[4,\"somepublisher\"]` test form) holds for its publisher; pypitoken rejects it (unknown tag).", ['OIDC-1', 'OIDC-3', 'OIDC-4', 'OIDC-5'], `[4,${P}]`, 'valid'),
      check('null-claims', '`[4,id,null]`, the form Warehouse mints today, is the same caveat as `[4,id]`; pypitoken rejects it (unknown tag).', ['OIDC-1'], `[4,${P},null]`, 'valid', ['OidcClaims']),
      check('claims-object', 'Claims as a JSON object of strings and integers (the #13668 form) are allowed and ignored; pypitoken rejects it (unknown tag).', ['OIDC-1', 'OIDC-2'], `[4,${P},${CLAIMS}]`, 'valid', ['OidcClaims']),
      check('empty-claims', 'An empty claims object is allowed; pypitoken rejects it (unknown tag).', ['OIDC-1'], `[4,${P},{}]`, 'valid', ['OidcClaims']),
      check('nested-claims', 'Claims holding an array, a nested object, a boolean and null are allowed; pypitoken rejects it (unknown tag).', ['OIDC-1', 'OIDC-2'], `[4,${P},{"aud":["pypi"],"extra":{"n":-1,"ok":true,"v":null}}]`, 'valid', ['OidcClaims']),
      check('claims-sha-ref-environment', 'Claims carrying `sha`, `ref` and `environment`, as GitHub\'s tokens do: still never interpreted; pypitoken rejects it (unknown tag).', ['OIDC-1', 'OIDC-2'], `[4,${P},{"environment":"release","ref":"refs/tags/v1.0","sha":"0123456789abcdef0123456789abcdef01234567"}]`, 'valid', ['OidcClaims']),
      check('claims-not-interpreted', 'Claims naming another repository do not matter: they are never interpreted; pypitoken rejects it (unknown tag).', ['OIDC-2'], `[4,${P},{"repository":"evil/other"}]`, 'valid', ['OidcClaims']),
      check('spaced-json', 'Python default spacing `[4, "<id>", null]` is allowed; pypitoken rejects it (unknown tag).', ['OIDC-1', 'JSON-3'], `[4, ${P}, null]`, 'valid', ['JsonWhitespace', 'OidcClaims']),
      check('publisher-on-second-project', 'The publisher is registered to Flask and SampleProject and acts on SampleProject; pypitoken rejects it (unknown tag).', ['OIDC-5'], `[4,${P},null]`, 'valid', [], publisherContext({ oidc_publisher: { id: PUBLISHER, project_ids: [OTHER_PROJECT.id, PROJECT.id] } })),
      verifyVector({
        id: 'oidc-publisher::warehouse-minted-shape',
        description: 'The three caveats Warehouse embeds in a Trusted Publishing token, `[4,id,null]`, `[2,[project id]]` and `[0,nbf+900,nbf]`, all hold inside the 15 minutes; pypitoken rejects it (unknown tag).',
        spec: ['OIDC-3', 'OIDC-4', 'OIDC-5', 'CAV-11'],
        flags: ['OidcTag', 'OidcClaims'],
        token: token({ caveats: [`[4,${P},null]`, `[2,["${PROJECT.id}"]]`, `[0,${T0 + 900},${T0}]`] }),
        context: publisherContext(),
        expect: 'valid',
      }),

      // Not satisfied: not a Trusted Publishing request (OIDC-3).
      check('user-request', 'A request authenticated by USER has no publisher (Warehouse: "OIDC scoped token used outside of an OIDC identified request").', ['OIDC-3', 'VERIFY-2'], `[4,${P},null]`, NS, ['MissingContext'], userContext()),
      verifyVector({
        id: 'oidc-publisher::empty-context',
        description: 'A request with nothing but the time has no publisher.',
        spec: ['OIDC-3', 'VERIFY-2'],
        flags: ['OidcTag', 'MissingContext'],
        token: token({ caveats: [`[4,${P},null]`] }),
        context: emptyContext(),
        expect: NS,
      }),
      // Not satisfied: another publisher (OIDC-4).
      check('other-publisher', 'The request is by OTHER_PUBLISHER, also registered to SampleProject (Warehouse: "current OIDC publisher does not match publisher restriction in token").', ['OIDC-4'], `[4,${P},null]`, NS, [], publisherContext({ oidc_publisher: { id: OTHER_PUBLISHER, project_ids: [PROJECT.id] } })),
      check('upper-case-publisher-id', "The publisher's id in upper case never matches: ids are compared exactly.", ['OIDC-4'], `[4,"${PUBLISHER.toUpperCase()}",null]`, NS, ['UuidCase']),
      // Not satisfied: no project, or a project the publisher is not registered to (OIDC-5).
      check('no-project', 'The publisher\'s request acts on no project (Warehouse: "OIDC scoped token used outside of a project context").', ['OIDC-5', 'VERIFY-2'], `[4,${P},null]`, NS, ['MissingContext'], publisherContext({ project: null })),
      check('project-not-registered', "The request acts on Flask, to which the publisher is not registered (Warehouse: \"OIDC scoped token is not valid for project 'Flask'\").", ['OIDC-5'], `[4,${P},null]`, NS, [], publisherContext({ project: OTHER_PROJECT })),
      check('publisher-registered-nowhere', 'The publisher is registered to no project at all, so no project can satisfy the caveat.', ['OIDC-5'], `[4,${P},null]`, NS, [], publisherContext({ oidc_publisher: { id: PUBLISHER, project_ids: [] } })),

      // Malformed.
      check('claims-string', 'Claims as a string (Warehouse observed: rejected, "invalid values for fields").', ['OIDC-1', 'CAV-8'], `[4,${P},"claims"]`, MALFORMED, ['OidcClaims']),
      check('claims-list', 'Claims as an empty list instead of an object.', ['OIDC-1', 'CAV-8'], `[4,${P},[]]`, MALFORMED, ['OidcClaims']),
      check('claims-integer', 'Claims as the integer 0.', ['OIDC-1', 'CAV-8'], `[4,${P},0]`, MALFORMED, ['OidcClaims']),
      check('float-in-claims', 'An integral float `1700000000.0` inside the claims breaks JSON-4, but claims are never read, so Warehouse accepting it (claims typed `dict[str, Any]`) changes no verdict (OIDC-2).', ['OIDC-2', 'JSON-4'], `[4,${P},{"iat":${T0}.0}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'FloatNumber', 'UnreadClaims']),
      check('exponent-in-nested-claims', 'An exponent number `1e3` nested in an array inside the claims: malformed, or accepted because claims are never read (OIDC-2; Warehouse accepts it).', ['OIDC-2', 'JSON-4'], `[4,${P},{"a":[1e3]}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'FloatNumber', 'UnreadClaims']),
      check('nan-in-claims', '`NaN` in the claims is not JSON; Python\'s json module parses it and Warehouse accepts the caveat, which changes no verdict since claims are never read (OIDC-2).', ['OIDC-2', 'JSON-3'], `[4,${P},{"iat":NaN}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'PythonJsonExtension', 'UnreadClaims']),
      check('infinity-in-claims', '`Infinity` in the claims is not JSON; Warehouse accepts the caveat, which changes no verdict (OIDC-2).', ['OIDC-2', 'JSON-3'], `[4,${P},{"exp":Infinity}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'PythonJsonExtension', 'UnreadClaims']),
      check('duplicate-key-in-claims', 'A claims object repeating `sub`: Python keeps the last value and Warehouse accepts it; no verifier reads `sub`, so no reading changes a verdict (OIDC-2).', ['OIDC-2', 'JSON-5'], `[4,${P},{"sub":"a","sub":"b"}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'DuplicateKey', 'UnreadClaims']),
      check('lone-surrogate-in-claims', 'A lone surrogate escape `\\udc00` in a claims string: malformed, or accepted because claims are never read (OIDC-2; Warehouse accepts it).', ['OIDC-2', 'JSON-6'], `[4,${P},{"sub":"\\udc00"}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['OidcClaims', 'LoneSurrogate', 'UnreadClaims']),
      check('four-elements', '`[4,id,null,null]`: a fourth element, which Warehouse ignores, makes it malformed.', ['CAV-6'], `[4,${P},null,null]`, MALFORMED, ['TrailingElements', 'OidcClaims']),
      check('four-elements-after-claims', 'A string after a claims object (Warehouse ignores it).', ['CAV-6'], `[4,${P},{},"extra"]`, MALFORMED, ['TrailingElements', 'OidcClaims']),
      check('publisher-id-missing', '`[4]` lacks the publisher id, which has no default (Warehouse: "Not enough values").', ['CAV-6'], '[4]', MALFORMED),
      check('integer-publisher-id', '`[4,5]`: the publisher id must be a string.', ['OIDC-1', 'CAV-8'], '[4,5]', MALFORMED),
      check('null-publisher-id', '`[4,null]`: null is not a publisher id.', ['OIDC-1', 'CAV-8'], '[4,null]', MALFORMED),
      check('tag-float', '`[4.0,id]`: `4.0` is not an integer tag, though Warehouse looks tags up by Python equality (observed accepting `1.0` as tag 1; it then enforces the caveat, which holds here (D11).', ['CAV-3', 'JSON-4'], `[4.0,${P}]`, { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),

      // Near misses (CTX-3).
      ...nearMissFamily(OIDC4_RULE),
      ...nearMissFamily(OIDC5_RULE),

      // Restrict.
      restrict('restrict-publisher', 'Restricting to PUBLISHER without claims writes the claims as null, `[4,"<id>",null]`, as Warehouse does.', ['RESTRICT-1', 'OIDC-1'], { publisher_id: PUBLISHER }, { caveats: [[4, PUBLISHER, null]] }, ['OidcClaims']),
      restrict('restrict-null-claims', 'Explicit null claims are written as null.', ['RESTRICT-1', 'OIDC-1'], { publisher_id: PUBLISHER, claims: null }, { caveats: [[4, PUBLISHER, null]] }, ['OidcClaims']),
      restrict('restrict-with-claims', 'A claims object is written as the third element.', ['RESTRICT-1', 'OIDC-1'], { publisher_id: PUBLISHER, claims: { sub: 'repo:octo/sample:ref:refs/heads/main' } }, { caveats: [[4, PUBLISHER, { sub: 'repo:octo/sample:ref:refs/heads/main' }]] }, ['OidcClaims']),
      restrict('restrict-lowercases-publisher-id', 'An upper-case publisher UUID is written in lower case.', ['RESTRICT-3'], { publisher_id: PUBLISHER.toUpperCase() }, { caveats: [[4, PUBLISHER, null]] }, ['RestrictNormalization', 'UuidCase', 'OidcClaims']),
      restrict('restrict-refuses-non-uuid', "`somepublisher` (Warehouse's test value) is not a UUID: refused.", ['RESTRICT-3'], { publisher_id: 'somepublisher' }, REFUSED, ['NonUuidId']),
    ],
  )
}
