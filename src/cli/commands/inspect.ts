/** @module `pypi-token inspect`: what a token is and what it allows, without the key. */
import { inspect, type CaveatInfo, type TokenInfo } from '../../index.js'
import type { TextOrHex } from '../../bytes.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { parseInstant } from '../time-input.js'
import { readToken } from '../token-input.js'

export const INSPECT_USAGE = `pypi-token inspect [TOKEN | -] [--from-env VAR] [--json] [--now TIME]
  Shows a token's parts and explains each caveat. Reads the token from the argument, from
  standard input (no argument or -), or from the environment variable VAR.
  --json      print the result as JSON
  --now TIME  relative times against TIME (Unix seconds or ISO-8601) instead of the clock`

export async function inspectCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('inspect', argv, { 'from-env': { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } })
  const now = values.now === undefined ? io.now() : parseInstant(values.now, '--now')
  const token = await readToken(io, positionals[0], values['from-env'])
  const result = inspect(token, { now })
  if (!result.ok) throw new UsageError(`not a token: ${result.reason}: ${result.message}`)
  io.out(values.json ? JSON.stringify(result.token, null, 2) + '\n' : describe(result.token))
  return EXIT.OK
}

const show = (v: TextOrHex | null) => (v === null ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : `hex ${v.hex}`)

function describe(t: TokenInfo): string {
  const lines = [
    `prefix      ${t.prefix}`,
    `location    ${show(t.location)} (not signed; never checked)`,
    `identifier  ${show(t.identifier)}`,
    `signature   ${t.signature}`,
    `caveats     ${t.caveats.length}`,
  ]
  if (t.caveats.length === 0) {
    lines.push('', 'No caveats: this token can do everything its owner can. Narrow it with `pypi-token restrict`.')
  }
  for (const c of t.caveats) lines.push('', ...describeCaveat(c))
  if (t.caveats.some((c) => c.error !== null)) lines.push('', 'At least one caveat is rejected whatever the request: no verifier accepts this token.')
  return lines.join('\n') + '\n'
}

/** Caveat text as it is when printable, JSON-quoted when it holds control characters. */
const showRaw = (v: TextOrHex) => (typeof v === 'string' && /^[^\x00-\x1f\x7f]*$/.test(v) ? v : show(v))

function describeCaveat(c: CaveatInfo): string[] {
  const label = c.kind === 'third-party' ? 'third-party' : (c.slug ?? (c.error?.reason === 'CAVEAT_UNKNOWN' ? 'unknown' : 'malformed'))
  return [`[${c.index}] ${label.padEnd(21)} ${showRaw(c.raw)}`, `    ${c.explanation}`]
}
