/** @module What a CLI command may touch, passed in so tests can run commands without a process; the exit statuses and the errors that carry them. */

export interface Io {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  /** Reads all of standard input; null when stdin is a terminal (nothing piped). */
  readStdin(): Promise<string | null>
  out(text: string): void
  err(text: string): void
  /** Current time in Unix seconds. */
  now(): number
  /** Standard output is a terminal that wants colour: not piped, NO_COLOR unset, TERM not dumb. Default false. */
  readonly colour?: boolean
}

/**
 * The exit statuses, the same in every command (README.md, "Exit status"). `meaning` is what
 * `pypi-token --help` prints and what the README's table must say.
 */
export const EXIT = { OK: 0, INVALID: 1, USAGE: 2, INTERNAL: 3, INTERRUPTED: 130 } as const

export const EXIT_STATUSES: readonly { readonly status: number; readonly meaning: string }[] = [
  { status: EXIT.OK, meaning: 'success: the token is valid (verify), not expired and not impossible (inspect --check), the command did its job, or the conformance run passed' },
  { status: EXIT.INVALID, meaning: 'a negative answer: the token is invalid or not a token at all (verify, inspect, restrict), expired or never valid (inspect --check), or the implementation failed the conformance run' },
  { status: EXIT.USAGE, meaning: 'bad usage or input: an unknown command or option, a missing or malformed value, no token or more than one, a key that is not hex, a restriction refused (restrict without --force), unusable vector, xfail or adapter files' },
  { status: EXIT.INTERNAL, meaning: 'an internal error (a bug: please report it)' },
  { status: EXIT.INTERRUPTED, meaning: 'interrupted (Ctrl-C; 143 for SIGTERM)' },
]

/** An error reported as one line on stderr (and as a JSON object on stdout under --json), ending the command with `exit`. */
export class CliError extends Error {
  override readonly name: string = 'CliError'
  constructor(
    message: string,
    readonly exit: number,
    /** `usage`: bad usage or input; `invalid-token`: not a token (its reason code in `reason`); `refused`: a restriction refused. */
    readonly kind: 'usage' | 'invalid-token' | 'refused',
    readonly reason: string | null = null,
  ) {
    super(message)
  }
}

/** Bad input or usage: exit status 2. */
export class UsageError extends CliError {
  override readonly name = 'UsageError'
  constructor(message: string) {
    super(message, EXIT.USAGE, 'usage')
  }
}

/** What was given as the token is not one (a reason code of spec/reason-codes.md): exit status 1, as `verify` says invalid. */
export class TokenError extends CliError {
  override readonly name = 'TokenError'
  constructor(reason: string, message: string) {
    super(`not a token: ${reason}: ${message}`, EXIT.INVALID, 'invalid-token', reason)
  }
}

/** A restriction refused because the result could not be used (restrict and mint without --force): exit status 2. */
export class RefusedError extends CliError {
  override readonly name = 'RefusedError'
  constructor(message: string) {
    super(message, EXIT.USAGE, 'refused')
  }
}

const ESC = '\x1b['
/** Colours for a terminal; the identity when `on` is false. */
export function paint(on: boolean | undefined) {
  const wrap = (code: string) => (text: string) => (on === true ? `${ESC}${code}m${text}${ESC}0m` : text)
  return { red: wrap('31'), green: wrap('32'), yellow: wrap('33'), bold: wrap('1') }
}

/**
 * A message made safe for one terminal line: control characters escaped, anything past `max`
 * characters cut (a token's prefix can be 800 bytes of binary junk).
 */
export function oneLine(text: string, max = 300): string {
  const escaped = text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]/g, (c) => (c === '\ufffd' ? '?' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).replace(/\s*\n\s*/g, ' ')
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped
}
