/**
 * @module A fuzzing disagreement as a candidate vector file (vectors/candidates/<hash>.json): a
 * valid VectorFile with topic `candidates`, one vector `candidates::<hash>` flagged FuzzCandidate,
 * the seed and shrink path in its provenance. The expectation is the reference adapter's answer
 * when the reference took part; otherwise a verify is left `acceptable` for review, and other ops
 * take the in-process reference's answer, marked for review.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { handle } from '../adapter/handle.js'
import { decodeUtf8 } from '../bytes.js'
import type { InspectedToken, ReasonCode, Vector, VectorFile } from '../generated/types.js'
import type { Answer } from '../harness/process/adapter-process.js'
import { parseStrictJson } from '../json/parse.js'
import { parseToken } from '../token/parse.js'
import { VERSION } from '../version.js'
import { fuzzRequest, type FuzzCase } from './cases.js'
import { canonical } from './compare.js'

/** One adapter's part in a disagreement. */
export interface FuzzAnswer {
  readonly adapter: string
  readonly implementation: { readonly name: string; readonly version: string }
  readonly answer: Answer
  readonly display: string
}

/** A shrunk disagreement, with everything needed to replay it. */
export interface Disagreement {
  readonly hash: string
  readonly seed: number
  readonly path: string
  readonly numShrinks: number
  readonly input: FuzzCase
  readonly answers: readonly FuzzAnswer[]
  readonly class: string
}

/** The 12-hex-digit id of an input: a hash of the request every adapter got (and restrict's key). */
export function caseHash(c: FuzzCase): string {
  const identity = c.op === 'restrict' ? { ...fuzzRequest(c), key: c.key } : fuzzRequest(c)
  return createHash('sha256').update(canonical(identity)).digest('hex').slice(0, 12)
}

type Expected = Vector['expected']
type Json = Record<string, unknown>

const REFERENCE = 'pypi-token-spec'

/** The expectation, and whether it still needs review. */
function expectationOf(d: Disagreement): { expected: Expected; review: string | null } {
  const c = d.input
  const ref = d.answers.find((a) => a.implementation.name === REFERENCE && a.answer.kind === 'response' && a.answer.response.ok === true)
  if (ref !== undefined && ref.answer.kind === 'response') return { expected: fromResponse(c, ref.answer.response), review: null }
  if (c.op === 'verify') {
    const invalid = d.answers.map((a) => (a.answer.kind === 'response' && a.answer.response.valid === false ? (a.answer.response.reason as ReasonCode) : null)).find((r) => r !== null)
    return invalid === undefined || invalid === null
      ? { expected: { result: 'valid' }, review: 'no reference adapter took part; set the expectation by the spec' }
      : { expected: { result: 'acceptable', reason: invalid }, review: 'no reference adapter took part; left acceptable for review' }
  }
  return { expected: fromResponse(c, handle({ id: 0, ...fuzzRequest(c) })), review: 'expected from the in-process reference; no reference adapter took part' }
}

function fromResponse(c: FuzzCase, r: Json): Expected {
  const error = r.error as { code: ReasonCode } | undefined
  if (c.op === 'verify') return r.valid === true ? { result: 'valid' } : { result: 'invalid', reason: r.reason as ReasonCode }
  if (error !== undefined) return { result: 'invalid', reason: error.code }
  if (c.op === 'inspect') return { result: 'valid', token: r.token as InspectedToken }
  return { result: 'valid', caveats: appendedCaveats(c.token, String(r.token)) }
}

/** The caveats `after` has beyond `before`, as JSON values (text when not strict JSON). */
function appendedCaveats(before: string, after: string): unknown[] {
  const a = parseToken(before, { anyPrefix: true })
  const b = parseToken(after, { anyPrefix: true })
  if (!a.ok || !b.ok) return []
  return b.token.macaroon.caveats.slice(a.token.macaroon.caveats.length).map((cv) => {
    const text = decodeUtf8(cv.id) ?? ''
    const parsed = parseStrictJson(text)
    return parsed.ok ? JSON.parse(JSON.stringify(parsed.value)) : text
  })
}

const SPEC: Record<FuzzCase['op'], [string]> = { verify: ['VERIFY-1'], inspect: ['ADAPT-9'], restrict: ['ADAPT-13'] }

/** The candidate vector file for a disagreement. */
export function candidateFile(d: Disagreement, command: string): VectorFile {
  const { expected, review } = expectationOf(d)
  const c = d.input
  const built = `token built from identifier ${JSON.stringify(c.origin.identifier)}, caveats ${JSON.stringify(c.origin.caveats)}, spelling ${c.origin.variant}${c.origin.wrongKey === true ? ', verified with a wrong key' : ''}`
  const answers = d.answers.map((a) => `${a.implementation.name} ${a.implementation.version} (${a.adapter}): ${a.display}`)
  const input =
    c.op === 'verify' ? { token: c.token, key: c.key, context: c.context } : c.op === 'inspect' ? { token: c.token } : { token: c.token, key: c.key, restrictions: [...c.restrictions] }
  const vector = {
    id: `candidates::${d.hash}`,
    description: `Differential fuzzing found implementations disagreeing on this ${c.op}: ${answers.join('; ')}. The ${built}.${review === null ? '' : ` REVIEW: ${review}.`}`,
    spec: SPEC[c.op],
    flags: ['FuzzCandidate'],
    op: c.op,
    input,
    expected,
  } as Vector
  return {
    schema: 'vector-file.schema.json',
    topic: 'candidates',
    title: `Fuzzing candidate ${d.hash}`,
    description: `A disagreement found by \`pypi-token conformance fuzz\` (class \`${d.class}\`), shrunk by fast-check in ${d.numShrinks} steps. Review it, set the expectation by the spec, and move it into a topic's builder.`,
    suite_version: VERSION,
    provenance: {
      generator: 'src/fuzz/fuzz.ts',
      seed: d.seed,
      sources: [`fast-check seed ${d.seed} path ${d.path}`, `command: ${command}`, ...answers],
    },
    number_of_vectors: 1,
    notes: { FuzzCandidate: { bug_type: 'INTEROP', description: 'Found by differential fuzzing: the implementations disagree. Not yet reviewed.', effect: 'Unknown until reviewed against the spec.' } },
    vectors: [vector],
  }
}

/** Writes a candidate file as `<dir>/<hash>.json`; returns its path. */
export function writeCandidate(dir: string, d: Disagreement, command: string): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${d.hash}.json`)
  writeFileSync(path, JSON.stringify(candidateFile(d, command), null, 2) + '\n')
  return path
}
