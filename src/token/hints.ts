/**
 * @module What a failed parse most likely means, for the two mistakes people make copying tokens:
 * the prefix pasted twice (`pypi-pypi-…`) and a token cut short. Only the message changes; the
 * reason code stays the one the spec prescribes (TOKEN-3, MAC-3).
 */
import { PYPI_PREFIX } from './prefix.js'

/** Decoder messages that mean the bytes ended before a field, a varint or the signature did. */
const RAN_OUT = /past end of buffer|truncated varint/
/** Base64 messages that a token cut at an arbitrary character produces (or one stray character). */
const CUT_ENCODING = /1 mod 4|trailing bits/

/** `message` with what it most likely means put first, for a token whose body is `body`. */
export function withHint(body: string, message: string): string {
  if (body.toLowerCase().startsWith(`${PYPI_PREFIX}-`)) return `the prefix appears twice ("${PYPI_PREFIX}-${body.slice(0, PYPI_PREFIX.length + 1)}…"): remove one "${PYPI_PREFIX}-" (${message})`
  if (RAN_OUT.test(message)) return `the token looks truncated: it ends before its signature (${message}); copy it again whole`
  if (CUT_ENCODING.test(message)) return `the token looks truncated or has a stray character (${message}); copy it again whole`
  return message
}
