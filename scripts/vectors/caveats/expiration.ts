/** Vectors for tag 0, `[0, expires_at, not_before]` (spec/caveats/expiration.md). */
import { emptyContext, restrictVector, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../builder.js'
import type { Flag } from '../flags.js'
import { integerEdges } from '../integer-edges.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const WINDOW = `[0,${T0 + 900},${T0}]`

/** One verify vector for a single caveat in a user context. */
const check = (id: string, description: string, spec: string[], caveat: string, now: number, expect: VerifyExpectation, flags: Flag[] = []) =>
  verifyVector({ id: `expiration::${id}`, description, spec, flags, token: token({ caveats: [caveat] }), context: userContext({ now }), expect })

export function build() {
  return vectorFile(
    {
      topic: 'expiration',
      title: 'Tag 0: expiration',
      description: '`[0, expires_at, not_before]`: valid from not_before (inclusive) to expires_at (exclusive), in whole Unix seconds. Windows are 15 minutes from T0 = 1700000000 unless said otherwise.',
      generator: 'scripts/vectors/caveats/expiration.ts',
      sources: ['warehouse.md §2.2 (Expiration), §5.1 (test_caveats.py)', 'pypitoken.md §2.1 (DateRestriction), §5.4'],
    },
    [
      check('inside-window', 'A time inside the window.', ['EXP-1', 'EXP-3'], WINDOW, T0 + 10, 'valid'),
      check('at-not-before', 'not_before is inclusive: valid at exactly not_before.', ['EXP-3'], WINDOW, T0, 'valid', ['TimeBoundary']),
      check('one-second-before-not-before', 'One second before not_before.', ['EXP-3', 'EXP-5'], WINDOW, T0 - 1, NS, ['TimeBoundary']),
      check('last-valid-second', 'The last second before expires_at.', ['EXP-3'], WINDOW, T0 + 899, 'valid', ['TimeBoundary']),
      check('at-expires-at', 'expires_at is exclusive: invalid at exactly expires_at (Warehouse: `now >= expires_at` fails).', ['EXP-3', 'EXP-5'], WINDOW, T0 + 900, NS, ['TimeBoundary']),
      check('long-expired', 'A day after the window.', ['EXP-3'], WINDOW, T0 + 86400, NS),
      check('empty-window', 'expires_at == not_before: no second satisfies it.', ['EXP-3'], `[0,${T0},${T0}]`, T0, NS, ['TimeBoundary']),
      check('reversed-order', 'not_before written first, as pypitoken 6.0.0–6.0.1 did (pypitoken #157): the window is inverted and never holds.', ['EXP-1', 'EXP-3'], `[0,${T0},${T0 + 900}]`, T0 + 10, NS, ['ExpiryFirst']),
      check('pypitoken-spacing', 'pypitoken writes `[0, exp, nbf]` with spaces; JSON whitespace is allowed.', ['EXP-1', 'JSON-3'], `[0, ${T0 + 900}, ${T0}]`, T0 + 10, 'valid', ['JsonWhitespace']),
      check('surrounding-whitespace', 'Whitespace around the JSON value (Warehouse accepts it).', ['JSON-3'], ` \t[0,${T0 + 900},${T0}]\r\n`, T0 + 10, 'valid', ['JsonWhitespace']),
      check('negative-not-before', 'Integers may be negative (Warehouse: no range check).', ['EXP-2', 'EXP-3'], `[0,${T0 + 900},-5]`, T0 + 10, 'valid'),
      check('tag-negative-zero', '`-0` is the integer 0: tag 0.', ['CAV-3', 'JSON-4'], `[-0,${T0 + 900},${T0}]`, T0 + 10, 'valid', ['TagTyping']),
      check('int64-max-expiry', 'expires_at = 2^63-1 must be compared correctly.', ['EXP-4'], `[0,9223372036854775807,${T0}]`, T0 + 10, 'valid', ['HugeInteger']),
      check('beyond-2-53', 'expires_at = 2^53+1, which a double rounds: still later than any now.', ['EXP-4'], `[0,9007199254740993,${T0}]`, T0 + 10, 'valid', ['HugeInteger']),
      check('beyond-int64', 'expires_at = 2^63: a verifier may reject integers outside int64 as malformed, or compare exactly.', ['EXP-4'], `[0,9223372036854775808,${T0}]`, T0 + 10, { acceptable: 'CAVEAT_MALFORMED' }, ['HugeInteger']),
      check('huge-expiry', 'A 23-digit expires_at (observed accepted by Warehouse and pypitoken).', ['EXP-4'], `[0,99999999999999999999999,0]`, T0 + 10, { acceptable: 'CAVEAT_MALFORMED' }, ['HugeInteger']),
      check('python-int-limit', 'A 4301-digit integer: over CPython\'s int-parsing limit, so Warehouse fails with "unknown error". The caveat is 4,307 bytes, beyond LIMIT-3\'s MUST, so a verifier may also refuse it as too large.', ['EXP-4', 'LIMIT-8'], `[0,1${'0'.repeat(4300)},0]`, T0 + 10, { acceptable: 'CAVEAT_MALFORMED', also: ['TOKEN_TOO_LARGE'] }, ['HugeInteger', 'TokenSize']),
      ...integerEdges({ topic: 'expiration', caveat: (exp, nbf) => `[0,${exp},${nbf}]`, cites: ['EXP-3'] }),
      check('string-timestamp', 'A string expires_at (Warehouse: "invalid values for fields").', ['EXP-2', 'CAV-10'], `[0,"${T0 + 900}",${T0}]`, T0 + 10, MALFORMED),
      check('boolean-timestamp', '`true` is not an integer (pydantic StrictInt).', ['EXP-2', 'CAV-10'], `[0,true,${T0}]`, T0 + 10, MALFORMED),
      check('null-timestamp', 'A null not_before.', ['EXP-2'], `[0,${T0 + 900},null]`, T0 + 10, MALFORMED),
      check('float-timestamp', '`1700000900.0`: Warehouse rejects floats, pypitoken accepts integral floats.', ['EXP-2', 'JSON-4'], `[0,${T0 + 900}.0,${T0}]`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('exponent-timestamp', '`1.7000009e9` is an integer value in an exponent form.', ['EXP-2', 'JSON-4'], `[0,1.7000009e9,${T0}]`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('upper-exponent-timestamp', '`17000009E2`.', ['JSON-4'], `[0,17000009E2,${T0}]`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('fractional-timestamp', 'A non-integral expires_at.', ['EXP-2', 'JSON-4'], `[0,${T0 + 900}.5,${T0}]`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('fraction-rounds-to-integer', '`not_before` = `1700000010.00000001` at T0 + 10: exactly, the window opens a fraction of a second after now; a reader that parses it as a double gets exactly 1700000010.0 and opens the window early (pypitoken accepts it as an integer). Numbers in a window must be integer literals (JSON-4, D8).', ['EXP-2', 'JSON-4'], `[0,${T0 + 900},1700000010.00000001]`, T0 + 10, MALFORMED, ['FloatNumber']),
      check('missing-not-before', '`[0, expires_at]` (Warehouse: "Not enough values").', ['CAV-6'], `[0,${T0 + 900}]`, T0 + 10, MALFORMED),
      check('tag-only', '`[0]`.', ['CAV-6'], '[0]', T0 + 10, MALFORMED),
      check('trailing-element', 'A fourth element: Warehouse ignores it, a verifier must reject it (must-understand).', ['CAV-6'], `[0,${T0 + 900},${T0},99]`, T0 + 10, MALFORMED, ['TrailingElements']),
      check('trailing-null', 'A trailing null.', ['CAV-6'], `[0,${T0 + 900},${T0},null]`, T0 + 10, MALFORMED, ['TrailingElements']),
      check('nested-timestamp', 'An array where an integer belongs.', ['EXP-2'], `[0,[${T0 + 900}],${T0}]`, T0 + 10, MALFORMED),
      verifyVector({
        id: 'expiration::needs-only-time',
        description: 'An expiration caveat needs nothing from the request but the time.',
        spec: ['EXP-3', 'VERIFY-2'],
        token: token({ caveats: [WINDOW] }),
        context: emptyContext(T0 + 10),
        expect: 'valid',
      }),
      restrictVector({
        id: 'expiration::restrict-window',
        description: 'Restricting to a window appends `[0, expires_at, not_before]`.',
        spec: ['RESTRICT-1', 'EXP-1'],
        flags: ['ExpiryFirst'],
        token: token(),
        restrictions: [{ type: 'expiration', expires_at: T0 + 900, not_before: T0 }],
        expect: { caveats: [[0, T0 + 900, T0]] },
      }),
      restrictVector({
        id: 'expiration::restrict-refuses-empty-window',
        description: 'A restricter refuses not_before >= expires_at: the token could never be used.',
        spec: ['RESTRICT-4'],
        token: token(),
        restrictions: [{ type: 'expiration', expires_at: T0, not_before: T0 }],
        expect: { invalid: 'INVALID_ARGUMENT' },
      }),
      restrictVector({
        id: 'expiration::restrict-refuses-fraction',
        description: 'A restricter refuses a fractional time.',
        spec: ['RESTRICT-4'],
        token: token(),
        restrictions: [{ type: 'expiration', expires_at: T0 + 900.5, not_before: T0 }],
        expect: { invalid: 'INVALID_ARGUMENT' },
      }),
    ],
  )
}
