/**
 * The vocabulary vector builders are written in: fixed keys, identifiers and times, token
 * construction, contexts, and one function per vector kind. Expected results are always stated
 * by the builder, from the spec — never computed by the reference implementation.
 */
import { dumpToken, mint, parseToken, type Restriction, type VerifyContext } from '../../src/index.js'
import { encodeBase64url } from '../../src/token/base64url.js'
import { computeSignature } from '../../src/macaroon/signature.js'
import type { InspectedToken, InspectVector, MintVector, Note, ReasonCode, ReportedFailure, RestrictVector, Vector, VectorFile, VerifyVector } from '../../src/generated/types.js'
import { VERSION } from '../../src/version.js'
import { decodedToken, signatureChain } from './decoded.js'
import { FLAGS, type Flag } from './flags.js'

/** bytes(range(32)), the key of every recorded reference token. */
export const KEY = Uint8Array.from({ length: 32 }, (_, i) => i)
export const KEY_HEX = Buffer.from(KEY).toString('hex')
export const OTHER_KEY_HEX = '01'.repeat(32)
export const LOCATION = 'index.example'
/** The Warehouse test-suite identifier (a macaroons row UUID). */
export const IDENTIFIER = 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9'

/** 2023-11-14T22:13:20Z; windows are placed around it. */
export const T0 = 1700000000
export const PROJECT = { name: 'SampleProject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }
export const OTHER_PROJECT = { name: 'Flask', normalized_name: 'flask', id: '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76' }
export const USER = 'a614e122-a9ee-473c-b6df-8c4f1b776628'
export const OTHER_USER = '00000000-0000-0000-0000-000000000009'
export const PUBLISHER = '89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c'
export const OTHER_PUBLISHER = 'deadbeef-0000-4000-8000-000000000001'

/** A request by USER on PROJECT at T0 + 10. */
export function userContext(overrides: Partial<VerifyContext> = {}): VerifyContext {
  return { now: T0 + 10, project: PROJECT, user_id: USER, oidc_publisher: null, ...overrides }
}

/** A Trusted Publishing request by PUBLISHER (registered to PROJECT) on PROJECT at T0 + 10. */
export function publisherContext(overrides: Partial<VerifyContext> = {}): VerifyContext {
  return { now: T0 + 10, project: PROJECT, user_id: null, oidc_publisher: { id: PUBLISHER, project_ids: [PROJECT.id] }, ...overrides }
}

/** A request with nothing but the time. */
export function emptyContext(now = T0 + 10): VerifyContext {
  return { now, project: null, user_id: null, oidc_publisher: null }
}

export interface TokenParts {
  caveats?: readonly (string | Uint8Array | Restriction)[]
  key?: Uint8Array
  identifier?: string | Uint8Array
  location?: string
  prefix?: string
}

/** A token minted with the reference minter, whose output is byte-identical to pymacaroons' (test/unit/mint.test.ts). */
export function token(parts: TokenParts = {}): string {
  const r = mint({ key: parts.key ?? KEY, identifier: parts.identifier ?? IDENTIFIER, location: parts.location ?? LOCATION, prefix: parts.prefix ?? 'pypi', caveats: parts.caveats ?? [] })
  if (!r.ok) throw new Error(`builder: cannot mint: ${r.message}`)
  return r.token
}

/** Packet helpers for hand-built binaries (spec/macaroon.md). */
export const packet = {
  varint(n: number): number[] {
    const out: number[] = []
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80)
      n = Math.floor(n / 128)
    }
    out.push(n)
    return out
  },
  field(type: number, data: Uint8Array | string): number[] {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    return [...packet.varint(type), ...packet.varint(bytes.length), ...bytes]
  },
}

/** `pypi-` + base64url of raw bytes (for malformed binaries). */
export function fromBytes(bytes: readonly number[] | Uint8Array, prefix = 'pypi'): string {
  return `${prefix}-${encodeBase64url(Uint8Array.from(bytes))}`
}

/** A correctly signed token built from explicit first-party caveat bytes, with extra bytes spliced in where asked. */
export function signedBytes(caveats: readonly (string | Uint8Array)[], key = KEY, identifier = IDENTIFIER): { header: number[]; caveats: number[]; signature: number[] } {
  const ids = caveats.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))
  const sig = computeSignature(key, Buffer.from(identifier), ids.map((id) => ({ kind: 'first-party' as const, id })))
  return {
    header: [0x02, ...packet.field(1, LOCATION), ...packet.field(2, identifier), 0x00],
    caveats: [...ids.flatMap((id) => [...packet.field(2, id), 0x00]), 0x00],
    signature: packet.field(6, sig),
  }
}

interface Common {
  id: string
  description: string
  spec: string[]
  flags?: Flag[]
}

const common = (c: Common) => ({ id: c.id, description: c.description, spec: c.spec as [string, ...string[]], flags: c.flags ?? [] })

/** One failure a verify vector expects (VERIFY-5): the caveat's index, or null for the token. */
export type ExpectedFailure = [index: number | null, reason: ReasonCode]

/**
 * What a verify vector expects: `valid`, `invalid` or `acceptable` (VEC-3). `also` lists other
 * reason codes the spec allows (acceptable_reasons); `failures` every failure in token order,
 * given when more than one caveat fails (VERIFY-5).
 */
export type VerifyExpectation =
  | 'valid'
  | { invalid: ReasonCode; also?: ReasonCode[]; failures?: ExpectedFailure[] }
  | { acceptable: ReasonCode; also?: ReasonCode[] }

/** A verify vector, with the decoded token and its signature chain for consumers without a V2 parser (decoded.ts). */
export function verifyVector(c: Common & { token: string; key?: string; context: VerifyContext; expect: VerifyExpectation }): VerifyVector {
  const key = c.key ?? KEY_HEX
  return { ...common(c), op: 'verify', input: { token: c.token, key, context: c.context }, decoded: decodedToken(c.token), chain: signatureChain(c.token, key), expected: verifyExpected(onlyCaveatFails(c.expect, c.token)) }
}

const CAVEAT_REASONS: readonly ReasonCode[] = ['CAVEAT_MALFORMED', 'CAVEAT_UNKNOWN', 'CAVEAT_THIRD_PARTY', 'CAVEAT_NOT_SATISFIED']

/**
 * VERIFY-5, VEC-4: when a token's only caveat fails with one allowed reason, the failure list is
 * that caveat, index 0 — read off the expectation and the caveat count, not computed by a verifier.
 */
function onlyCaveatFails(e: VerifyExpectation, t: string): VerifyExpectation {
  if (e === 'valid' || !('invalid' in e) || e.failures !== undefined || e.also !== undefined || !CAVEAT_REASONS.includes(e.invalid)) return e
  const parsed = parseToken(t)
  return parsed.ok && parsed.token.macaroon.caveats.length === 1 ? { ...e, failures: [[0, e.invalid]] } : e
}

function verifyExpected(e: VerifyExpectation): VerifyVector['expected'] {
  if (e === 'valid') return { result: 'valid' }
  const also = e.also === undefined ? {} : { acceptable_reasons: e.also as [ReasonCode, ...ReasonCode[]] }
  if ('acceptable' in e) return { result: 'acceptable', reason: e.acceptable, ...also }
  const failures = e.failures === undefined ? {} : { failures: e.failures.map(([index, reason]) => ({ index, reason })) as [ReportedFailure, ...ReportedFailure[]] }
  return { result: 'invalid', reason: e.invalid, ...also, ...failures }
}

export function inspectVector(c: Common & { token: string; expect: InspectedToken | { invalid: ReasonCode } }): InspectVector {
  const expected = 'invalid' in c.expect ? { result: 'invalid' as const, reason: c.expect.invalid } : { result: 'valid' as const, token: c.expect }
  return { ...common(c), op: 'inspect', input: { token: c.token }, expected }
}

export function mintVector(c: Common & { key?: string; location?: string; identifier?: string; prefix?: string; caveats: string[]; expect: { token: string } | { invalid: ReasonCode } }): MintVector {
  const input = { key: c.key ?? KEY_HEX, location: c.location ?? LOCATION, identifier: c.identifier ?? IDENTIFIER, prefix: c.prefix ?? 'pypi', caveats: c.caveats }
  const expected = 'invalid' in c.expect ? { result: 'invalid' as const, reason: c.expect.invalid } : { result: 'valid' as const, token: c.expect.token }
  return { ...common(c), op: 'mint', input, expected }
}

export function restrictVector(c: Common & { token: string; key?: string; restrictions: Record<string, unknown>[]; expect: { caveats: unknown[] } | { invalid: ReasonCode } }): RestrictVector {
  const expected = 'invalid' in c.expect ? { result: 'invalid' as const, reason: c.expect.invalid } : { result: 'valid' as const, caveats: c.expect.caveats }
  return { ...common(c), op: 'restrict', input: { token: c.token, key: c.key ?? KEY_HEX, restrictions: c.restrictions as RestrictVector['input']['restrictions'] }, expected }
}

export interface FileSpec {
  topic: string
  title: string
  description: string
  /** Path of the builder module, relative to the repository. */
  generator: string
  seed?: number | null
  sources: string[]
  /** The suite version the file belongs to; default the current one (a proposal's: the next MINOR, PROP-9). */
  version?: string
}

/** Assembles a file: checks ids (topic prefix, uniqueness) and collects the notes of the flags used. */
export function vectorFile(spec: FileSpec, vectors: Vector[]): VectorFile {
  const seen = new Set<string>()
  const notes: Record<string, Note> = {}
  for (const v of vectors) {
    if (!v.id.startsWith(`${spec.topic}::`)) throw new Error(`builder: ${v.id} is not in topic ${spec.topic}`)
    if (seen.has(v.id)) throw new Error(`builder: duplicate id ${v.id}`)
    seen.add(v.id)
    for (const f of v.flags) {
      if (!(f in FLAGS)) throw new Error(`builder: ${v.id} uses undefined flag ${f}`)
      notes[f] = FLAGS[f as Flag]
    }
  }
  return {
    schema: 'vector-file.schema.json',
    topic: spec.topic,
    title: spec.title,
    description: spec.description,
    suite_version: spec.version ?? VERSION,
    provenance: { generator: spec.generator, seed: spec.seed ?? null, sources: spec.sources },
    number_of_vectors: vectors.length,
    notes: Object.fromEntries(Object.entries(notes).sort(([a], [b]) => a.localeCompare(b))),
    vectors,
  }
}

/** The binary macaroon inside a canonical token string. */
export function bytesOf(t: string): Uint8Array {
  return Uint8Array.from(Buffer.from(t.slice(t.indexOf('-') + 1), 'base64url'))
}

/**
 * A recorded token moved to another location: same identifier, caveats and signature (the
 * location is not signed, TOKEN-8). Lets vectors show recorded tokens without their host name.
 */
export function relocate(t: string, location: string = LOCATION): string {
  const parsed = parseToken(t, { anyPrefix: true })
  if (!parsed.ok) throw new Error(`builder: cannot relocate ${t}: ${parsed.message}`)
  return dumpToken({ prefix: parsed.token.prefix, macaroon: { ...parsed.token.macaroon, location: Buffer.from(location) } })
}

/** Hex of a token's signature, read from the token (no computation). */
export function signatureOf(t: string): string {
  const parsed = parseToken(t, { anyPrefix: true })
  if (!parsed.ok) throw new Error(`builder: ${parsed.message}`)
  return Buffer.from(parsed.token.macaroon.signature).toString('hex')
}
