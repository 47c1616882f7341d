/** @module Option parsing on node:util parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>

export function parse<O extends Options>(command: string, argv: readonly string[], options: O, maxPositionals = 1): Parsed<O> {
  let parsed: Parsed<O>
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`)
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`)
  return parsed
}
