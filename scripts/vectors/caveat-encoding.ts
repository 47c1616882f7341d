/** Vectors for the bytes and JSON of a caveat (spec/caveat-encoding.md). */
import { fromBytes, OTHER_PROJECT, PROJECT, signedBytes, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'

const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const

/** A correctly signed token with exactly these caveat bytes, checked in a user context on PROJECT. */
function raw(bytes: Uint8Array | string): string {
  const s = signedBytes([bytes])
  return fromBytes([...s.header, ...s.caveats, ...s.signature])
}

const v = (id: string, description: string, spec: string[], caveat: Uint8Array | string, expect: VerifyExpectation, flags: Flag[] = [], project = PROJECT) =>
  verifyVector({ id: `caveat-encoding::${id}`, description, spec, flags, token: raw(caveat), context: userContext({ project }), expect })

const utf8 = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)))
/** A valid vector whose caveat names the request's user, `userId`. */
const user = (id: string, description: string, spec: string[], caveat: string, userId: string) =>
  verifyVector({ id: `caveat-encoding::${id}`, description, spec, flags: [], token: raw(caveat), context: userContext({ user_id: userId }), expect: 'valid' })

export function build() {
  return vectorFile(
    {
      topic: 'caveat-encoding',
      title: 'Caveat bytes and JSON',
      description: 'UTF-8, strict JSON, integers only, no duplicate keys, no lone surrogates. Most vectors use tag 1, `[1,["sampleproject"]]`, as the carrier; the context acts on sampleproject.',
      generator: 'scripts/vectors/caveat-encoding.ts',
      sources: ['Warehouse caveats/_core.py (deserialize) and the observed table of warehouse.md §3', 'pymacaroons 0.13.0 verifier (convert_to_string)', 'CPython 3.11 json module'],
    },
    [
      v('canonical', 'The canonical caveat.', ['JSON-1', 'JSON-3'], '[1,["sampleproject"]]', 'valid'),
      v('spaces-everywhere', 'Whitespace between every token.', ['JSON-3'], ' [ 1 , [ "sampleproject" ] ] ', 'valid', ['JsonWhitespace']),
      v('tabs-and-newlines', 'Tabs, CR and LF as whitespace.', ['JSON-3'], '\t[1,\r\n["sampleproject"]\n]\t', 'valid', ['JsonWhitespace']),
      user('non-ascii-user-id', 'A user id with non-ASCII letters, as raw UTF-8, matching the request\'s user id exactly (project names are ASCII, CTX-1, so user ids carry these cases).', ['JSON-1', 'USER-3'], '[3,"résumé"]', 'résumé'),
      user('escaped-non-ascii-user-id', 'The same user id with `\\u00e9` escapes: the same string.', ['JSON-1', 'JSON-3'], '[3,"r\\u00e9sum\\u00e9"]', 'résumé'),
      user('surrogate-pair-user-id', 'A correctly paired surrogate escape is one astral character.', ['JSON-6'], '[3,"\\ud83d\\ude00"]', '\u{1F600}'),
      user('escaped-slash-user-id', '`\\/` is `/`.', ['JSON-3'], '[3,"a\\/b"]', 'a/b'),
      v('invalid-utf8', 'A 0xff byte inside the name.', ['JSON-1'], utf8('[1,["sample', [0xff], 'project"]]'), MALFORMED, ['NonUtf8Caveat']),
      v('overlong-utf8', 'An overlong encoding of `/` (c0 af).', ['JSON-1'], utf8('[1,["a', [0xc0, 0xaf], 'b"]]'), MALFORMED, ['NonUtf8Caveat']),
      v('encoded-surrogate', 'A UTF-8-encoded surrogate (ed a0 80), as CESU-8 writes it.', ['JSON-1'], utf8('[1,["a', [0xed, 0xa0, 0x80], '"]]'), MALFORMED, ['NonUtf8Caveat']),
      v('truncated-utf8', 'A multi-byte sequence cut short.', ['JSON-1'], utf8('[1,["a', [0xc3], '"]]'), MALFORMED, ['NonUtf8Caveat']),
      v('byte-order-mark', 'A UTF-8 BOM before the JSON (Python: "Unexpected UTF-8 BOM").', ['JSON-2'], utf8([0xef, 0xbb, 0xbf], '[1,["sampleproject"]]'), MALFORMED, ['ByteOrderMark']),
      v('byte-order-mark-inside', 'A BOM between tokens, where whitespace could be.', ['JSON-2', 'JSON-3'], utf8('[1,', [0xef, 0xbb, 0xbf], '["sampleproject"]]'), MALFORMED, ['ByteOrderMark']),
      v('vertical-tab', 'A vertical tab is not JSON whitespace.', ['JSON-3'], '\u000b[1,["sampleproject"]]', MALFORMED),
      v('no-break-space', 'U+00A0 is not JSON whitespace.', ['JSON-3'], '\u00a0[1,["sampleproject"]]', MALFORMED),
      v('not-json', 'Not JSON at all (Warehouse: a JSONDecodeError, "unknown error").', ['JSON-3'], 'not json at all', MALFORMED),
      v('empty', 'Zero bytes.', ['JSON-3'], '', MALFORMED),
      v('trailing-garbage', 'Data after the value.', ['JSON-3'], '[1,["sampleproject"]]x', MALFORMED),
      v('two-values', 'Two JSON values.', ['JSON-3'], '[1,["sampleproject"]][1,["sampleproject"]]', MALFORMED),
      v('trailing-comma', 'A trailing comma.', ['JSON-3'], '[1,["sampleproject",]]', MALFORMED),
      v('comment', 'A comment.', ['JSON-3'], '[1,["sampleproject"]] // scoped', MALFORMED),
      v('single-quotes', 'Single-quoted strings.', ['JSON-3'], "[1,['sampleproject']]", MALFORMED),
      v('leading-zero', 'A leading zero in the tag.', ['JSON-3'], '[01,["sampleproject"]]', MALFORMED),
      v('control-character', 'A raw control character inside a string.', ['JSON-3'], '[1,["sample\u0001project"]]', MALFORMED),
      v('raw-nul-in-string', 'A raw U+0000 byte inside a name: a control character, not allowed in a JSON string (a C-string reader would end the text there).', ['JSON-3'], utf8('[1,["sampleproject', [0x00], '"]]'), MALFORMED),
      v('raw-nul-after-value', 'A raw U+0000 byte after the JSON value: data after the value (a C-string reader would stop before it and accept).', ['JSON-3'], utf8('[1,["sampleproject"]]', [0x00]), MALFORMED),
      user('escaped-nul-user-id', 'An escaped `\\u0000` inside a user id is an ordinary character: it matches the same user id exactly.', ['JSON-3', 'USER-3', 'CTX-3'], '[3,"a\\u0000b"]', 'a\u0000b'),
      v('nan', '`NaN`, which Python\'s json accepts.', ['JSON-3'], '[0,NaN,0]', MALFORMED, ['PythonJsonExtension']),
      v('infinity', '`Infinity`.', ['JSON-3'], '[0,Infinity,0]', MALFORMED, ['PythonJsonExtension']),
      v('negative-infinity', '`-Infinity`.', ['JSON-3'], '[0,1800000000,-Infinity]', MALFORMED, ['PythonJsonExtension']),
      v('float-tag', '`1.0` as the tag on sampleproject: not an integer literal (CAV-3), but Warehouse and pypitoken read it as tag 1 and then enforce `[1,["sampleproject"]]`, which holds here, so accepting is harmless (D11).', ['JSON-4', 'CAV-3'], '[1.0,["sampleproject"]]', { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      v('exponent-tag', '`1e0` as the tag: malformed, or read as tag 1 and enforced (D11).', ['JSON-4'], '[1e0,["sampleproject"]]', { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      v('negative-zero-float-tag', '`-0.0` as the tag of an open window: malformed, or read as tag 0 and enforced (D11).', ['JSON-4'], '[-0.0,1800000000,0]', { acceptable: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      v('tag-false-expired', '`[false,T0,T0-100]` at T0 + 10: malformed, or read as tag 0, whose window has closed; a lenient reading must still enforce the caveat (D11).', ['CAV-3', 'EXP-3'], `[false,${T0},${T0 - 100}]`, { invalid: 'CAVEAT_MALFORMED', also: ['CAVEAT_NOT_SATISFIED'] }, ['TagTyping']),
      v('duplicate-key', 'A legacy object repeating `version` with the same value: every parser reads the same object, so a verifier may accept it (D9).', ['JSON-5'], '{"version":1,"version":1,"permissions":{"projects":["sampleproject"]}}', { acceptable: 'CAVEAT_MALFORMED' }, ['DuplicateKeySameValue']),
      v('duplicate-key-escaped', 'The second `version`, with the same value, spelled `\\u0076ersion`: the same key once unescaped (JSON-5), and the same object for every parser.', ['JSON-5'], '{"version":1,"\\u0076ersion":1,"permissions":{"projects":["sampleproject"]}}', { acceptable: 'CAVEAT_MALFORMED' }, ['DuplicateKeySameValue']),
      v('duplicate-key-widening', '`projects` twice: Python keeps the last (`flask`), another parser the first — the same bytes would scope two ways.', ['JSON-5'], '{"version":1,"permissions":{"projects":["flask"],"projects":["sampleproject"]}}', MALFORMED, ['DuplicateKey']),
      v('lone-high-surrogate', 'A lone `\\ud800`.', ['JSON-6'], '[1,["\\ud800"]]', MALFORMED, ['LoneSurrogate']),
      v('lone-low-surrogate', 'A lone `\\udc00`.', ['JSON-6'], '[1,["sampleproject\\udc00"]]', MALFORMED, ['LoneSurrogate']),
      v('reversed-surrogates', 'Low surrogate, then high.', ['JSON-6'], '[1,["\\ude00\\ud83d"]]', MALFORMED, ['LoneSurrogate']),
      v('surrogate-then-letter', 'A high surrogate followed by `\\u0041`.', ['JSON-6'], '[1,["\\ud83d\\u0041"]]', MALFORMED, ['LoneSurrogate']),
      v('proto-key', 'A `__proto__` member inside OIDC claims is an ordinary key.', ['JSON-3', 'OIDC-2'], '[4,"89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c",{"__proto__":{"admin":true}}]', { invalid: 'CAVEAT_NOT_SATISFIED' }, ['OidcTag', 'OidcClaims']),
      verifyVector({
        id: 'caveat-encoding::spaced-legacy-object',
        description: 'pypitoken\'s default `json.dumps` output for a legacy object, with spaces and insertion order.',
        spec: ['JSON-3', 'CAV-9'],
        flags: ['JsonWhitespace', 'LegacyForm'],
        token: token({ caveats: ['{"version": 1, "permissions": {"projects": ["sampleproject"]}}'] }),
        context: userContext(),
        expect: 'valid',
      }),
      v('other-project', 'The carrier caveat on another project: not satisfied, showing the tests above fail for their encoding only.', ['PNAME-3'], '[1,["sampleproject"]]', { invalid: 'CAVEAT_NOT_SATISFIED' }, [], OTHER_PROJECT),
    ],
  )
}
