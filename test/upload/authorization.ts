/**
 * Reading a token from the `Authorization` header as the production index does
 * (warehouse/macaroons/security_policy.py at 6b62157, lines 24-73):
 *
 * - the header is split once, at the first U+0020 space; no space, no token (line 57);
 * - the scheme is lower-cased (line 61), so `Basic`, `BASIC` and `bAsIc` are all Basic;
 * - `basic`: the rest is base64-decoded by Python's non-strict decoder, decoded as UTF-8, split at
 *   the first `:`; the user must be exactly `__token__`, and the password is stripped of
 *   surrounding whitespace (Python's `str.strip()`) (lines 24-43, 68-69);
 * - `token` and `bearer`: the rest of the header, as it is, not stripped (lines 70-71);
 * - any other scheme: no token (line 73).
 *
 * A Basic user other than `__token__` is refused before the token policy runs
 * (warehouse/accounts/security_policy.py, lines 141-154), with its own message.
 */

export type Authorization =
  | { readonly kind: 'none'; readonly why: string }
  | { readonly kind: 'password'; readonly user: string }
  | { readonly kind: 'token'; readonly scheme: 'basic' | 'token' | 'bearer'; readonly token: string }

export const TOKEN_USER = '__token__'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Python's `base64.b64decode(s)` (non-strict `binascii.a2b_base64`): characters outside the
 * alphabet are skipped, a `=` ends the data once a group has 2 or 3 characters and enough
 * padding, and a last group of 1 character, or of 2-3 without its padding, is an error (null).
 * A string with a character beyond ASCII is an error too (a `ValueError` in Python).
 */
export function pythonB64decode(text: string): Buffer | null {
  if (/[^\x00-\x7f]/.test(text)) return null
  const out: number[] = []
  let group = 0
  let bits = 0
  let pads = 0
  for (const ch of text) {
    if (ch === '=') {
      if (group >= 2 && group + ++pads >= 4) return Buffer.from(out)
      continue
    }
    const v = B64.indexOf(ch)
    if (v < 0) continue
    pads = 0
    bits = (bits << 6) | v
    group += 1
    if (group > 1) out.push((bits >> (8 - 2 * group)) & 0xff)
    if (group === 4) {
      group = 0
      bits = 0
    }
  }
  return group === 0 ? Buffer.from(out) : null
}

/** Python's `str.strip()` with no argument: the characters `str.isspace()` holds for. */
export function pythonStrip(text: string): string {
  const space = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
  return text.replace(new RegExp(`^${space}+|${space}+$`, 'gu'), '')
}

export function readAuthorization(header: string | undefined): Authorization {
  if (header === undefined || header === '') return { kind: 'none', why: 'no Authorization header' }
  const space = header.indexOf(' ')
  if (space < 0) return { kind: 'none', why: 'the Authorization header has no space after its scheme' }
  const scheme = header.slice(0, space).toLowerCase()
  const rest = header.slice(space + 1)
  if (scheme === 'token' || scheme === 'bearer') return { kind: 'token', scheme, token: rest }
  if (scheme !== 'basic') return { kind: 'none', why: `the Authorization scheme ${JSON.stringify(scheme)} is not basic, token or bearer` }
  const decoded = pythonB64decode(rest)
  if (decoded === null) return { kind: 'none', why: 'the Basic credentials are not base64' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(decoded)
  } catch {
    return { kind: 'none', why: 'the Basic credentials are not UTF-8' }
  }
  const colon = text.indexOf(':')
  if (colon < 0) return { kind: 'none', why: 'the Basic credentials have no ":"' }
  const user = text.slice(0, colon)
  if (user !== TOKEN_USER) return { kind: 'password', user }
  return { kind: 'token', scheme: 'basic', token: pythonStrip(text.slice(colon + 1)) }
}
