/** @module The command table: argv → command → exit status. The only place usage errors become exit 2. */
import { VERSION } from '../version.js'
import { conformanceCommand, CONFORMANCE_USAGE } from './commands/conformance.js'
import { gateCommand, GATE_USAGE } from './commands/gate.js'
import { inspectCommand, INSPECT_USAGE } from './commands/inspect.js'
import { mintCommand, MINT_USAGE } from './commands/mint.js'
import { restrictCommand, RESTRICT_USAGE } from './commands/restrict.js'
import { verifyCommand, VERIFY_USAGE } from './commands/verify.js'
import { EXIT, UsageError, type Io } from './io.js'

interface Command {
  run(io: Io, argv: readonly string[]): Promise<number>
  usage: string
  summary: string
}

export const COMMANDS: Record<string, Command> = {
  inspect: { run: inspectCommand, usage: INSPECT_USAGE, summary: 'show what a token is and allows (no key needed)' },
  restrict: { run: restrictCommand, usage: RESTRICT_USAGE, summary: 'narrow a token (no key needed)' },
  verify: { run: verifyCommand, usage: VERIFY_USAGE, summary: 'check a token with its key against a request' },
  mint: { run: mintCommand, usage: MINT_USAGE, summary: 'create a token from a root key' },
  conformance: { run: conformanceCommand, usage: CONFORMANCE_USAGE, summary: 'run the conformance vectors against an implementation (run, matrix, fuzz)' },
  gate: { run: gateCommand, usage: GATE_USAGE, summary: 'check a proposed caveat type, proposals/<slug> (spec/proposals.md)' },
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  return [
    `pypi-token ${VERSION}: inspect, narrow and verify PyPI API tokens (spec: spec/index.md)`,
    '',
    'usage: pypi-token <command> [options]    pypi-token <command> --help',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit status: 0 success or valid, 1 invalid token (verify), 2 bad input.',
  ].join('\n')
}

/** Runs one invocation; returns the exit status. Usage errors print one line on stderr. */
export async function run(io: Io): Promise<number> {
  const [name, ...rest] = io.argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n')
    return name === undefined ? EXIT.USAGE : EXIT.OK
  }
  if (name === '--version' || name === '-V') {
    io.out(VERSION + '\n')
    return EXIT.OK
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    io.err(`pypi-token: unknown command ${JSON.stringify(name)} (try pypi-token --help)\n`)
    return EXIT.USAGE
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n')
    return EXIT.OK
  }
  try {
    return await command.run(io, rest)
  } catch (err) {
    if (err instanceof UsageError) {
      const oneLine = err.message.replace(new RegExp(`^${name}: `), '').replace(/\s*\n\s*/g, ' ')
      io.err(`pypi-token ${name}: ${oneLine}\n`)
      return EXIT.USAGE
    }
    throw err
  }
}
