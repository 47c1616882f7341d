/** @module Option parsing on node:util parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>

/**
 * Lets an option's value start with `-` without `=` (`--now -1`, `--seed -5`, `--project -x`):
 * parseArgs calls that ambiguous. A value that is itself a long option (`--from-env --json`) is
 * refused instead, since the value was most likely forgotten.
 */
function joinDashValues(command: string, argv: readonly string[], options: Options): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      out.push(...argv.slice(i))
      break
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null
    const next = argv[i + 1]
    if (name !== null && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && next !== '-') {
      if (next.startsWith('--')) throw new UsageError(`${command}: ${arg} needs a value (got the option ${next})`)
      out.push(`${arg}=${next}`)
      i++
      continue
    }
    out.push(arg)
  }
  return out
}

/**
 * Refuses an option given more than once unless it is declared `multiple` (and its help says what
 * repeating means). parseArgs keeps the last value, so `--expires-in 5m --expires-in 10m` would
 * silently write the looser window and `--from-env A --from-env B` use the other token: a repeat
 * the help does not document is ambiguous, and ambiguity here can widen a token.
 */
function refuseRepeats(command: string, args: string[], options: Options): void {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true })
  const seen = new Set<string>()
  for (const t of tokens) {
    if (t.kind !== 'option' || options[t.name] === undefined || options[t.name]?.multiple === true) continue
    if (seen.has(t.name)) throw new UsageError(`${command}: ${t.rawName} is given more than once; give it once (it is not repeatable, and which value should win is not guessed)`)
    seen.add(t.name)
  }
}

/** Hexadecimal of 16 bytes or more, or something shaped like a token: key material, never echoed. */
const SECRET_SHAPED = /^(?:[0-9a-fA-F]{32,}|[A-Za-z0-9_]{1,64}-[A-Za-z0-9_-]{16,})$/

/**
 * The refusal of an argument the command does not take. A command that takes a key gets a hint
 * to pass it with --key-*; an argument that may be a key or a token is not repeated on screen.
 */
function unexpected(arg: string, takesKey: boolean): string {
  const hidden = takesKey || SECRET_SHAPED.test(arg.trim())
  const what = hidden ? `unexpected argument (${arg.length} characters, not shown: it may be a key or a token)` : `unexpected argument ${JSON.stringify(arg)}`
  return takesKey ? `${what}; a key is not an argument: give it with --key-env VAR, --key-file PATH or --key-stdin (hexadecimal), or --key-hex HEX for tests` : what
}

export function parse<O extends Options>(command: string, argv: readonly string[], options: O, maxPositionals = 1): Parsed<O> {
  let parsed: Parsed<O>
  try {
    const args = joinDashValues(command, argv, options)
    refuseRepeats(command, args, options)
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    if (err instanceof UsageError) throw err
    const message = (err as Error).message
    const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(message)
    if (missing !== null) throw new UsageError(`${command}: ${missing[1]} needs a value`)
    throw new UsageError(`${command}: ${message.replace(/\. To specify a positional argument.*$/s, '')}`)
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`${command}: ${unexpected(parsed.positionals[maxPositionals] as string, 'key-hex' in options)}`)
  return parsed
}
