/**
 * Vectors for the order of the verification algorithm (spec/verification-algorithm.md): inputs
 * on which two steps fail, so that the reason pins which step comes first (ALG-1 … ALG-11).
 */
import { fromBytes, OTHER_KEY_HEX, publisherContext, PUBLISHER, signedBytes, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyContext } from '../../src/index.js'

const NAMES = '[1,["sampleproject"]]'
/** A names caveat of exactly `bytes` bytes that holds on sampleproject. */
const namesOfLength = (bytes: number) => `[1,["sampleproject","${'x'.repeat(bytes - 24)}"]]`
/** An identifier that is not UTF-8 (MAC-11). */
const NON_UTF8_ID = Uint8Array.from([0xff, 0xfe, 0x41])

const v = (id: string, description: string, spec: string[], t: string, expect: VerifyExpectation, flags: Flag[], extra: { key?: string; context?: VerifyContext } = {}) =>
  verifyVector({ id: `algorithm::${id}`, description, spec, flags, token: t, context: extra.context ?? userContext(), expect, ...(extra.key === undefined ? {} : { key: extra.key }) })

/** A correctly signed token with `caveats` and `trailing` bytes after the signature (MAC-9). */
function withTrailingBytes(caveats: string[], trailing: number[]): string {
  const s = signedBytes(caveats)
  return fromBytes([...s.header, ...s.caveats, ...s.signature, ...trailing])
}

/** An OIDC caveat whose claims nest `depth` levels in all, the innermost holding the integer 1. */
function claimsWithScalar(depth: number): string {
  return `[4,"${PUBLISHER}",${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}]`
}

export function build() {
  const tooLong = 'x'.repeat(70000)
  return vectorFile(
    {
      topic: 'algorithm',
      title: 'The order of verification',
      description: 'Inputs on which two steps of the verification algorithm fail: the reason is the earlier step\'s.',
      generator: 'scripts/vectors/algorithm.ts',
      sources: ['spec/verification-algorithm.md'],
    },
    [
      v('key-before-prefix', 'An empty key and a string that is no token: the call is refused before the token is read.', ['ALG-2', 'SIG-6', 'ALG-1'], 'not a token', { invalid: 'KEY_INVALID' }, ['StepPrecedence', 'EmptyKey'], { key: '' }),
      v('key-before-size', 'An empty key and a 70,000-character string: KEY_INVALID, not TOKEN_TOO_LARGE.', ['ALG-2', 'ALG-3'], tooLong, { invalid: 'KEY_INVALID' }, ['StepPrecedence', 'EmptyKey', 'TokenSize'], { key: '' }),
      v('key-before-signature', 'An empty key and a token signed with another key: KEY_INVALID.', ['ALG-2', 'ALG-9'], token({ caveats: [NAMES] }), { invalid: 'KEY_INVALID' }, ['StepPrecedence', 'EmptyKey'], { key: '' }),
      v('size-before-prefix', 'A 70,000-character string with no `-`: TOKEN_BAD_PREFIX, or TOKEN_TOO_LARGE from a verifier that limits size, which it measures first.', ['ALG-3', 'ALG-4', 'LIMIT-2'], tooLong, { invalid: 'TOKEN_BAD_PREFIX', also: ['TOKEN_TOO_LARGE'] }, ['StepPrecedence', 'TokenSize', 'SizeMeasure']),
      v('prefix-before-encoding', '`PyPI-` before a padded body: the prefix is checked first.', ['ALG-4', 'ALG-5', 'TOKEN-2'], `PyPI-${token({ caveats: [NAMES] }).slice(5)}==`, { invalid: 'TOKEN_BAD_PREFIX' }, ['StepPrecedence', 'PrefixCase']),
      v('encoding-before-binary', 'A padded body whose bytes are no macaroon either: TOKEN_BAD_ENCODING.', ['ALG-5', 'ALG-6', 'TOKEN-4'], 'pypi-AAAA==', { invalid: 'TOKEN_BAD_ENCODING' }, ['StepPrecedence', 'Base64Padding']),
      v('parse-before-caveat-count', '100 caveats and a trailing byte: the parse fails before caveats are counted, so MACAROON_MALFORMED and never TOKEN_TOO_LARGE.', ['ALG-6', 'ALG-7', 'MAC-9'], withTrailingBytes(Array(100).fill(NAMES), [0x00]), { invalid: 'MACAROON_MALFORMED' }, ['StepPrecedence', 'SizeMeasure', 'BinaryStrictness']),
      v('caveat-count-before-identifier', '65 caveats and an identifier that is not UTF-8: MACAROON_MALFORMED, or TOKEN_TOO_LARGE from a verifier that limits the caveats, which it counts first.', ['ALG-7', 'ALG-8', 'MAC-11', 'LIMIT-2'], token({ identifier: NON_UTF8_ID, caveats: Array(65).fill(NAMES) }), { invalid: 'MACAROON_MALFORMED', also: ['TOKEN_TOO_LARGE'] }, ['StepPrecedence', 'SizeMeasure', 'NonUtf8Identifier', 'TokenSize']),
      v('caveat-size-before-signature', 'A 4,097-byte caveat in a token signed with another key: SIGNATURE_MISMATCH, or TOKEN_TOO_LARGE from a verifier that limits caveat size, which it measures first.', ['ALG-7', 'ALG-9', 'LIMIT-3'], token({ caveats: [namesOfLength(4097)] }), { invalid: 'SIGNATURE_MISMATCH', also: ['TOKEN_TOO_LARGE'] }, ['StepPrecedence', 'SizeMeasure', 'TokenSize'], { key: OTHER_KEY_HEX }),
      v('identifier-before-signature', 'An identifier that is not UTF-8 in a token signed with another key: MACAROON_MALFORMED.', ['ALG-8', 'ALG-9', 'MAC-11'], token({ identifier: NON_UTF8_ID, caveats: [NAMES] }), { invalid: 'MACAROON_MALFORMED' }, ['StepPrecedence', 'NonUtf8Identifier'], { key: OTHER_KEY_HEX }),
      v('signature-before-unknown-tag', 'An unknown tag in a token signed with another key: SIGNATURE_MISMATCH alone.', ['ALG-9', 'VERIFY-4'], token({ caveats: ['[9,"future"]'] }), { invalid: 'SIGNATURE_MISMATCH' }, ['StepPrecedence', 'FailureOracle'], { key: OTHER_KEY_HEX }),
      v('signature-failure-reported-alone', 'Two failing caveats (another project, an unknown tag) in a token signed with another key: SIGNATURE_MISMATCH is the only failure, a token-level one (`index` null); no caveat is reported.', ['ALG-1', 'ALG-9', 'VERIFY-4', 'ADAPT-11'], token({ caveats: ['[1,["otherproject"]]', '[9,"future"]'] }), { invalid: 'SIGNATURE_MISMATCH', failures: [[null, 'SIGNATURE_MISMATCH']] }, ['StepPrecedence', 'FailureOracle'], { key: OTHER_KEY_HEX }),
      v('float-in-unknown-tag', '`[9,1.0]`: strict JSON (JSON-4) comes before the tag, so CAVEAT_MALFORMED, not CAVEAT_UNKNOWN.', ['ALG-10', 'JSON-4', 'CAV-5', 'VERIFY-5'], token({ caveats: ['[9,1.0]'] }), { invalid: 'CAVEAT_MALFORMED' }, ['StepPrecedence', 'FloatNumber', 'UnknownTag', 'FailureIndex']),
      v('unknown-tag-extra-elements', '`[9,1,2,3]`: an unknown tag has no schema, so its other elements are never checked: CAVEAT_UNKNOWN.', ['ALG-10', 'CAV-5', 'CAV-6'], token({ caveats: ['[9,1,2,3]'] }), { invalid: 'CAVEAT_UNKNOWN' }, ['StepPrecedence', 'UnknownTag', 'FailureIndex']),
      v('duplicate-key-before-shape', '`{"exp":1,"exp":2}`: the duplicate member (JSON-5) fails before the legacy form is recognised.', ['ALG-10', 'JSON-5'], token({ caveats: ['{"exp":1,"exp":2}'] }), { invalid: 'CAVEAT_MALFORMED' }, ['StepPrecedence', 'DuplicateKey']),
      v('depth-8-innermost-scalar', 'Claims nested to depth 8 counting the caveat array as 1, with a scalar innermost: a scalar adds no level (LIMIT-6), so within LIMIT-4\'s MUST.', ['LIMIT-6', 'LIMIT-4', 'ALG-10'], token({ caveats: [claimsWithScalar(8)] }), 'valid', ['SizeMeasure', 'DeepNesting', 'OidcTag', 'OidcClaims'], { context: publisherContext() }),
      v('astral-characters-not-too-large', '`pypi-` and 3,000 U+1F600: 3,005 code points (6,005 UTF-16 units, 12,005 bytes), within LIMIT-1 counted in code points (LIMIT-5), so TOKEN_BAD_ENCODING and never TOKEN_TOO_LARGE.', ['LIMIT-5', 'ALG-3', 'TOKEN-4'], `pypi-${'\u{1F600}'.repeat(3000)}`, { invalid: 'TOKEN_BAD_ENCODING' }, ['SizeMeasure', 'TokenSize']),
      v('astral-characters-beyond-65536-units', '`pypi-` and 33,000 U+1F600: 66,005 UTF-16 units but 33,005 code points (LIMIT-5), beyond LIMIT-1, so TOKEN_TOO_LARGE is allowed (LIMIT-8); a verifier that reads on finds TOKEN_BAD_ENCODING. Counting code points must end: each surrogate pair counts once.', ['LIMIT-5', 'LIMIT-2', 'LIMIT-8', 'ALG-3', 'TOKEN-4'], `pypi-${'\u{1F600}'.repeat(33000)}`, { invalid: 'TOKEN_BAD_ENCODING', also: ['TOKEN_TOO_LARGE'] }, ['SizeMeasure', 'TokenSize']),
      v('multibyte-characters-not-too-large', '`pypi-` and 3,000 `€`: 3,005 code points but 9,005 UTF-8 bytes; counted in code points it is within LIMIT-1: TOKEN_BAD_ENCODING.', ['LIMIT-5', 'ALG-3'], `pypi-${'€'.repeat(3000)}`, { invalid: 'TOKEN_BAD_ENCODING' }, ['SizeMeasure', 'TokenSize']),
    ],
  )
}

