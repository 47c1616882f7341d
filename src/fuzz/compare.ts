/**
 * @module What counts as the same answer in differential fuzzing: `(valid, reason)` for verify,
 * the reported parts for inspect, and for restrict the resulting token as the harness judges it
 * (caveats compared as JSON values, the signature checked with the key), so that two restricters
 * that write `[1, ["a"]]` and `[1,["a"]]` agree. `unsupported` takes no part in the comparison.
 */
import { decodeUtf8, fromHex, toHex } from '../bytes.js'
import { dumpJson } from '../json/dumps.js'
import { parseStrictJson } from '../json/parse.js'
import { computeSignature } from '../macaroon/signature.js'
import { checkShape } from '../harness/judging/judge.js'
import { brief } from '../harness/judging/json-values.js'
import type { Answer } from '../harness/process/adapter-process.js'
import { parseToken } from '../token/parse.js'
import type { FuzzCase } from './cases.js'

/** One adapter's answer, normalised: `key` decides agreement, `kind` is its coarse class, `display` is for people. */
export interface Normalized {
  readonly key: string
  readonly kind: string
  readonly display: string
}

/** Normalises an answer; null when the adapter does not support the request (excluded from comparison). */
export function normalize(c: FuzzCase, answer: Answer): Normalized | null {
  if (answer.kind !== 'response') return { key: answer.kind, kind: answer.kind, display: `${answer.kind === 'hang' ? 'HANG' : 'ERROR'}: ${answer.message}` }
  const r = answer.response
  const shape = checkShape(c.op, r)
  if (shape?.outcome === 'SKIP') return null
  if (shape !== null) {
    const code = r.ok === false ? String((r.error as { code?: unknown } | undefined)?.code) : 'malformed-response'
    return { key: `adapter-error:${code}`, kind: `adapter-error:${code}`, display: `ERROR: ${shape.message ?? ''}` }
  }
  const error = r.error as { code: string; message?: string } | undefined
  if (error !== undefined) return { key: `error:${error.code}`, kind: `error:${error.code}`, display: `error ${error.code}${error.message === undefined ? '' : ` (${brief(error.message, 100)})`}` }
  switch (c.op) {
    case 'verify': {
      const v = r.valid === true ? 'valid' : `invalid:${String(r.reason)}`
      return { key: v, kind: v, display: r.valid === true ? 'valid' : `invalid (${String(r.reason)})` }
    }
    case 'inspect': {
      const key = canonical(r.token)
      return { key: `token:${key}`, kind: 'token', display: `token ${brief(r.token, 200)}` }
    }
    case 'restrict': {
      const summary = restrictedSummary(String(r.token), c.key)
      return { key: `token:${canonical(summary)}`, kind: 'token', display: `token ${brief(summary, 200)}` }
    }
  }
}

/** The parts of a restricted token that attenuation is judged on. */
export function restrictedSummary(token: string, keyHex: string): Record<string, unknown> {
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) return { unparseable: parsed.reason }
  const m = parsed.token.macaroon
  const key = fromHex(keyHex) ?? new Uint8Array()
  const caveats = m.caveats.map((c) => {
    if (c.kind === 'third-party') return { third_party: toHex(c.id) }
    const text = decodeUtf8(c.id)
    const json = text === null ? null : parseStrictJson(text)
    return json?.ok === true ? dumpJson(json.value) : { raw: text ?? toHex(c.id) }
  })
  const signatureValid = key.length > 0 && Buffer.from(computeSignature(key, m.identifier, m.caveats)).equals(m.signature)
  return { prefix: parsed.token.prefix, location: m.location === null ? null : toHex(m.location), identifier: toHex(m.identifier), caveats, signatureValid }
}

/** JSON text with object keys sorted, so equal values have equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  )
}

/** True when every answer that takes part has the same key. */
export function agree(answers: readonly (Normalized | null)[]): boolean {
  const keys = new Set(answers.filter((a): a is Normalized => a !== null).map((a) => a.key))
  return keys.size <= 1
}

/** The class of a disagreement, used to look for distinct ones: op plus each adapter's coarse answer. */
export function disagreementClass(op: string, answers: readonly (Normalized | null)[]): string {
  const kinds = answers.map((a) => a?.kind ?? 'unsupported')
  const sameKinds = new Set(kinds.filter((k) => k !== 'unsupported')).size <= 1
  return `${op}|${kinds.join('|')}${sameKinds ? '|content' : ''}`
}
