/** @module `pypi-token inspect`: what a token is and what it allows, without the key. */
import { inspect, type CaveatInfo, type TokenInfo } from '../../index.js'
import { PYPI_PREFIX } from '../../token/parse.js'
import type { TextOrHex } from '../../bytes.js'
import { isoTime, relative } from '../../time.js'
import { parse } from '../args.js'
import { EXIT, paint, TokenError, type Io } from '../io.js'
import { parseInstant } from '../time-input.js'
import { readToken } from '../token-input.js'

export const INSPECT_USAGE = `pypi-token inspect [TOKEN | -] [--from-env VAR] [--json] [--now TIME] [--check]
  Shows a token's parts, explains each caveat, and says whether the caveats allow any request
  now: valid now, expired, not valid yet, or never valid (caveats that can never all hold, such
  as two project lists with no project in common). Needs no key, so the signature is not checked
  (that is verify). Reads the token from the argument, from standard input (no argument or -),
  or from the environment variable VAR.
  --json      print the result as JSON, with expired, valid_now and never_valid, and ISO times
  --now TIME  judge and show times against TIME (Unix seconds or ISO-8601) instead of the clock
  --check     exit status 1 when the token is expired or can never be valid
  A token whose prefix is not pypi is shown, but its status says that verifiers refuse it
  (TOKEN_BAD_PREFIX), and --check exits 1.`

/**
 * Why every verifier refuses the token whatever its caveats say, or null: inspect reads any
 * prefix (to show what a token is), verifiers only `pypi` (TOKEN-2).
 */
function refusedByVerifiers(t: TokenInfo): { reason: 'TOKEN_BAD_PREFIX'; message: string } | null {
  if (t.prefix === PYPI_PREFIX) return null
  return { reason: 'TOKEN_BAD_PREFIX', message: `refused by verifiers: the prefix ${JSON.stringify(t.prefix)} is not ${JSON.stringify(PYPI_PREFIX)} (TOKEN_BAD_PREFIX, TOKEN-2)` }
}

/** The token's status in words, and whether it is good news, bad news or neither. */
function status(t: TokenInfo, now: number): { text: string; tone: 'good' | 'bad' | 'wait' } {
  const refused = refusedByVerifiers(t)
  if (refused !== null) return { text: `${refused.message}; its caveats alone: ${caveatStatus(t, now).text}`, tone: 'bad' }
  return caveatStatus(t, now)
}

/** What the caveats allow now. */
function caveatStatus(t: TokenInfo, now: number): { text: string; tone: 'good' | 'bad' | 'wait' } {
  if (t.never_valid) return { text: `never valid: ${t.conflicts.map((c) => c.message).join('; ')}`, tone: 'bad' }
  if (t.expired === true) return { text: `expired ${relative(t.expires_at as number, now)} (${isoTime(t.expires_at as number)})`, tone: 'bad' }
  if (t.not_yet_valid === true) return { text: `not valid yet: starts ${relative(t.not_before as number, now)} (${isoTime(t.not_before as number)})`, tone: 'wait' }
  if (t.expires_at === null) return { text: 'valid now, and never expires', tone: 'good' }
  return { text: `valid now, expires ${relative(t.expires_at, now)} (${isoTime(t.expires_at)})`, tone: 'good' }
}

/** Unix seconds as ISO-8601, or null. */
const iso = (seconds: number | null) => (seconds === null ? null : isoTime(seconds))

/** The JSON inspect prints: the library's TokenInfo, plus `now` and every time as ISO-8601 beside its Unix seconds. */
function asJson(t: TokenInfo, now: number): object {
  return {
    ...t,
    refused_by_verifiers: refusedByVerifiers(t),
    now,
    now_iso: isoTime(now),
    not_before_iso: iso(t.not_before),
    expires_at_iso: iso(t.expires_at),
    caveats: t.caveats.map((c) =>
      c.restriction !== null && 'expires_at' in c.restriction ? { ...c, expires_at_iso: isoTime(c.restriction.expires_at), not_before_iso: isoTime(c.restriction.not_before) } : c,
    ),
  }
}

export async function inspectCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('inspect', argv, { 'from-env': { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' }, check: { type: 'boolean' } })
  const now = values.now === undefined ? io.now() : parseInstant(values.now, '--now')
  const token = await readToken(io, { positional: positionals[0], fromEnv: values['from-env'] })
  const result = inspect(token, { now })
  if (!result.ok) throw new TokenError(result.reason, result.message)
  const t = result.token
  io.out(values.json === true ? JSON.stringify(asJson(t, now), null, 2) + '\n' : describe(t, now, paint(io.colour)))
  return values.check === true && (t.expired === true || t.never_valid || refusedByVerifiers(t) !== null) ? EXIT.INVALID : EXIT.OK
}

const show = (v: TextOrHex | null) => (v === null ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : `hex ${v.hex}`)

function describe(t: TokenInfo, now: number, c: ReturnType<typeof paint>): string {
  const s = status(t, now)
  const tone = s.tone === 'good' ? c.green : s.tone === 'bad' ? c.red : c.yellow
  const lines = [
    `prefix      ${t.prefix}`,
    `location    ${show(t.location)} (not signed; never checked)`,
    `identifier  ${show(t.identifier)}`,
    `signature   ${t.signature}`,
    `caveats     ${t.caveats.length}`,
    `status      ${tone(s.text)}`,
  ]
  if (t.caveats.length === 0) {
    lines.push('', 'No caveats: this token can do everything its owner can. Narrow it with `pypi-token restrict`.')
  }
  for (const caveat of t.caveats) lines.push('', ...describeCaveat(caveat, c))
  return lines.join('\n') + '\n'
}

/** Caveat text as it is when printable, JSON-quoted when it holds control characters. */
const showRaw = (v: TextOrHex) => (typeof v === 'string' && /^[^\x00-\x1f\x7f]*$/.test(v) ? v : show(v))

function describeCaveat(caveat: CaveatInfo, c: ReturnType<typeof paint>): string[] {
  const label = caveat.kind === 'third-party' ? 'third-party' : (caveat.slug ?? (caveat.error?.reason === 'CAVEAT_UNKNOWN' ? 'unknown' : 'malformed'))
  const explanation = caveat.error !== null || /Never valid|Expired /.test(caveat.explanation) ? c.red(caveat.explanation) : caveat.explanation
  return [`[${caveat.index}] ${label.padEnd(21)} ${showRaw(caveat.raw)}`, `    ${explanation}`]
}
