#!/usr/bin/env node
/** @module The `pypi-token` executable: wires the process to run(). */
import { run } from './run.js'
import { EXIT, type Io } from './io.js'

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // Bytes that are not UTF-8 become U+FFFD, which the token reader reports as binary input.
  return Buffer.concat(chunks).toString('utf8')
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org) or TERM is dumb. */
const colour = process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === '' && process.env.TERM !== 'dumb'

const io: Io = {
  argv: process.argv.slice(2),
  env: process.env,
  readStdin,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => Math.floor(Date.now() / 1000),
  colour,
}

run(io).then(
  (status) => {
    process.exitCode = status
  },
  (err: unknown) => {
    process.stderr.write(`pypi-token: internal error, please report it: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = EXIT.INTERNAL
  },
)
