/**
 * @module What a deviation of the interop matrix touches and which way it moves the verdict
 * (INTEROP-1): the caveat kinds involved (slugs, as the reference decodes them) and whether it
 * widens access (a token accepted where the spec's chain refuses it). Explanations must match
 * both (INTEROP-2), so an entry about a restricter that fails closed on project names cannot
 * absorb one that drops a user caveat and lets the token through.
 */
import { decodeUtf8, fromHex, toHex } from '../bytes.js'
import { decodeCaveat } from '../caveats/decode.js'
import { BY_TYPE } from '../caveats/registry.js'
import type { Restriction, VerifyContext } from '../generated/types.js'
import { dumpJson, parseStrictJson } from '../json/index.js'
import type { Caveat } from '../macaroon/types.js'
import { parseToken } from '../token/parse.js'
import { verify } from '../verify.js'

/** A caveat's kind: its slug, or `malformed`, `unknown` or `third-party` when it does not decode. */
export function kindOf(caveat: Caveat): string {
  const d = decodeCaveat(caveat)
  if (d.ok) return d.slug
  return d.slug ?? (d.reason === 'CAVEAT_UNKNOWN' ? 'unknown' : d.reason === 'CAVEAT_THIRD_PARTY' ? 'third-party' : 'malformed')
}

/** The caveats of a token, or null when it does not parse. */
function caveatsOf(token: string): readonly Caveat[] | null {
  const parsed = parseToken(token, { anyPrefix: true })
  return parsed.ok ? parsed.token.macaroon.caveats : null
}

/** Distinct kinds in order; `token` when none (a deviation always concerns something). */
const sorted = (kinds: Iterable<string>) => {
  const all = [...new Set(kinds)].sort()
  return all.length === 0 ? ['token'] : all
}
/** A caveat compared by the JSON it holds, so that whitespace and key order are no difference. */
function contentKey(c: Caveat): string {
  const text = c.kind === 'first-party' ? decodeUtf8(c.id) : null
  const json = text === null ? null : parseStrictJson(text)
  return json?.ok === true ? `json:${dumpJson(json.value)}` : `${c.kind}:${toHex(c.id)}`
}

/**
 * The kinds of the caveats in which two tokens differ (by the JSON they hold, each caveat counted
 * as often as it appears); `token` when one of them does not parse.
 */
export function differingKinds(got: string, want: string): string[] {
  const a = caveatsOf(got)
  const b = caveatsOf(want)
  if (a === null || b === null) return ['token']
  const left = new Map<string, Caveat[]>()
  for (const c of a) left.set(contentKey(c), [...(left.get(contentKey(c)) ?? []), c])
  const extra: Caveat[] = []
  for (const c of b) {
    const same = left.get(contentKey(c))
    if (same !== undefined && same.length > 0) same.pop()
    else extra.push(c)
  }
  return sorted([...[...left.values()].flat(), ...extra].map(kindOf))
}

/** The kinds of the restrictions a request asks for (what a refused or failed restrict concerns). */
export function restrictionKinds(restrictions: readonly Restriction[]): string[] {
  return sorted(restrictions.map((r) => BY_TYPE.get((r as { type?: string }).type ?? '')?.slug ?? 'unknown'))
}

/** The kinds of a token's caveats at these indexes (null: the token itself). */
export function kindsAt(token: string, indexes: readonly (number | null)[]): string[] {
  const caveats = caveatsOf(token)
  return sorted(indexes.map((i) => (i === null || caveats === null ? 'token' : caveats[i] === undefined ? 'token' : kindOf(caveats[i] as Caveat))))
}

/** The kinds of every caveat of a token (`token` when it has none or does not parse). */
export function allKinds(token: string): string[] {
  const caveats = caveatsOf(token)
  return caveats === null || caveats.length === 0 ? ['token'] : sorted(caveats.map(kindOf))
}

/** Whether the reference accepts `token` in `context` while it refuses `specToken` there. */
export function widensAccess(token: string, specToken: string, keyHex: string, context: VerifyContext): boolean {
  const key = fromHex(keyHex) ?? new Uint8Array()
  return verify(token, key, context).valid && !verify(specToken, key, context).valid
}

type Judged = { readonly index: number | null; readonly reason: string }

/**
 * The kinds a verifier's deviation concerns: the caveats whose failure differs between the spec's
 * failures and the ones the implementation reports (when it reports any and they differ there),
 * else the caveats the spec says fail, else (the spec accepts) those the implementation blames,
 * else every caveat of the token.
 */
export function verifyKinds(token: string, spec: readonly Judged[], reported: readonly Judged[] | null): string[] {
  const key = (f: Judged) => `${f.index}:${f.reason}`
  if (reported !== null && reported.length > 0 && spec.length > 0) {
    const mine = new Set(reported.map(key))
    const theirs = new Set(spec.map(key))
    const differ = [...spec.filter((f) => !mine.has(key(f))), ...reported.filter((f) => !theirs.has(key(f)))]
    if (differ.length > 0) return kindsAt(token, differ.map((f) => f.index))
  }
  if (spec.length > 0) return kindsAt(token, spec.map((f) => f.index))
  if (reported !== null && reported.length > 0) return kindsAt(token, reported.map((f) => f.index))
  return allKinds(token)
}
