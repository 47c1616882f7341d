/**
 * An option given twice is a usage error (exit 2) unless the command's help documents it as
 * repeatable and says what repeating means: parseArgs alone keeps the last value, which let
 * `--expires-in 5m --expires-in 10m` write the looser window and `--from-env A --from-env B`
 * narrow the other token.
 */
import { describe, expect, it } from 'vitest'
import { COMMANDS, run } from '../../../src/cli/run.js'
import { optionsIn } from '../../../src/cli/completion.js'
import type { Io } from '../../../src/cli/io.js'
import { inspect, mint } from '../../../src/index.js'
import { KEY, KEY_HEX, PT } from '../../fixtures/reference-tokens.js'

const NOW = 1700000000

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io: Io = { argv, env, readStdin: async () => null, out: (t) => void (stdout += t), err: (t) => void (stderr += t), now: () => NOW, colour: false }
  const status = await run(io)
  return { status, stdout, stderr }
}

// Fixture tokens are literals, checked against mint() by a test below: a token minted while the file
// loads would run src/ outside any test, which StrykerJS counts as static (docs/mutation.md).
/** Minted with KEY and no caveat. */
const wide = 'pypi-AgEAAiQxMjM0NTY3OC0xMjM0LTU2NzgtMTIzNC01Njc4MTIzNDU2NzgAAAYgyxdklgYZHdHIm8sr_Y6Ws0IPOWUHYo94UdiIjKXJ3m4'
/** Minted with KEY for the project "other". */
const other = 'pypi-AgEAAiQxMjM0NTY3OC0xMjM0LTU2NzgtMTIzNC01Njc4MTIzNDU2NzgAAg1bMSxbIm90aGVyIl1dAAAGIFgUACIWb2IPbYtSeH3QaAckVP6rsom3cGvJw4zt_R6t'

it('the fixture tokens are what mint writes', () => {
  expect(mint({ key: KEY, identifier: PT.identifier })).toMatchObject({ ok: true, token: wide })
  expect(mint({ key: KEY, identifier: PT.identifier, caveats: [{ type: 'project_names', names: ['other'] }] })).toMatchObject({ ok: true, token: other })
})
const UUID_A = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
const UUID_B = '1b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'

describe('an option given twice', () => {
  it.each([
    ['restrict', '--expires-in', ['--expires-in', '5m', '--expires-in', '10m']],
    ['restrict', '--from-env', ['--from-env', 'A', '--from-env', 'B', '--project', 'foo']],
    ['restrict', '--user', ['--user', UUID_A, '--user', UUID_B]],
    ['restrict', '--publisher', ['--publisher', UUID_A, '--publisher', UUID_B]],
    ['restrict', '--not-before', ['--expires-in', '1h', '--not-before', '1700000000', '--not-before', '1699990000']],
    ['restrict', '--not-after', ['--not-after', '1700003600', '--not-after=1700007200']],
    ['verify', '--now', ['--key-hex', KEY_HEX, '--now', '1700000000', '--now', '1600000000', wide]],
    ['verify', '--project', ['--key-hex', KEY_HEX, '--project', 'bar', '--project', 'foo', '--project-id', UUID_A, other]],
    ['verify', '--key-hex', ['--key-hex', KEY_HEX, '--key-hex', '00', wide]],
    ['inspect', '--now', ['--now', '1', '--now', '2', wide]],
    ['mint', '--identifier', ['--key-hex', KEY_HEX, '--identifier', 'a', '--identifier', 'b']],
  ])('%s %s: exit 2, one line naming the option, nothing on stdout', async (command, option, args) => {
    const r = await cli([command, ...args], { A: wide, B: other })
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `pypi-token ${command}: ${option} is given more than once; give it once (it is not repeatable, and which value should win is not guessed)\n`])
  })

  it('is refused as JSON under --json too, and --json itself may not be doubled', async () => {
    const r = await cli(['restrict', '--json', '--expires-in', '5m', '--expires-in', '10m', wide])
    expect(r.status).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'usage' }, exit_status: 2 })
    expect((await cli(['inspect', '--json', '--json', wide])).status).toBe(2)
    expect((await cli(['version', '--json', '--json'])).status).toBe(2)
  })

  it('is allowed where the help says what repeating means: restrict --project is any of them', async () => {
    const r = await cli(['restrict', '--project', 'a', '--project', 'b', wide])
    expect(r.status, r.stderr).toBe(0)
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats.map((c) => c.raw)).toEqual(['[1,["a","b"]]'])
  })
})

/** Each command (and conformance subcommand) with its help; help and completion take no options, version only --json (checked above). */
const HELPS: [string[], string][] = Object.entries(COMMANDS).flatMap(([name, c]): [string[], string][] =>
  c.subcommands !== undefined ? Object.entries(c.subcommands).map(([sub, help]): [string[], string] => [[name, sub], help]) : name === 'help' || name === 'completion' || name === 'version' ? [] : [[[name], c.usage]],
)

/** Whether the help has a line that starts with `option` and says it is repeatable. */
function documentedRepeatable(help: string, option: string): boolean {
  const lines = help.split('\n')
  return lines.some((line, i) => {
    if (!line.trimStart().startsWith(`${option} `)) return false
    const next = lines[i + 1] ?? ''
    const continued = next.trimStart().startsWith('-') ? '' : next
    return /repeatable(:|, and)/.test(`${line} ${continued}`)
  })
}

describe.each(HELPS)('every option of %j', (argv, help) => {
  const options = optionsIn(help)
  it.each(options)('%s twice is refused unless the help documents it as repeatable, with what repeating means', async (option) => {
    // The unknown option last makes the command stop at parsing even if repeats were let through:
    // a broken guard then fails this test instead of running `conformance matrix --out=x`.
    const r = await cli([...argv, `${option}=x`, `${option}=x`, '--not-an-option-of-any-command'])
    const refused = r.stderr.includes(`${option} is given more than once`)
    // An option the help mentions but the command does not take (mint's help names restrict's --from-env).
    const taken = !r.stderr.includes(`Unknown option '${option}'`)
    expect({ option, refused, status: refused ? r.status : 2 }).toEqual({ option, refused: taken && !documentedRepeatable(help, option), status: 2 })
  })
})
