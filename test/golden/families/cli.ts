/**
 * @module The CLI's own words: the help of every command and subcommand, and a list of the
 * mistakes people make with each command (bad, missing and repeated options, a key given as an
 * argument, a bad prefix, a truncated token, a missing file, refused restrictions…). Tokens come
 * from the vectors and are narrowed with the library; arguments are shown by placeholder name.
 */
import { COMMANDS } from '../../../src/cli/run.js'
import { restrict } from '../../../src/restrict.js'
import type { Restriction, Vector } from '../../../src/generated/types.js'
import { checkedInVectors, cli, cliEntry, familyFile, NOW, shellWord } from '../format.js'

interface Case {
  readonly argv: readonly string[]
  readonly env?: Record<string, string>
  readonly stdin?: string
  /** What the case is about, when the command line does not say it. */
  readonly about?: string
}

/** The first verify vector that is valid with no caveats and a neutral location: a token that can do everything, and its key. */
function baseToken(): { id: string; token: string; key: string } {
  for (const { vector: v } of checkedInVectors()) {
    const input = v.input as { token?: unknown; key?: unknown }
    if (v.op === 'verify' && v.expected.result === 'valid' && isNeutral(v)) {
      return { id: v.id, token: input.token as string, key: input.key as string }
    }
  }
  throw new Error('no valid verify vector without caveats')
}

function isNeutral(v: Vector): boolean {
  const decoded = (v as { decoded?: { caveats?: unknown[]; location?: unknown } }).decoded
  return decoded?.caveats?.length === 0 && decoded.location === 'index.example'
}

function narrowed(token: string, ...restrictions: Restriction[]): string {
  const r = restrict(token, restrictions)
  if (!r.ok) throw new Error(r.message)
  return r.token
}

/** The placeholders an entry's command line shows, and what each stands for. */
function placeholders(): { values: Record<string, string>; legend: string[] } {
  const base = baseToken()
  const body = base.token.slice('pypi-'.length)
  const values: Record<string, string> = {
    '<token>': base.token,
    '<key>': base.key,
    '<project-token>': narrowed(base.token, { type: 'project_names', names: ['sampleproject'] }),
    '<expiring-token>': narrowed(base.token, { type: 'expiration', expires_at: NOW + 600, not_before: NOW - 60 }),
    '<expired-token>': narrowed(base.token, { type: 'expiration', expires_at: NOW - 10, not_before: NOW - 100 }),
    '<testpypi-token>': `testpypi-${body}`,
    '<doubled-prefix-token>': `pypi-${base.token}`,
    '<truncated-token>': base.token.slice(0, 40),
  }
  const legend = [
    `<token>: the token of ${base.id} (no caveats); <key>: its key`,
    '<project-token>: <token> restricted to the project sampleproject',
    `<expiring-token>: <token> valid from ${NOW - 60} until ${NOW + 600}`,
    `<expired-token>: <token> valid from ${NOW - 100} until ${NOW - 10}`,
    '<testpypi-token>: <token> with the prefix testpypi; <doubled-prefix-token>: "pypi-" + <token>; <truncated-token>: its first 40 characters',
    `the clock reads ${NOW}; the variable KEY holds <key>, TOKEN holds <token>, EMPTY is empty`,
  ]
  return { values, legend }
}

const HELP: Case[] = [
  { argv: [] },
  { argv: ['--help'] },
  ...Object.keys(COMMANDS).map((name) => ({ argv: ['help', name] })),
  ...Object.keys(COMMANDS.conformance?.subcommands ?? {}).map((sub) => ({ argv: ['conformance', sub, '--help'] })),
  { argv: ['help', 'nope'] },
  { argv: ['help', 'conformance', 'nope'] },
  { argv: ['nope'] },
  { argv: ['--json'] },
  { argv: ['nope', '--json'] },
  { argv: ['--version'] },
  { argv: ['version', '--json'] },
  { argv: ['version', 'extra'] },
  { argv: ['version', '--json', '--json'] },
  { argv: ['completion'] },
  { argv: ['completion', 'fish'] },
  { argv: ['completion', 'bash', 'extra'] },
]

const INSPECT: Case[] = [
  { argv: ['inspect'], about: 'nothing piped' },
  { argv: ['inspect', '<token>'] },
  { argv: ['inspect', '<token>', '--json'] },
  { argv: ['inspect', '<expiring-token>', '--check'] },
  { argv: ['inspect', '<expired-token>'] },
  { argv: ['inspect', '<expired-token>', '--check'] },
  { argv: ['inspect', '<expiring-token>', '--now', '1699990000'] },
  { argv: ['inspect', '--bogus'] },
  { argv: ['inspect', '-x'] },
  { argv: ['inspect', '--from-env'] },
  { argv: ['inspect', '--from-env', '--json'] },
  { argv: ['inspect', '--from-env', 'TOKEN', '--from-env', 'TOKEN'] },
  { argv: ['inspect', '<token>', '--json', '--json'] },
  { argv: ['inspect', '<token>', '--check', '--check'] },
  { argv: ['inspect', '<token>', 'extra'] },
  { argv: ['inspect', '<token>', '<token>'] },
  { argv: ['inspect', '<token>', '--from-env', 'TOKEN'] },
  { argv: ['inspect', '--from-env', 'UNSET'] },
  { argv: ['inspect', '--from-env', 'EMPTY'] },
  { argv: ['inspect', '-'], stdin: '\x00\x01binary', about: 'binary data piped' },
  { argv: ['inspect'], stdin: 'first-AAAAAAAAAAAAAAAAAAAA second-BBBBBBBBBBBBBBBBBBBB\n', about: 'two tokens piped' },
  { argv: ['inspect'], stdin: '  \n', about: 'only whitespace piped' },
  { argv: ['inspect', 'hello'] },
  { argv: ['inspect', 'pypi-'] },
  { argv: ['inspect', '<testpypi-token>'] },
  { argv: ['inspect', '<testpypi-token>', '--check'] },
  { argv: ['inspect', '<testpypi-token>', '--json'] },
  { argv: ['inspect', '<doubled-prefix-token>'] },
  { argv: ['inspect', '<truncated-token>'] },
  { argv: ['inspect', '<truncated-token>', '--json'] },
  { argv: ['inspect', '<token>', '--now', 'yesterday'] },
  { argv: ['inspect', '<token>', '--now', '-1'] },
  { argv: ['inspect', '<token>', '--now', '253402300800'] },
  { argv: ['inspect', '<token>', '--now', '2023-11-14T22:13:20'] },
  { argv: ['inspect', '<token>', '--now', '2023-02-30'] },
  { argv: ['inspect', '<token>', '--now', '1969-12-31T23:59:59Z'] },
]

const VERIFY: Case[] = [
  { argv: ['verify', '<token>', '--key-hex', '<key>'] },
  { argv: ['verify', '<token>', '--key-hex', '<key>', '--json'] },
  { argv: ['verify', '<project-token>', '--key-env', 'KEY'] },
  { argv: ['verify', '<project-token>', '--key-env', 'KEY', '--project', 'SampleProject', '--project-id', '0B7E4D4F-2F3E-4E53-9A0A-5F5F0C8F5A11'] },
  { argv: ['verify', '<project-token>', '--key-env', 'KEY', '--project', 'other', '--project-id', '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11', '--json'] },
  { argv: ['verify', '<expired-token>', '--key-env', 'KEY'] },
  { argv: ['verify', '<token>', '--key-hex', 'ff'.repeat(32)] },
  { argv: ['verify', '<token>'] },
  { argv: ['verify', '<token>', '<key>'] },
  { argv: ['verify', '<token>', '--key-hex', 'zz'] },
  { argv: ['verify', '<token>', '--key-hex', ''] },
  { argv: ['verify', '<token>', '--key-hex', '<key>', '--key-env', 'KEY'] },
  { argv: ['verify', '<token>', '--key-env', 'UNSET'] },
  { argv: ['verify', '<token>', '--key-file', 'missing/key.hex'] },
  { argv: ['verify', '<token>', '--key-stdin'], about: 'nothing piped' },
  { argv: ['verify', '--key-stdin'], stdin: 'ab\n', about: 'the key piped, and no token' },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--project', 'sampleproject'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--project-id', '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--project', 'bad name!', '--project-id', '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--user', 'not-a-uuid'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--user', 'a614e122-a9ee-473c-b6df-8c4f1b776628', '--user', 'a614e122-a9ee-473c-b6df-8c4f1b776628'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--publisher-project', '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'] },
  { argv: ['verify', '<token>', '--key-env', 'KEY', '--now', 'soon'] },
  { argv: ['verify', '<truncated-token>', '--key-env', 'KEY'] },
  { argv: ['verify', '<testpypi-token>', '--key-env', 'KEY', '--json'] },
]

const RESTRICT: Case[] = [
  { argv: ['restrict', '<token>', '--project', 'SampleProject', '--project', 'b.c'] },
  { argv: ['restrict', '<token>', '--expires-in', '10m', '--json'] },
  { argv: ['restrict', '<token>'] },
  { argv: ['restrict', '<token>', '--project', 'a b'] },
  { argv: ['restrict', '<token>', '--project-id', 'x'] },
  { argv: ['restrict', '<token>', '--user', 'x'] },
  { argv: ['restrict', '<token>', '--publisher', 'x'] },
  { argv: ['restrict', '<token>', '--expires-in', '10x'] },
  { argv: ['restrict', '<token>', '--expires-in', '0s'] },
  { argv: ['restrict', '<token>', '--expires-in', '99999999d'] },
  { argv: ['restrict', '<token>', '--expires-in', '5m', '--not-after', '2030-01-01T00:00:00Z'] },
  { argv: ['restrict', '<token>', '--not-before', '1700000000'] },
  { argv: ['restrict', '<token>', '--expires-in', '5m', '--expires-in', '10m'] },
  { argv: ['restrict', '<token>', '--not-after', '1699999000'] },
  { argv: ['restrict', '<token>', '--not-after', '1700000600', '--not-before', '1700000600'] },
  { argv: ['restrict', '<project-token>', '--project', 'other'] },
  { argv: ['restrict', '<project-token>', '--project', 'other', '--force'] },
  { argv: ['restrict', '<expired-token>', '--project', 'a'] },
  { argv: ['restrict', '<expiring-token>', '--expires-in', '1h'] },
  { argv: ['restrict', '<expiring-token>', '--expires-in', '1h', '--force'] },
  { argv: ['restrict', 'hello', '--project', 'a'] },
  { argv: ['restrict', '<truncated-token>', '--project', 'a', '--json'] },
  { argv: ['restrict', '<testpypi-token>', '--project', 'a'] },
]

const MINT: Case[] = [
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--location', 'index.example', '--project', 'a'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--caveat', '[1,["a"]]', '--json'] },
  { argv: ['mint', '--key-env', 'KEY'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', ''] },
  { argv: ['mint', '<key>', '--identifier', 'id-1'] },
  { argv: ['mint', '--identifier', 'id-1'] },
  { argv: ['mint', '--key-hex', '00ff', '--identifier', 'id-1'] },
  { argv: ['mint', '--key-hex', '01', '--identifier', 'id-1'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--caveat', 'not json'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--prefix', ''] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--prefix', 'has-dash'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--project', 'a', '--project', 'a', '--project-id', 'x'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--not-after', '1699999000'] },
  { argv: ['mint', '--key-env', 'KEY', '--identifier', 'id-1', '--identifier', 'id-2'] },
]

const OTHERS: Case[] = [
  { argv: ['conformance'] },
  { argv: ['conformance', 'nope'] },
  { argv: ['conformance', 'run'] },
  { argv: ['conformance', 'run', '--adapter', ' '] },
  { argv: ['conformance', 'run', '--adapter', 'true', '--report', 'pdf'] },
  { argv: ['conformance', 'run', '--adapter', 'true', '--timeout', '0'] },
  { argv: ['conformance', 'run', '--adapter', 'true', '--vectors', 'missing/vectors'] },
  { argv: ['conformance', 'run', 'extra', '--adapter', 'true'] },
  { argv: ['conformance', 'matrix', '--adapters', 'missing/adapters.json'] },
  { argv: ['conformance', 'fuzz', '--adapter', 'a'] },
  { argv: ['conformance', 'fuzz', '--adapter', 'a', '--adapter', 'b', '--seed', 'x'] },
  { argv: ['gate'] },
  { argv: ['gate', 'proposals/x', '--runs', 'x'] },
]

export const CLI_GROUPS: Record<string, { about: string; cases: Case[] }> = {
  'cli-help': { about: 'The help of every command and subcommand, the version, and mistakes in naming a command.', cases: HELP },
  'cli-inspect': { about: 'pypi-token inspect: its output for a few tokens, and the mistakes people make with it.', cases: INSPECT },
  'cli-verify': { about: 'pypi-token verify: its output, and the mistakes people make with keys, tokens and the context.', cases: VERIFY },
  'cli-restrict': { about: 'pypi-token restrict: its output, refusals and warnings, and the mistakes people make with it.', cases: RESTRICT },
  'cli-mint': { about: 'pypi-token mint: its output and the mistakes people make with it.', cases: MINT },
  'cli-other': { about: 'pypi-token conformance and gate: the mistakes refused before any adapter starts.', cases: OTHERS },
}

/** One family of CLI cases, run in order with the fixed clock. */
export async function cliFamily(name: string): Promise<string> {
  const group = CLI_GROUPS[name]
  if (group === undefined) throw new Error(`no CLI family ${name}`)
  const { values, legend } = placeholders()
  const env = { KEY: values['<key>'] as string, TOKEN: values['<token>'] as string, EMPTY: '' }
  const entries: string[] = []
  for (const c of group.cases) {
    const argv = c.argv.map((a) => values[a] ?? a)
    const outcome = await cli(argv, { env: { ...env, ...c.env }, stdin: c.stdin ?? null })
    const shown = c.argv.map((a) => (a in values ? a : shellWord(a)))
    const notes = [...(c.about === undefined ? [] : [c.about]), ...(c.stdin === undefined ? [] : [`stdin: ${JSON.stringify(c.stdin)}`])]
    entries.push(cliEntry(null, shown, outcome, notes))
  }
  const usesPlaceholders = group.cases.some((c) => c.argv.some((a) => a in values) || c.env !== undefined)
  return familyFile(name, usesPlaceholders ? [group.about, 'Placeholders:', ...legend.map((l) => `  ${l}`)] : [group.about, `The clock reads ${NOW}.`], entries)
}
