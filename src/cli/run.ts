/** @module The command table: argv → command → exit status. The only place errors become exit statuses and messages. */
import { VERSION } from '../version.js'
import { CONFORMANCE_SUBCOMMANDS, conformanceCommand, CONFORMANCE_USAGE } from './commands/conformance.js'
import { gateCommand, GATE_USAGE } from './commands/gate.js'
import { inspectCommand, INSPECT_USAGE } from './commands/inspect.js'
import { mintCommand, MINT_USAGE } from './commands/mint.js'
import { restrictCommand, RESTRICT_USAGE } from './commands/restrict.js'
import { verifyCommand, VERIFY_USAGE } from './commands/verify.js'
import { bashCompletion, optionsIn, zshCompletion, type CompletionCommand } from './completion.js'
import { CliError, EXIT, EXIT_STATUSES, oneLine, UsageError, type Io } from './io.js'

interface Command {
  run(io: Io, argv: readonly string[]): Promise<number>
  usage: string
  summary: string
  /** Subcommands and their help (conformance). */
  subcommands?: Readonly<Record<string, string>>
}

const HELP_USAGE = `pypi-token help [COMMAND [SUBCOMMAND]]
  Shows the help of a command (the same as pypi-token COMMAND --help), or the list of commands.`
const VERSION_USAGE = `pypi-token version [--json]
  Prints the version of pypi-token-spec (the same as pypi-token --version).`
const COMPLETION_USAGE = `pypi-token completion bash|zsh
  Prints a completion script for the shell. Load it in the current shell with
    source <(pypi-token completion bash)
  or save it where the shell looks for completions (bash: ~/.local/share/bash-completion/completions/pypi-token;
  zsh: a file named _pypi-token in a directory of $fpath).`

export const COMMANDS: Record<string, Command> = {
  inspect: { run: inspectCommand, usage: INSPECT_USAGE, summary: 'show what a token is and allows, and whether it is expired (no key needed)' },
  restrict: { run: restrictCommand, usage: RESTRICT_USAGE, summary: 'narrow a token (no key needed)' },
  verify: { run: verifyCommand, usage: VERIFY_USAGE, summary: 'check a token with its key against a request' },
  mint: { run: mintCommand, usage: MINT_USAGE, summary: 'create a token from a root key' },
  conformance: { run: conformanceCommand, usage: CONFORMANCE_USAGE, summary: 'run the conformance vectors against an implementation (run, matrix, fuzz, interop)', subcommands: CONFORMANCE_SUBCOMMANDS },
  gate: { run: gateCommand, usage: GATE_USAGE, summary: 'check a proposed caveat type, proposals/<slug> (spec/proposals.md)' },
  help: { run: helpCommand, usage: HELP_USAGE, summary: 'show the help of a command' },
  version: { run: versionCommand, usage: VERSION_USAGE, summary: 'print the version' },
  completion: { run: completionCommand, usage: COMPLETION_USAGE, summary: 'print a bash or zsh completion script' },
}

/** The exit statuses as `pypi-token --help` lists them (README.md has the same table). */
export function exitStatusLines(): string[] {
  return ['Exit status, the same for every command:', ...EXIT_STATUSES.map((e) => `  ${String(e.status).padStart(3)}  ${e.meaning}`)]
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  return [
    `pypi-token ${VERSION}: inspect, narrow and verify PyPI API tokens (spec: spec/index.md)`,
    '',
    'usage: pypi-token <command> [options]    pypi-token help <command>    pypi-token <command> --help',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Under --json, results and errors are JSON on stdout (errors also as one line on stderr).',
    '',
    ...exitStatusLines(),
  ].join('\n')
}

/** The help of `command` (and `sub`), or null when there is no such command. */
function helpOf(command: string, sub: string | undefined): string | null {
  const c = COMMANDS[command]
  if (c === undefined) return null
  return (sub !== undefined ? c.subcommands?.[sub] : undefined) ?? c.usage
}

async function helpCommand(io: Io, argv: readonly string[]): Promise<number> {
  const [command, sub] = argv.filter((a) => !a.startsWith('-'))
  if (command === undefined) {
    io.out(usage() + '\n')
    return EXIT.OK
  }
  const text = helpOf(command, sub)
  if (text === null) throw new UsageError(`help: unknown command ${JSON.stringify(command)} (commands: ${Object.keys(COMMANDS).join(', ')})`)
  if (sub !== undefined && COMMANDS[command]?.subcommands?.[sub] === undefined) throw new UsageError(`help: ${command} has no subcommand ${JSON.stringify(sub)}`)
  io.out(text + '\n')
  return EXIT.OK
}

async function versionCommand(io: Io, argv: readonly string[]): Promise<number> {
  const extra = argv.find((a) => a !== '--json')
  if (extra !== undefined) throw new UsageError(`version: unexpected argument ${JSON.stringify(extra)}`)
  if (argv.length > 1) throw new UsageError('version: --json is given more than once; give it once (it is not repeatable, and which value should win is not guessed)')
  io.out(argv.includes('--json') ? `${JSON.stringify({ name: 'pypi-token-spec', version: VERSION })}\n` : `${VERSION}\n`)
  return EXIT.OK
}

/** What the completion scripts complete, from the command table and each command's help. */
export function completionCommands(): CompletionCommand[] {
  return Object.entries(COMMANDS).map(([name, c]): CompletionCommand => {
    if (c.subcommands !== undefined) return { name, summary: c.summary, options: [], subcommands: Object.fromEntries(Object.entries(c.subcommands).map(([s, u]) => [s, optionsIn(u)])) }
    if (name === 'help') return { name, summary: c.summary, options: [], words: Object.keys(COMMANDS) }
    if (name === 'completion') return { name, summary: c.summary, options: [], words: ['bash', 'zsh'] }
    return { name, summary: c.summary, options: optionsIn(c.usage) }
  })
}

async function completionCommand(io: Io, argv: readonly string[]): Promise<number> {
  const [shell, extra] = argv
  if (shell !== 'bash' && shell !== 'zsh') throw new UsageError(shell === undefined ? 'completion: name a shell: bash or zsh' : `completion: no completion for ${JSON.stringify(shell)} (bash or zsh)`)
  if (extra !== undefined) throw new UsageError(`completion: unexpected argument ${JSON.stringify(extra)}`)
  io.out(shell === 'bash' ? bashCompletion(completionCommands()) : zshCompletion(completionCommands()))
  return EXIT.OK
}

/** Reports an error: one line on stderr, and under --json a JSON object on stdout. Returns its exit status. */
function report(io: Io, name: string | null, json: boolean, error: { kind: string; reason: string | null; message: string; exit: number }): number {
  const message = oneLine(name === null ? error.message : error.message.replace(new RegExp(`^${name}: `), ''))
  io.err(`pypi-token${name === null ? '' : ` ${name}`}: ${message}\n`)
  if (json) io.out(`${JSON.stringify({ error: { kind: error.kind, reason: error.reason, message }, exit_status: error.exit })}\n`)
  return error.exit
}

/** Runs one invocation; returns the exit status. Every error prints one line on stderr (and JSON on stdout under --json). */
export async function run(io: Io): Promise<number> {
  const [name, ...rest] = io.argv
  const json = rest.includes('--json')
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(usage() + '\n')
    return name === undefined ? EXIT.USAGE : EXIT.OK
  }
  if (name === '--version' || name === '-V') return versionCommand(io, rest)
  const command = COMMANDS[name]
  if (command === undefined) {
    return report(io, null, json || name === '--json', { kind: 'usage', reason: null, message: `unknown command ${JSON.stringify(name)} (try pypi-token --help)`, exit: EXIT.USAGE })
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out((helpOf(name, rest[0]) as string) + '\n')
    return EXIT.OK
  }
  try {
    return await command.run(io, rest)
  } catch (err) {
    if (err instanceof CliError) return report(io, name, json, { kind: err.kind, reason: err.reason, message: err.message, exit: err.exit })
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
    io.err(`pypi-token ${name}: internal error, please report it: ${detail}\n`)
    if (json) io.out(`${JSON.stringify({ error: { kind: 'internal', reason: null, message: err instanceof Error ? err.message : String(err) }, exit_status: EXIT.INTERNAL })}\n`)
    return EXIT.INTERNAL
  }
}
