/**
 * Every flag a vector may carry, defined once: the class of defect a failure reveals and the
 * decision in spec/decisions.md it belongs to. A vector file's `notes` holds the flags it uses.
 */
import type { Note } from '../../src/generated/types.js'

const note = (bug_type: Note['bug_type'], decision: string, description: string): Note => ({ bug_type, description, decision: `spec/decisions.md#${decision}` })

export const FLAGS = {
  Base64Padding: note('MALLEABILITY', 'd1-base64-leniency', 'The body carries `=` padding. pymacaroons (so pypitoken and Warehouse) accepts it, so one token has several spellings; verifiers must reject it.'),
  Base64StandardAlphabet: note('MALLEABILITY', 'd1-base64-leniency', 'The body uses `+` or `/` from the standard base64 alphabet, which pymacaroons silently accepts.'),
  Base64TrailingBits: note('MALLEABILITY', 'd1-base64-leniency', 'The last character has non-zero unused bits: another spelling of the same bytes (warehouse issue #6265, "bit flip at end of token").'),
  Base64Junk: note('PARSER_DIFFERENTIAL', 'd1-base64-leniency', 'Characters outside the alphabet, which Python\'s non-strict decoder drops silently while counting them for padding.'),
  TokenWhitespace: note('ROBUSTNESS', 'd1-base64-leniency', 'Whitespace inside or around the token string: callers must trim input, verifiers must not.'),
  PrefixCase: note('INTEROP', 'd2-prefix', 'A prefix other than exactly `pypi`. Warehouse requires `pypi`; pypitoken accepts any prefix and leaves the check to callers.'),
  MacaroonV1: note('LEGACY', 'd3-binary-strictness', 'A V1 (hex-length packet) macaroon. pymacaroons loads it; Warehouse then fails with an uncaught error; PyPI never issued V1 tokens.'),
  BinaryStrictness: note('MALLEABILITY', 'd3-binary-strictness', 'A binary layout pymacaroons tolerates (trailing bytes, any signature length, non-minimal varints): extra spellings of one macaroon.'),
  NonUtf8Identifier: note('PARSER_DIFFERENTIAL', 'd4-identifier', 'An identifier that is not UTF-8 cannot name a database row: Warehouse answers "Macaroon not found", pypitoken verifies it.'),
  ThirdPartyCaveat: note('DEFINED', 'd5-third-party-caveats', 'A third-party caveat: parsed, never satisfied (PyPI issues no discharge macaroons).'),
  NonUtf8Caveat: note('PARSER_DIFFERENTIAL', 'd6-caveat-bytes', 'Caveat bytes that are not UTF-8 (invalid sequences, overlongs, encoded surrogates).'),
  ByteOrderMark: note('PARSER_DIFFERENTIAL', 'd6-caveat-bytes', 'A UTF-8 byte-order mark before the JSON: not whitespace in JSON; Python rejects it in a str.'),
  PythonJsonExtension: note('PARSER_DIFFERENTIAL', 'd7-strict-json', '`NaN`, `Infinity` or other non-JSON that Python\'s json module accepts; in OIDC claims Warehouse then accepts the caveat.'),
  FloatNumber: note('PARSER_DIFFERENTIAL', 'd8-numbers', 'A number with a fraction or exponent (`50.0`, `1e3`). Warehouse (pydantic StrictInt) rejects it; pypitoken (jsonschema "integer") accepts integral floats; JSON.parse cannot tell them apart.'),
  HugeInteger: note('EDGE_CASE', 'd8-numbers', 'An integer beyond 2^53 or 2^63. Python compares it exactly; a verifier may instead reject it as malformed, but must never mis-compare it.'),
  DuplicateKey: note('PARSER_DIFFERENTIAL', 'd9-duplicate-json-keys', 'An object repeats a key. Python keeps the last value, other parsers the first: a classic parser differential; verifiers must reject.'),
  LoneSurrogate: note('PARSER_DIFFERENTIAL', 'd10-lone-surrogates', 'A `\\u` escape leaves a surrogate unpaired; not representable in UTF-8 strings.'),
  DeepNesting: note('ROBUSTNESS', 'd19-limits', 'Deeply nested JSON: verifiers may reject beyond a documented depth, and must not crash.'),
  JsonWhitespace: note('INTEROP', 'd7-strict-json', 'JSON whitespace or key order other than the canonical form (pypitoken writes `[1, ["a"]]`): verifiers must accept it.'),
  TagTyping: note('PARSER_DIFFERENTIAL', 'd11-tag-typing', 'A tag that is `true`, `1.0`, a string or null. Warehouse accepts `true`/`1.0` as tag 1 through Python equality.'),
  TrailingElements: note('AUTH_BYPASS', 'd12-arity', 'Extra trailing array elements. Warehouse ignores them, so a restriction added in a future field would be silently dropped by an older verifier; verifiers must reject (must-understand).'),
  UnknownTag: note('AUTH_BYPASS', 'd13-unknown-tags', 'A tag no verifier knows: accepting it would ignore a restriction the holder added.'),
  LegacyExtraKeys: note('AUTH_BYPASS', 'd14-legacy-objects', 'A legacy object with extra keys. Warehouse ignores them — `{"exp","nbf","project_ids"}` silently drops the project restriction; verifiers must reject.'),
  LegacyUserSemantics: note('AUTH_BYPASS', 'd15-the-legacy-user-caveat', '`{"version":1,"permissions":"user"}` means "a user must be authenticated" (Warehouse); pypitoken treats it as always satisfied.'),
  LegacyVersionTyping: note('PARSER_DIFFERENTIAL', 'd14-legacy-objects', '`"version": true` or `1.0`, which Python equality matches to 1.'),
  LegacyForm: note('LEGACY', 'd14-legacy-objects', 'A pre-2022 JSON-object caveat, still accepted by PyPI.'),
  EmptyList: note('EDGE_CASE', 'd16-empty-lists', 'An empty list of names or ids: well-formed, never satisfied.'),
  DuplicateCaveat: note('EDGE_CASE', 'd17-duplicate-caveats', 'The same caveat twice, or two caveats of one type: each is evaluated, all must hold.'),
  MissingContext: note('DEFINED', 'd18-missing-context', 'The request lacks what the caveat needs (no project, no user, no publisher): not satisfied.'),
  TimeBoundary: note('EDGE_CASE', 'd20-time', 'At or next to a window edge: not_before is inclusive, expires_at exclusive, whole seconds, no leeway.'),
  ExpiryFirst: note('KNOWN_BUG', 'd20-time', 'Tag 0 is [0, expires_at, not_before], expiry first; pypitoken 6.0.0–6.0.1 wrote them reversed (pypitoken #157).'),
  NameNormalization: note('INTEROP', 'd21-names-and-ids', 'Caveat names are compared exactly with the PEP 503 normalized name; an unnormalized name never matches. pypitoken refuses to load it instead.'),
  UuidCase: note('INTEROP', 'd21-names-and-ids', 'Ids are compared exactly; an upper-case UUID never matches a lower-case one.'),
  NonUuidId: note('INTEROP', 'd21-names-and-ids', 'An id that is not a UUID: Warehouse compares any string; pypitoken refuses to load it.'),
  UnsignedCaveat: note('MALLEABILITY', 'd23-signature-before-caveats', 'A caveat appended without extending the chain. pymacaroons only extends the chain for caveats the callback accepts, so when the unsigned caveat fails the signature still matches and pypitoken (and Warehouse) accept the token.'),
  LocationUnchecked: note('DEFINED', 'd22-location', 'The location is not signed and never checked.'),
  FailureOracle: note('INFORMATION_LEAK', 'd23-signature-before-caveats', 'A bad signature and a failing caveat together. Warehouse and pypitoken report the caveat, leaking why a forged token would fail; verifiers must report the signature.'),
  MultipleFailures: note('KNOWN_BUG', 'd24-several-failing-caveats', 'Several caveats fail at once. pypitoken 7.1.1 raises a bare ValueError here.'),
  ReasonPrecedence: note('DEFINED', 'd24-several-failing-caveats', 'The reported reason is the highest-precedence one (REASON-2), whatever the caveat order.'),
  TokenSize: note('ROBUSTNESS', 'd19-limits', 'A token near or over the size limits.'),
  OidcTag: note('INTEROP', 'd25-trusted-publishing-tag-4', 'Tag 4 (Trusted Publishing). pypitoken 7.1.1 does not know it (pypitoken #132).'),
  OidcClaims: note('LEGACY', 'd25-trusted-publishing-tag-4', 'The deprecated claims element of tag 4: optional, object or null, never interpreted.'),
  LegacyProjectIds: note('LEGACY', 'd14-legacy-objects', '`{"project_ids": [...]}`: accepted by Warehouse, unknown to pypitoken.'),
  CanonicalEncoding: note('INTEROP', 'd26-canonical-caveats', 'Byte-exact output: the token pymacaroons, pypitoken and Warehouse produce for the same inputs.'),
  EmptyKey: note('KNOWN_BUG', 'd27-keys', 'An empty root key: pymacaroons skips signing, so the token carries no usable signature.'),
  NearMiss: note('AUTH_BYPASS', 'd21-names-and-ids', 'One of a family of values that differ from the matching one by a prefix, suffix, substring, the empty string, case, whitespace, one character, a compatibility spelling or a trailing U+0000 (CTX-3). A verifier that accepts one matches inexactly, and some caveat it enforces can be satisfied by a request it was not meant for.'),
  RestrictNormalization: note('INTEROP', 'd21-names-and-ids', 'A restricter must write names in PEP 503 form and ids as lowercase UUIDs, or the token can never be used.'),
  RecordedToken: note('DEFINED', 'd0-sources', 'A literal token recorded from pymacaroons, pypitoken or Warehouse, with its documented outcome.'),
} as const satisfies Record<string, Note>

export type Flag = keyof typeof FLAGS
