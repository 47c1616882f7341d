/**
 * @module Mutations of a canonical token, each with what tamper evidence (LAW-6) lets a verifier
 * make of it. Only the location lies outside the signature (TOKEN-8), so a mutation may leave a
 * valid token valid only when every byte it changes is a location byte and the layout is intact
 * (same length); anything else makes the token invalid. The byte layout used here is the one the
 * spec defines (MAC-2, MAC-3), worked out from the location the token was minted with, not read
 * back with the implementation's decoder.
 */
import fc from 'fast-check'

/** Bytes [start, end) of the binary macaroon that hold the location's value. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** Where a location of `length` bytes sits: after the version byte, field type 1 and its varint length. */
export function locationSpan(length: number): Span {
  if (length >= 128) throw new RangeError('the deep fuzzer mints locations shorter than 128 bytes (one-byte varint)')
  return { start: 3, end: 3 + length }
}

/** A mutated token and whether the change stayed within the location (so the verdict may stand). */
export interface Mutated {
  readonly token: string
  readonly confinedToLocation: boolean
  readonly what: string
}

const BODY_START = 'pypi-'.length
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Characters outside canonical base64url (TOKEN-4). */
const FOREIGN = ['=', '+', '/', ' ', '\n', '\t', '.', '%', '\u0000', 'é', '\u00a0', '\ud83d\ude00', '\ud800']

const bytesOf = (token: string) => Buffer.from(token.slice(BODY_START), 'base64url')
const tokenOf = (bytes: Uint8Array) => `pypi-${Buffer.from(bytes).toString('base64url')}`
const within = (span: Span, from: number, to: number) => from >= span.start && to <= span.end
/**
 * Whether deleting `n` bytes at `p` removes exactly the whole location field (its type byte, its
 * one-byte length and its value): the header then has no location, which reads as absent (MAC-5)
 * and is unsigned (TOKEN-8), so the verdict may stand.
 */
export const isWholeLocationField = (span: Span, p: number, n: number) => p === span.start - 2 && n === span.end - span.start + 2

/** Byte-level mutations of the binary macaroon, re-encoded canonically. */
function byteMutation(token: string, span: Span): fc.Arbitrary<Mutated> {
  const b = bytesOf(token)
  const at = fc.nat({ max: b.length - 1 })
  const byte = fc.integer({ min: 0, max: 255 })
  return fc.oneof(
    fc.tuple(at, byte).map(([p, v]): Mutated => {
      const out = Uint8Array.from(b)
      out[p] = v
      return { token: tokenOf(out), confinedToLocation: v === b[p] || within(span, p, p + 1), what: `byte ${p} set to ${v}` }
    }),
    fc.tuple(at, fc.integer({ min: 0, max: 7 })).map(([p, bit]): Mutated => {
      const out = Uint8Array.from(b)
      out[p] = (out[p] as number) ^ (1 << bit)
      return { token: tokenOf(out), confinedToLocation: within(span, p, p + 1), what: `bit ${bit} of byte ${p} flipped` }
    }),
    fc.tuple(fc.nat({ max: b.length }), byte).map(([p, v]): Mutated => ({ token: tokenOf(Buffer.concat([b.subarray(0, p), Uint8Array.of(v), b.subarray(p)])), confinedToLocation: false, what: `byte ${v} inserted at ${p}` })),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([p, n]): Mutated => ({ token: tokenOf(Buffer.concat([b.subarray(0, p), b.subarray(p + n)])), confinedToLocation: isWholeLocationField(span, p, n), what: `${n} byte(s) deleted at ${p}` })),
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((tail): Mutated => ({ token: tokenOf(Buffer.concat([b, tail])), confinedToLocation: false, what: `${tail.length} byte(s) appended` })),
    at.map((p): Mutated => ({ token: tokenOf(b.subarray(0, p)), confinedToLocation: false, what: `truncated to ${p} bytes` })),
  )
}

/** Character-level mutations of the token string. */
function charMutation(token: string, span: Span): fc.Arbitrary<Mutated> {
  const body = token.length - BODY_START
  const at = fc.nat({ max: body - 1 }).map((i) => BODY_START + i)
  /** Body character j carries bits [6j, 6j + 6), so bytes ⌊6j/8⌋ … ⌊(6j+5)/8⌋. */
  const charWithinLocation = (i: number) => {
    const j = i - BODY_START
    return within(span, Math.floor((6 * j) / 8), Math.floor((6 * j + 5) / 8) + 1)
  }
  return fc.oneof(
    fc.tuple(at, fc.constantFrom(...ALPHABET)).map(([i, c]): Mutated => ({
      token: token.slice(0, i) + c + token.slice(i + 1),
      confinedToLocation: c === token[i] || charWithinLocation(i),
      what: `character ${i} replaced by ${JSON.stringify(c)}`,
    })),
    fc.tuple(fc.nat({ max: token.length }), fc.constantFrom(...FOREIGN, ...ALPHABET)).map(([i, c]): Mutated => ({ token: token.slice(0, i) + c + token.slice(i), confinedToLocation: false, what: `${JSON.stringify(c)} inserted at ${i}` })),
    fc.tuple(at, fc.constantFrom(...FOREIGN)).map(([i, c]): Mutated => ({ token: token.slice(0, i) + c + token.slice(i + 1), confinedToLocation: false, what: `character ${i} replaced by ${JSON.stringify(c)}` })),
    fc.nat({ max: token.length - 1 }).map((i): Mutated => ({ token: token.slice(0, i) + token.slice(i + 1), confinedToLocation: false, what: `character ${i} deleted` })),
    at.map((i): Mutated => {
      const swapped = token.slice(0, i) + (token[i + 1] ?? '') + (token[i] as string) + token.slice(i + 2)
      return { token: swapped, confinedToLocation: swapped === token || (charWithinLocation(i) && charWithinLocation(i + 1)), what: `characters ${i} and ${i + 1} swapped` }
    }),
  )
}

/** A byte- or character-level mutation of a canonical `pypi-` token whose location is `span`. */
export function mutationArb(token: string, span: Span): fc.Arbitrary<Mutated> {
  return fc.oneof(byteMutation(token, span), charMutation(token, span))
}
