/** Vectors for the token string: prefix and canonical base64url (spec/token-format.md). */
import { inspectVector, LOCATION, IDENTIFIER, relocate, signatureOf, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import { PYPITOKEN } from './recorded.js'

const CAVEAT = '[1,["sampleproject"]]'
interface Found {
  token: string
  caveats: string[]
  identifier: string
}
/** A token whose body has both `-` and `_`, and whose length is 2 mod 4 (4 spare bits). */
const FOUND = findToken((body) => body.length % 4 === 2 && /-/.test(body) && /_/.test(body))
const BASE = FOUND.token
/** A token whose body length is 3 mod 4 (2 spare bits). */
const BASE3 = findToken((body) => body.length % 4 === 3).token
/** A token whose body length is 0 mod 4 (no spare bits, no padding). */
const BASE0 = findToken((body) => body.length % 4 === 0).token
const BODY = BASE.slice('pypi-'.length)
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * Deterministically searches caveat lengths and identifiers until the token's body has the wanted
 * shape. Both caveats hold for sampleproject.
 */
function findToken(ok: (body: string) => boolean): Found {
  for (let pad = 1; pad <= 4; pad++) {
    for (let i = 0; i < 4096; i++) {
      const caveats = [CAVEAT, `[1,["sampleproject","${'x'.repeat(pad)}"]]`]
      const identifier = `${IDENTIFIER.slice(0, -4)}${i.toString(16).padStart(4, '0')}`
      const t = token({ caveats, identifier })
      if (ok(t.slice(5))) return { token: t, caveats, identifier }
    }
  }
  throw new Error('builder: no token of the wanted shape')
}

/** The other spellings of a body's last character (same bytes, non-zero unused bits). */
function alternateEndings(t: string, count: number): string[] {
  const body = t.slice(5)
  const last = ALPHABET.indexOf(body[body.length - 1] as string)
  const spare = body.length % 4 === 2 ? 0x0f : 0x03
  return [...ALPHABET].filter((c) => (ALPHABET.indexOf(c) & ~spare) === (last & ~spare) && ALPHABET.indexOf(c) !== last).slice(0, count).map((c) => t.slice(0, -1) + c)
}

/** `t` with its last character replaced by the character of value `f(value of the last one)`. */
function withLastValue(t: string, f: (last: number) => number): string {
  return t.slice(0, -1) + (ALPHABET[f(ALPHABET.indexOf(t[t.length - 1] as string))] as string)
}

/** Prefixes just outside the shape TOKEN-2 lets an inspector accept. */
const INSPECTOR_PREFIX_OUTSIDE = [
  { name: 'empty', prefix: '', what: 'an empty prefix, the token starting with `-`' },
  { name: '65-characters', prefix: 'p'.repeat(65), what: '65 letters, one more than allowed' },
  { name: 'leading-space', prefix: ' pypi', what: 'a space before `pypi`' },
  { name: 'trailing-dot', prefix: 'pypi.', what: '`pypi.`, a character outside the set at the end' },
  { name: 'inner-colon', prefix: 'py:pi', what: 'a `:` inside' },
]

/** The context the tokens above are valid in: their caveats name sampleproject (and a variant). */
const v = (id: string, description: string, spec: string[], t: string, expect: VerifyExpectation, flags: Flag[] = []) =>
  verifyVector({ id: `token-format::${id}`, description, spec, flags, token: t, context: userContext(), expect })
const BAD_PREFIX = { invalid: 'TOKEN_BAD_PREFIX' } as const
const BAD_ENCODING = { invalid: 'TOKEN_BAD_ENCODING' } as const

/** Whitespace a token picks up on its way (TOKEN-4), by where it sits: `at` is the body index, or `end`. */
const WHITESPACE: readonly { name: string; what: string; text: string; at: number | 'end' }[] = [
  { name: 'trailing-newline', what: 'a trailing line feed', text: '\n', at: 'end' },
  { name: 'trailing-crlf', what: 'a trailing CR LF', text: '\r\n', at: 'end' },
  { name: 'trailing-space', what: 'a trailing space', text: ' ', at: 'end' },
  { name: 'trailing-tab', what: 'a trailing tab', text: '\t', at: 'end' },
  { name: 'inner-space', what: 'a space inside the body', text: ' ', at: 50 },
  { name: 'inner-newline', what: 'a line feed inside the body', text: '\n', at: 76 },
  { name: 'space-after-prefix', what: 'a space between `pypi-` and the body', text: ' ', at: 0 },
  // Four characters keep the length mod 4, so a decoder that pads and skips whitespace accepts at every length.
  { name: 'trailing-blank-line', what: 'a trailing blank line (CR LF CR LF)', text: '\r\n\r\n', at: 'end' },
  { name: 'inner-wrap-indent', what: 'a line break and a three-space indent inside the body, as a wrapped YAML value leaves it', text: '\n   ', at: 76 },
]

/**
 * TOKEN-4 at every body length: each kind of whitespace on a canonical token whose body (without
 * it) is 0, 2 or 3 mod 4 long (1 mod 4 is no body at all, TOKEN-5). A lenient decoder that pads to
 * a multiple of 4 and skips whitespace fails at some lengths and accepts at others (pymacaroons
 * accepts any whitespace on 0 mod 4, 2 or 3 characters on 3 mod 4, 3 on 2 mod 4, 4 on any), so
 * only every length together shows what it does. The 2 mod 4 vectors of the first kinds keep
 * their original ids.
 */
function whitespaceAtEveryLength() {
  const bases = [
    { mod: 0, token: BASE0 },
    { mod: 2, token: BASE },
    { mod: 3, token: BASE3 },
  ]
  const original = new Set(['trailing-newline', 'trailing-crlf', 'trailing-space', 'inner-space', 'inner-newline'])
  return bases.flatMap(({ mod, token: t }) =>
    WHITESPACE.filter((w) => !(mod === 2 && original.has(w.name))).map((w) => {
      const body = t.slice(5)
      const at = w.at === 'end' ? body.length : w.at
      const spoilt = `pypi-${body.slice(0, at)}${w.text}${body.slice(at)}`
      return v(`${w.name}-${mod}-mod-4`, `A canonical token whose body is ${mod} mod 4 long (${body.length} characters), with ${w.what}: TOKEN_BAD_ENCODING at every length (pymacaroons pads the string, whitespace included, to a multiple of 4 and then skips the whitespace: it accepts whenever that padding covers what the body lacks: any whitespace on 0 mod 4, 2 or 3 characters on 3 mod 4, 3 on 2 mod 4, 4 on any).`, ['TOKEN-4'], spoilt, BAD_ENCODING, ['TokenWhitespace'])
    }),
  )
}

export function build() {
  const trailing2 = alternateEndings(BASE, 3)
  const trailing3 = alternateEndings(BASE3, 3)
  return vectorFile(
    {
      topic: 'token-format',
      title: 'Token string',
      description: 'The prefix and the canonical unpadded base64url body. Every token here is correctly signed with the vector key, so any rejection comes from the string alone.',
      generator: 'scripts/vectors/token-format.ts',
      sources: ['Warehouse services.py (_extract_raw_macaroon), pymacaroons 0.13.0 utils.raw_b64decode', 'warehouse #6265 (bit flip at end of token)', 'pypitoken 7.1.1 Token.load'],
    },
    [
      v('canonical', 'A canonical token: `pypi-` and unpadded base64url.', ['TOKEN-1', 'TOKEN-3', 'CONF-1', 'LAW-4'], BASE, 'valid'),
      v('canonical-3-mod-4', 'A canonical token whose body length is 3 mod 4.', ['TOKEN-5', 'TOKEN-6'], BASE3, 'valid'),
      v('no-dash', 'No `-` at all (every `-` removed): no prefix.', ['TOKEN-1'], BASE.replace(/-/g, ''), BAD_PREFIX),
      v('no-dash-after-prefix', 'The prefix\'s `-` removed while the body keeps its own: the prefix is then `pypiAgEI…`, up to the body\'s first `-`.', ['TOKEN-1', 'TOKEN-2'], 'pypi' + BODY, BAD_PREFIX, ['PrefixCase']),
      v('prefix-title-case', '`PyPI-`: the prefix is case-sensitive (pypitoken accepts any prefix).', ['TOKEN-2'], 'PyPI' + BASE.slice(4), BAD_PREFIX, ['PrefixCase']),
      v('prefix-upper-case', '`PYPI-`.', ['TOKEN-2'], 'PYPI' + BASE.slice(4), BAD_PREFIX, ['PrefixCase']),
      v('prefix-other', '`pre-`, the prefix pypitoken\'s test suite uses.', ['TOKEN-2'], 'pre' + BASE.slice(4), BAD_PREFIX, ['PrefixCase']),
      v('prefix-2019-colon', '`pypi:`, the prefix of 2019 tokens (warehouse #6342); the first `-` is then inside the body.', ['TOKEN-1', 'TOKEN-2'], 'pypi:' + BODY, BAD_PREFIX, ['PrefixCase']),
      v('prefix-leading-space', 'A space before the prefix (pypitoken keeps it as part of the prefix).', ['TOKEN-2', 'TOKEN-4'], ' ' + BASE, BAD_PREFIX, ['PrefixCase', 'TokenWhitespace']),
      v('prefix-empty', 'An empty prefix: `-` then the body.', ['TOKEN-2'], '-' + BODY, BAD_PREFIX, ['PrefixCase']),
      v('prefix-doubled', '`pypi-pypi-…`: the prefix ends at the first `-` (TOKEN-1), so the body starts with `pypi-`, all base64url characters (TOKEN-4 holds); it decodes to bytes whose first is not `02` (MAC-1).', ['TOKEN-1', 'MAC-1', 'ALG-6'], 'pypi-' + BASE, { invalid: 'MACAROON_MALFORMED' }),
      v('padding-two', 'Two `=` of padding (the body is 2 mod 4); pymacaroons accepts padding.', ['TOKEN-4'], BASE + '==', BAD_ENCODING, ['Base64Padding']),
      v('padding-one', 'One `=` of padding (the body is 3 mod 4).', ['TOKEN-4'], BASE3 + '=', BAD_ENCODING, ['Base64Padding']),
      v('padding-extra', 'Three `=`; pymacaroons accepts whatever padding completes a multiple of 4.', ['TOKEN-4'], BASE + '===', BAD_ENCODING, ['Base64Padding']),
      v('standard-alphabet', 'The same bytes in the standard alphabet (`+` for `-`, `/` for `_`); pymacaroons decodes both.', ['TOKEN-4'], 'pypi-' + BODY.replace(/-/g, '+').replace(/_/g, '/'), BAD_ENCODING, ['Base64StandardAlphabet']),
      v('mixed-alphabet', 'Only the `_` replaced by `/`.', ['TOKEN-4'], 'pypi-' + BODY.replace(/_/g, '/'), BAD_ENCODING, ['Base64StandardAlphabet']),
      v('junk-character', 'A `!` inserted: Python\'s non-strict decoder drops it.', ['TOKEN-4'], BASE.slice(0, 40) + '!' + BASE.slice(40), BAD_ENCODING, ['Base64Junk']),
      v('junk-dot', 'A `.` inserted in the body.', ['TOKEN-4'], BASE.slice(0, 60) + '.' + BASE.slice(60), BAD_ENCODING, ['Base64Junk']),
      v('trailing-newline', 'A trailing line feed, as `echo` or a file leaves it (warehouse test: a valid token plus "\\n" must not authenticate).', ['TOKEN-4'], BASE + '\n', BAD_ENCODING, ['TokenWhitespace']),
      v('trailing-crlf', 'A trailing CR LF.', ['TOKEN-4'], BASE + '\r\n', BAD_ENCODING, ['TokenWhitespace']),
      v('trailing-space', 'A trailing space.', ['TOKEN-4'], BASE + ' ', BAD_ENCODING, ['TokenWhitespace']),
      v('inner-space', 'A space inside the body.', ['TOKEN-4'], BASE.slice(0, 50) + ' ' + BASE.slice(50), BAD_ENCODING, ['TokenWhitespace']),
      v('inner-newline', 'A line break inside the body, as a wrapped copy-paste leaves it.', ['TOKEN-4'], BASE.slice(0, 76) + '\n' + BASE.slice(76), BAD_ENCODING, ['TokenWhitespace']),
      ...whitespaceAtEveryLength(),
      v('length-1-mod-4', 'One extra character makes the length 1 mod 4, which no byte string encodes to.', ['TOKEN-5'], BASE3 + 'AA', BAD_ENCODING),
      ...trailing2.map((t, i) =>
        v(`trailing-bits-4-${i + 1}`, `Another spelling of the last character (4 spare bits): the same bytes, so pymacaroons verifies it (warehouse #6265).`, ['TOKEN-6'], t, BAD_ENCODING, ['Base64TrailingBits']),
      ),
      ...[0x04, 0x08].map((bit) =>
        v(`trailing-bits-4-only-${bit}`, `Another spelling of the last character whose only non-zero spare bit is ${bit} (of the 4 spare bits 0x0f): a decoder that checks only the 2 spare bits of a 3 mod 4 body misses it.`, ['TOKEN-6'], withLastValue(BASE, (last) => last ^ bit), BAD_ENCODING, ['Base64TrailingBits']),
      ),
      ...trailing3.map((t, i) =>
        v(`trailing-bits-2-${i + 1}`, 'Another spelling of the last character (2 spare bits).', ['TOKEN-6'], t, BAD_ENCODING, ['Base64TrailingBits']),
      ),
      v('empty-body', '`pypi-` and nothing else: an empty macaroon (pypitoken: "Must supply serialized macaroon").', ['TOKEN-3', 'MAC-1'], 'pypi-', { invalid: 'MACAROON_MALFORMED' }),
      v('empty-string', 'The empty string.', ['TOKEN-1'], '', BAD_PREFIX),
      v('relocated', 'Another location, same identifier, caveats and signature: still valid, as the location is not signed.', ['TOKEN-8', 'SIG-2'], relocate(BASE, 'elsewhere.example'), 'valid', ['LocationUnchecked']),
      v('recorded-pypitoken-base', 'pypitoken\'s canonical `base` token (no caveats) loads and verifies.', ['TOKEN-7'], PYPITOKEN.base!.token, 'valid', ['RecordedToken']),
      inspectVector({
        id: 'token-format::inspect-canonical',
        description: 'Inspecting a canonical token reports its parts.',
        spec: ['TOKEN-1', 'TOKEN-3', 'TOKEN-8', 'LAW-4'],
        token: BASE,
        expect: { prefix: 'pypi', location: LOCATION, identifier: FOUND.identifier, caveats: FOUND.caveats, signature: signatureOf(BASE) },
      }),
      inspectVector({ id: 'token-format::inspect-padding', description: 'An inspector rejects padding too.', spec: ['TOKEN-4'], flags: ['Base64Padding'], token: BASE + '==', expect: BAD_ENCODING }),
      inspectVector({ id: 'token-format::inspect-trailing-bits', description: 'An inspector rejects a non-canonical last character.', spec: ['TOKEN-6'], flags: ['Base64TrailingBits'], token: trailing2[0] as string, expect: BAD_ENCODING }),
      ...INSPECTOR_PREFIX_OUTSIDE.map(({ name, prefix, what }) =>
        inspectVector({ id: `token-format::inspect-prefix-${name}`, description: `An inspector may accept any prefix of 1 to 64 ASCII letters, digits and \`_\`, and no other: ${what}.`, spec: ['TOKEN-2'], flags: ['PrefixCase'], token: `${prefix}-${BODY}`, expect: BAD_PREFIX }),
      ),
      inspectVector({ id: 'token-format::inspect-no-dash', description: 'An inspector needs a prefix.', spec: ['TOKEN-1'], token: 'foobar', expect: BAD_PREFIX }),
    ],
  )
}
