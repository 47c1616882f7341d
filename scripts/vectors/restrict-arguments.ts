/**
 * Attenuation vectors for the arguments a restricter must refuse or accept (RESTRICT-3,
 * RESTRICT-4, RESTRICT-8 … RESTRICT-10, D37), and for a restricter near the size limits.
 */
import { PUBLISHER, restrictVector, T0, token, USER } from './builder.js'
import type { Flag } from './flags.js'

const NAMES = '[1,["sampleproject"]]'
const USER_TOKEN = token({ caveats: [`[3,"${USER}"]`] })
const MAX_SAFE = 2 ** 53 - 1
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const
const CLAIMS_OF_EVERY_TYPE = { sub: 'repo:octo/sample', n: -3, yes: true, no: false, none: null, list: [1, 'a', null], empty: {} }

const r = (id: string, description: string, spec: string[], restrictions: Record<string, unknown>[], expect: { caveats: unknown[] } | typeof REFUSED, t = USER_TOKEN, flags: Flag[] = ['RestrictArgument']) =>
  restrictVector({ id: `attenuation::${id}`, description, spec, token: t, restrictions, expect, flags })

/** A names restriction whose caveat `[1,["a…"]]` is exactly `bytes` bytes. */
const longName = (bytes: number) => ({ type: 'project_names', names: [`a${'b'.repeat(bytes - 9)}`] })

export function restrictArgumentVectors() {
  const hyphenless = USER.replace(/-/g, '')
  const with63 = token({ caveats: Array(63).fill(NAMES) })
  const with64 = token({ caveats: Array(64).fill(NAMES) })
  const near8k = token({ caveats: [`[1,["${'a'.repeat(4080)}"]]`, `[1,["${'a'.repeat(1500)}"]]`] })
  const near8kCaveats = [`[1,["${'a'.repeat(4080)}"]]`, `[1,["${'a'.repeat(1500)}"]]`]
  // The caveat size (in bytes) whose restriction takes near8k to exactly 8,192 characters: a restricted
  // token is as long as the token minted with the same caveats.
  const to8192 = Array.from({ length: 600 }, (_, i) => i + 100).find((b) => token({ caveats: [...near8kCaveats, `[1,["${longName(b).names[0]}"]]`] }).length === 8192)
  if (to8192 === undefined) throw new Error('no caveat size gives an 8,192-character token')
  return [
    r('refuses-extra-member', 'A user restriction with a member ADAPT-13 does not list (`note`).', ['RESTRICT-8', 'ADAPT-13'], [{ type: 'user', user_id: USER, note: 'ci' }], REFUSED),
    r('refuses-braced-uuid', 'A user id in braces, `{…}`: not an accepted UUID spelling.', ['RESTRICT-3'], [{ type: 'user', user_id: `{${USER}}` }], REFUSED),
    r('refuses-urn-uuid', 'A user id as `urn:uuid:…`.', ['RESTRICT-3'], [{ type: 'user', user_id: `urn:uuid:${USER}` }], REFUSED),
    r('refuses-hyphenless-uuid', 'A user id without hyphens (32 hex digits).', ['RESTRICT-3'], [{ type: 'user', user_id: hyphenless }], REFUSED),
    r('refuses-padded-uuid', 'A project id with a trailing space.', ['RESTRICT-3'], [{ type: 'project_ids', ids: [`${USER} `] }], REFUSED),
    r('lowercases-mixed-case-uuid', 'A user id in mixed case is written in lower case.', ['RESTRICT-3'], [{ type: 'user', user_id: USER.slice(0, 18).toUpperCase() + USER.slice(18) }], { caveats: [[3, USER]] }),
    r('accepts-expires-at-2-53-minus-1', 'expires_at = 2^53 − 1, the largest `now` a context can carry.', ['RESTRICT-4'], [{ type: 'expiration', expires_at: MAX_SAFE, not_before: T0 }], { caveats: [[0, MAX_SAFE, T0]] }),
    r('refuses-expires-at-2-53', 'expires_at = 2^53, beyond every `now`.', ['RESTRICT-4'], [{ type: 'expiration', expires_at: MAX_SAFE + 1, not_before: T0 }], REFUSED),
    r('accepts-claims-integer-2-53-minus-1', 'OIDC claims holding 2^53 − 1: written exactly.', ['RESTRICT-10'], [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: { iat: MAX_SAFE } }], { caveats: [[4, PUBLISHER, { iat: MAX_SAFE }]] }, USER_TOKEN, ['RestrictArgument', 'OidcTag', 'OidcClaims']),
    r('refuses-claims-integer-2-53', 'OIDC claims holding 2^53: refused, since a double-based reader cannot tell it from 2^53 + 1.', ['RESTRICT-10'], [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: { iat: MAX_SAFE + 1 } }], REFUSED, USER_TOKEN, ['RestrictArgument', 'OidcTag', 'OidcClaims']),
    r('claims-with-escapes', 'OIDC claims whose string holds a line feed, U+007F, `é` and U+1F600: appended as the same JSON value (canonically `\\n`, `\\u007f`, `\\u00e9` and a surrogate pair, CAV-9).', ['CAV-9', 'RESTRICT-1'], [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: { sub: 'a\n\u007f\u00e9\u{1F600}' } }], { caveats: [[4, PUBLISHER, { sub: 'a\n\u007f\u00e9\u{1F600}' }]] }, USER_TOKEN, ['CanonicalRestrict', 'OidcTag', 'OidcClaims']),
    // Boundaries of normalize.ts that no other vector reached (issue 19: each kills a surviving mutant).
    r('accepts-not-before-zero', 'not_before = 0, the smallest time RESTRICT-4 allows: written as given.', ['RESTRICT-4'], [{ type: 'expiration', expires_at: T0, not_before: 0 }], { caveats: [[0, T0, 0]] }),
    r('accepts-one-character-name', 'A one-character project name, `A`: a valid name, written in normal form `a`.', ['RESTRICT-2'], [{ type: 'project_names', names: ['A'] }], { caveats: [[1, ['a']]] }),
    r('refuses-lone-separator-name', 'A name that is only a separator, `_`: not a valid project name.', ['RESTRICT-2'], [{ type: 'project_names', names: ['_'] }], REFUSED),
    r('accepts-claims-of-every-json-type', 'OIDC claims holding a string, a negative integer, `true`, `false`, `null`, an array and an empty object: all are caveat JSON, written as given.', ['RESTRICT-7', 'RESTRICT-1'], [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: CLAIMS_OF_EVERY_TYPE }], { caveats: [[4, PUBLISHER, CLAIMS_OF_EVERY_TYPE]] }, USER_TOKEN, ['RestrictArgument', 'OidcTag', 'OidcClaims']),
    r('writes-64th-caveat', 'A token with 63 caveats takes a 64th.', ['RESTRICT-9', 'LIMIT-1'], [{ type: 'project_names', names: ['sampleproject'] }], { caveats: [[1, ['sampleproject']]] }, with63, ['RestrictArgument', 'TokenSize']),
    r('refuses-65th-caveat', 'A token with 64 caveats: a 65th would go beyond LIMIT-1, so the call is refused.', ['RESTRICT-9', 'LIMIT-1'], [{ type: 'project_names', names: ['sampleproject'] }], REFUSED, with64, ['RestrictArgument', 'TokenSize']),
    r('writes-4096-byte-caveat', 'A restriction whose caveat is exactly 4,096 bytes.', ['RESTRICT-9', 'LIMIT-3'], [longName(4096)], { caveats: [[1, [longName(4096).names[0]]]] }, USER_TOKEN, ['RestrictArgument', 'TokenSize']),
    r('refuses-4097-byte-caveat', 'A restriction whose caveat would be 4,097 bytes.', ['RESTRICT-9', 'LIMIT-3'], [longName(4097)], REFUSED, USER_TOKEN, ['RestrictArgument', 'TokenSize']),
    r('writes-8192-character-token', `A ${near8k.length}-character token and a restriction that takes it to exactly 8,192 characters: written.`, ['RESTRICT-9', 'LIMIT-1'], [longName(to8192)], { caveats: [[1, [longName(to8192).names[0]]]] }, near8k, ['RestrictArgument', 'TokenSize']),
    r('refuses-beyond-8192-characters', `A ${near8k.length}-character token and a restriction that would take it past 8,192 characters.`, ['RESTRICT-9', 'LIMIT-1'], [longName(1500)], REFUSED, near8k, ['RestrictArgument', 'TokenSize']),
  ]
}
