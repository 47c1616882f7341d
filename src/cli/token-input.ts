/**
 * @module Where a token and a key come from: the argument, standard input, a named environment
 * variable or (keys) a file, so that neither has to appear in shell history or in `ps`.
 */
import { readFileSync } from 'node:fs'
import { fromHex } from '../bytes.js'
import { UsageError, type Io } from './io.js'

/** Control characters other than whitespace, and U+FFFD (what undecodable bytes became): binary input, not text. */
const BINARY = /[\x00-\x08\x0e-\x1f\x7f\ufffd]/
/** Something shaped like a token: a prefix, `-`, and a body of some length. */
const TOKEN_SHAPED = /^[A-Za-z0-9_]{1,64}-[A-Za-z0-9_-]{16,}$/

/**
 * The one token in `text` from `where` ("standard input", "variable PYPI_TOKEN"), with the
 * surrounding whitespace removed. Binary data and several tokens are refused here, in the CLI,
 * with a short message; anything else goes to the parser, which says what is wrong with it.
 */
function singleToken(text: string, where: string): string {
  const token = text.trim()
  if (token === '') throw new UsageError(`no token: ${where} is empty`)
  if (BINARY.test(token)) throw new UsageError(`${where} holds binary data, not a token`)
  const words = token.split(/\s+/)
  const tokens = words.filter((w) => TOKEN_SHAPED.test(w)).length
  if (words.length > 1 && tokens > 1) throw new UsageError(`${where} holds ${tokens} tokens; give one at a time`)
  return token
}

export interface TokenSources {
  readonly positional: string | undefined
  readonly fromEnv: string | undefined
  /** Standard input already holds the key (--key-stdin), so the token cannot come from it. */
  readonly stdinTaken?: boolean
}

/**
 * Reads the token. Surrounding whitespace (a trailing newline from `echo` or a file) is
 * removed here, in the CLI; the library itself rejects it (TOKEN-4).
 */
export async function readToken(io: Io, { positional, fromEnv, stdinTaken = false }: TokenSources): Promise<string> {
  if (positional !== undefined && fromEnv !== undefined) throw new UsageError('give the token as an argument or with --from-env, not both')
  if (fromEnv !== undefined) {
    const value = io.env[fromEnv]
    if (value === undefined) throw new UsageError(`environment variable ${fromEnv} is not set`)
    return singleToken(value, `variable ${fromEnv}`)
  }
  if (positional !== undefined && positional !== '-') return singleToken(positional, 'the argument')
  if (stdinTaken) throw new UsageError('standard input holds the key (--key-stdin): give the token as an argument or with --from-env')
  const piped = await io.readStdin()
  if (piped === null) throw new UsageError('no token: pass it as an argument, pipe it on stdin, or name a variable with --from-env')
  return singleToken(piped, 'standard input')
}

/** The options that name a key, shared by verify and mint. */
export const KEY_OPTIONS = {
  'key-env': { type: 'string' },
  'key-file': { type: 'string' },
  'key-stdin': { type: 'boolean' },
  'key-hex': { type: 'string' },
} as const

export const KEY_USAGE = `  key (hexadecimal; exactly one of):
    --key-env VAR          from the environment variable VAR
    --key-file PATH        from the file PATH (surrounding whitespace ignored)
    --key-stdin            from standard input (the token then comes from the argument or --from-env)
    --key-hex HEX          on the command line (visible in ps and shell history: for tests)`

interface KeyValues {
  readonly 'key-env'?: string
  readonly 'key-file'?: string
  readonly 'key-stdin'?: boolean
  readonly 'key-hex'?: string
}

/** The root key, from exactly one of --key-env, --key-file, --key-stdin and --key-hex. */
export async function readKey(io: Io, values: KeyValues): Promise<Uint8Array> {
  const given = (['key-env', 'key-file', 'key-stdin', 'key-hex'] as const).filter((k) => values[k] !== undefined && values[k] !== false)
  if (given.length === 0) throw new UsageError('a key is required: --key-env VAR, --key-file PATH or --key-stdin (hexadecimal)')
  if (given.length > 1) throw new UsageError(`give one key, not ${given.map((k) => `--${k}`).join(' and ')}`)
  let text: string
  let where: string
  if (values['key-env'] !== undefined) {
    where = `variable ${values['key-env']}`
    const value = io.env[values['key-env']]
    if (value === undefined) throw new UsageError(`environment variable ${values['key-env']} is not set`)
    text = value
  } else if (values['key-file'] !== undefined) {
    where = `file ${values['key-file']}`
    try {
      text = readFileSync(values['key-file'], 'latin1')
    } catch (err) {
      throw new UsageError(`--key-file ${values['key-file']}: cannot be read (${(err as { code?: string }).code ?? String(err)})`)
    }
  } else if (values['key-stdin'] === true) {
    where = 'standard input'
    const piped = await io.readStdin()
    if (piped === null) throw new UsageError('--key-stdin: nothing is piped to standard input')
    text = piped
  } else {
    where = '--key-hex'
    text = values['key-hex'] as string
  }
  const key = fromHex(text.trim())
  if (key === null || key.length === 0) throw new UsageError(`the key (${where}) must be non-empty hexadecimal: an even number of digits 0-9, a-f`)
  return key
}
