/**
 * @module Judging a restrict answer (ADAPT-13). The harness re-reads the returned token with the
 * reference parser and checks what attenuation promises: prefix, location, identifier and the
 * original caveats unchanged; exactly the expected caveats appended (compared as JSON values);
 * and a signature chain that verifies with the vector's key (which the adapter never sees).
 */
import { decodeUtf8, fromHex, toHex } from '../../bytes.js'
import type { RestrictVector } from '../../generated/types.js'
import { parseStrictJson } from '../../json/parse.js'
import { computeSignature } from '../../macaroon/signature.js'
import type { Caveat, Macaroon } from '../../macaroon/types.js'
import { parseToken } from '../../token/parse.js'
import { brief, firstDifference } from './json-values.js'
import { both, fail, judgeRejection, PASS, unexpectedRejection, type Graded } from './judgement.js'

type Json = Record<string, unknown>

/** Judges a restrict response already known to match TokenResponse (the same at both levels but for a rejection's code). */
export function judgeRestrict(vector: RestrictVector, r: Json): Graded {
  const e = vector.expected
  if (e.result === 'invalid') return judgeRejection(e, r)
  if (r.error !== undefined) return both(unexpectedRejection('a restricted token', r))
  const original = parseToken(vector.input.token, { anyPrefix: true })
  if (!original.ok) return both({ outcome: 'ERROR', message: `harness: the vector's input token does not parse (${original.reason})` })
  const restricted = parseToken(r.token, { anyPrefix: true })
  if (!restricted.ok) return both(fail(`the restricted token does not parse: ${restricted.reason} (${restricted.message})`))
  const problem =
    (original.token.prefix === restricted.token.prefix ? null : `prefix changed from ${JSON.stringify(original.token.prefix)} to ${JSON.stringify(restricted.token.prefix)}`) ??
    compareMacaroons(original.token.macaroon, restricted.token.macaroon, e.caveats) ??
    checkSignature(vector.input.key, restricted.token.macaroon)
  return both(problem === null ? PASS : fail(problem))
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

function sameCaveat(a: Caveat, b: Caveat): boolean {
  if (a.kind !== b.kind || !sameBytes(a.id, b.id)) return false
  return a.kind === 'first-party' || (b.kind === 'third-party' && sameBytes(a.location, b.location) && sameBytes(a.vid, b.vid))
}

const show = (bytes: Uint8Array) => brief(decodeUtf8(bytes) ?? { hex: Buffer.from(bytes).toString('hex') }, 60)

/** The first way `after` is not `before` with exactly `expected` appended, or null. */
function compareMacaroons(before: Macaroon, after: Macaroon, expected: readonly unknown[]): string | null {
  if (!sameBytes(before.location, after.location)) return 'location changed'
  if (!sameBytes(before.identifier, after.identifier)) return `identifier changed from ${show(before.identifier)} to ${show(after.identifier)}`
  const kept = before.caveats.length
  for (let i = 0; i < kept; i++) {
    const a = before.caveats[i] as Caveat
    const b = after.caveats[i]
    if (b === undefined) return `original caveat ${i} is missing (the token has ${after.caveats.length} caveats, the input had ${kept})`
    if (!sameCaveat(a, b)) return `original caveat ${i} changed: expected ${show(a.id)}, got ${show(b.id)}`
  }
  const appended = after.caveats.length - kept
  if (appended !== expected.length) return `expected ${expected.length} appended caveat${expected.length === 1 ? '' : 's'}, got ${appended}`
  for (let j = 0; j < appended; j++) {
    const problem = compareAppended(after.caveats[kept + j] as Caveat, expected[j], kept + j)
    if (problem !== null) return problem
  }
  return null
}

function compareAppended(caveat: Caveat, expected: unknown, index: number): string | null {
  if (caveat.kind !== 'first-party') return `caveat ${index} is a third-party caveat, expected ${brief(expected, 60)}`
  const text = decodeUtf8(caveat.id)
  if (text === null) return `caveat ${index} is not UTF-8, expected ${brief(expected, 60)}`
  const parsed = parseStrictJson(text)
  if (!parsed.ok) return `caveat ${index} ${brief(text, 60)} is not strict JSON (${parsed.message}), expected ${brief(expected, 60)}`
  return firstDifference(expected, parsed.value) === null ? null : `caveat ${index}: expected ${brief(expected, 60)}, got ${brief(text, 60)}`
}

function checkSignature(keyHex: string, m: Macaroon): string | null {
  const key = fromHex(keyHex)
  if (key === null) return 'harness: the vector key is not hex'
  const want = computeSignature(key, m.identifier, m.caveats)
  return sameBytes(want, m.signature) ? null : `signature ${toHex(m.signature).slice(0, 16)}… does not match the chain computed with the key (${toHex(want).slice(0, 16)}…)`
}
