/**
 * @module Where a token comes from: the argument, standard input, or a named environment
 * variable, so that it never has to appear in shell history.
 */
import { UsageError, type Io } from './io.js'

/**
 * Reads the token. Surrounding whitespace (a trailing newline from `echo` or a file) is
 * removed here, in the CLI; the library itself rejects it (TOKEN-4).
 */
export async function readToken(io: Io, positional: string | undefined, fromEnv: string | undefined): Promise<string> {
  if (positional !== undefined && fromEnv !== undefined) throw new UsageError('give the token as an argument or with --from-env, not both')
  if (fromEnv !== undefined) {
    const value = io.env[fromEnv]
    if (value === undefined) throw new UsageError(`environment variable ${fromEnv} is not set`)
    if (value.trim() === '') throw new UsageError(`environment variable ${fromEnv} is empty`)
    return value.trim()
  }
  if (positional !== undefined && positional !== '-') return positional.trim()
  const piped = await io.readStdin()
  if (piped === null) throw new UsageError('no token: pass it as an argument, pipe it on stdin, or name a variable with --from-env')
  if (piped.trim() === '') throw new UsageError('no token on standard input')
  return piped.trim()
}

/** A key as hex, from --key-hex or from the variable named by --key-env. */
export function readKeyHex(io: Io, hex: string | undefined, env: string | undefined): Uint8Array {
  if (hex !== undefined && env !== undefined) throw new UsageError('give --key-hex or --key-env, not both')
  const text = env !== undefined ? io.env[env] : hex
  if (env !== undefined && text === undefined) throw new UsageError(`environment variable ${env} is not set`)
  if (text === undefined) throw new UsageError('a key is required: --key-env VAR (hex) or --key-hex HEX')
  const clean = text.trim()
  if (clean === '' || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) throw new UsageError('the key must be non-empty hexadecimal')
  return Uint8Array.from(Buffer.from(clean, 'hex'))
}
