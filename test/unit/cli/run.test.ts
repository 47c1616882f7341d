import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliInProcess, type InProcessOptions } from '../../cli/in-process.js'
import { VERSION } from '../../../src/version.js'
import { inspect, mint, verify, type Restriction } from '../../../src/index.js'
import { KEY, KEY_HEX, PT, PYPITOKEN, WH } from '../../fixtures/reference-tokens.js'

const NOW = 1700000000

const cli = (argv: string[], options: InProcessOptions = {}) => runCliInProcess(argv, { now: NOW, ...options })

/** A token minted with KEY carrying these restrictions. */
function token(...caveats: Restriction[]): string {
  const r = mint({ key: KEY, identifier: PT.identifier, caveats })
  if (!r.ok) throw new Error(r.message)
  return r.token
}

const user = PYPITOKEN.user!.token
const PROJECT_ID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
const OTHER_ID = '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76'
// Fixture tokens are literals, checked against mint() by a test below: a token minted while the file
// loads would run src/ outside any test, which StrykerJS counts as static (docs/mutation.md).
/** Limited to my-pkg and expiring in ten minutes. */
const tenMinutes = 'pypi-AgEAAiQxMjM0NTY3OC0xMjM0LTU2NzgtMTIzNC01Njc4MTIzNDU2NzgAAhlbMCwxNzAwMDAwNjAwLDE2OTk5OTk5NDBdAAIOWzEsWyJteS1wa2ciXV0AAAYgMwlNtjlWGKB5Ly9Inrcq3d5RY5IBbN4wDXNZLLd0ISw'
const TEN_MINUTES: Restriction[] = [{ type: 'expiration', expires_at: NOW + 600, not_before: NOW - 60 }, { type: 'project_names', names: ['my-pkg'] }]

it('the fixture token is what mint writes', () => {
  expect(token(...TEN_MINUTES)).toBe(tenMinutes)
})
const ESC = '\x1b['

describe('pypi-token inspect', () => {
  it('explains each caveat and says whether the token is valid now', async () => {
    const r = await cli(['inspect', PYPITOKEN.all!.token, '--now', String(PT.nbf + 10)])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('caveats     7\nstatus      valid now, expires in 59 minutes 50 seconds (2023-11-14T23:13:20Z)\n')
    expect(r.stdout).toContain('[0] expiration            [0, 1700003600, 1700000000]')
    expect(r.stdout).toContain('Valid from 2023-11-14T22:13:20Z (inclusive) until 2023-11-14T23:13:20Z (exclusive), a window of 1 hour. Expires in 59 minutes 50 seconds.')
    expect(r.stdout).toContain('Only for the project named "requests".')
    expect(r.stderr).toBe('')
  })

  it('reads the token from stdin and from a named variable', async () => {
    for (const r of [await cli(['inspect'], { stdin: `${user}\n` }), await cli(['inspect', '-'], { stdin: user }), await cli(['inspect', '--from-env', 'T'], { env: { T: user } })]) {
      expect(r.status).toBe(0)
      expect(r.stdout).toContain('request-user')
    }
  })

  it('prints JSON with --json: the library result, ISO times and the booleans expired, valid_now and never_valid', async () => {
    const r = await cli(['inspect', PYPITOKEN.all!.token, '--json', '--now', String(NOW + 10)])
    const json = JSON.parse(r.stdout)
    const info = (inspect(PYPITOKEN.all!.token, { now: NOW + 10 }) as { token: object }).token
    expect(json).toMatchObject({ ...info, caveats: expect.any(Array) })
    expect(json).toMatchObject({
      now: NOW + 10,
      now_iso: '2023-11-14T22:13:30Z',
      not_before: NOW,
      not_before_iso: '2023-11-14T22:13:20Z',
      expires_at: NOW + 3600,
      expires_at_iso: '2023-11-14T23:13:20Z',
      expired: false,
      valid_now: true,
      never_valid: false,
    })
    expect(json.caveats[0]).toMatchObject({ slug: 'expiration', expires_at_iso: '2023-11-14T23:13:20Z', not_before_iso: '2023-11-14T22:13:20Z' })
    expect(json.caveats[6]).toMatchObject({ slug: 'legacy-expiration', expires_at_iso: '2023-11-14T23:13:20Z' })
    expect(json.caveats[1]).not.toHaveProperty('expires_at_iso')
  })

  it('warns about a token without caveats', async () => {
    const r = await cli(['inspect', PYPITOKEN.base!.token])
    expect(r.stdout).toContain('status      valid now, and never expires\n')
    expect(r.stdout).toContain('No caveats: this token can do everything its owner can.')
  })

  it('flags an expired token, and --check exits 1 for it', async () => {
    const r = await cli(['inspect', tenMinutes, '--now', String(NOW + 900)])
    expect([r.status, r.stdout]).toEqual([0, expect.stringContaining('status      expired 5 minutes ago (2023-11-14T22:23:20Z)\n')])
    expect((await cli(['inspect', tenMinutes, '--now', String(NOW + 900), '--check'])).status).toBe(1)
    expect((await cli(['inspect', tenMinutes, '--check'])).status).toBe(0)
    const json = JSON.parse((await cli(['inspect', tenMinutes, '--now', String(NOW + 900), '--json', '--check'])).stdout)
    expect(json).toMatchObject({ expired: true, valid_now: false, never_valid: false })
  })

  it('flags a token that can never be valid, and --check exits 1 for it', async () => {
    const never = token({ type: 'project_names', names: ['a'] }, { type: 'project_names', names: ['b'] })
    const r = await cli(['inspect', never, '--check'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('status      never valid: caveats 0 and 1 allow no project in common ("a"; "b")\n')
    expect(r.stderr).toBe('')
    expect(JSON.parse((await cli(['inspect', never, '--json'])).stdout)).toMatchObject({ never_valid: true, valid_now: false, expired: false, conflicts: [{ caveats: [0, 1] }] })
  })

  it('says when a token is not valid yet (and --check lets it pass: it will be)', async () => {
    const later = token({ type: 'expiration', expires_at: NOW + 7200, not_before: NOW + 3600 })
    const r = await cli(['inspect', later, '--check'])
    expect([r.status, r.stdout]).toEqual([0, expect.stringContaining('status      not valid yet: starts in 1 hour (2023-11-14T23:13:20Z)\n')])
  })
})

describe('colour: expired in red, valid in green, only on a terminal', () => {
  it('colours the status when the terminal wants colour', async () => {
    expect((await cli(['inspect', tenMinutes], { colour: true })).stdout).toContain(`status      ${ESC}32mvalid now, expires in 10 minutes (2023-11-14T22:23:20Z)${ESC}0m\n`)
    const expired = (await cli(['inspect', tenMinutes, '--now', String(NOW + 600)], { colour: true })).stdout
    expect(expired).toContain(`status      ${ESC}31mexpired now (2023-11-14T22:23:20Z)${ESC}0m\n`)
    expect(expired).toContain(`${ESC}31mValid from`)
    const v = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX, '--project', 'sampleproject', '--project-id', PROJECT_ID], { colour: true })
    expect(v.stdout).toBe(`${ESC}32mvalid${ESC}0m\n`)
    const bad = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX], { colour: true })
    expect(bad.stdout).toMatch(new RegExp(`^\\x1b\\[31minvalid: CAVEAT_NOT_SATISFIED\\x1b\\[0m\\n`))
  })

  it('never colours JSON, nor anything without a terminal', async () => {
    expect((await cli(['inspect', tenMinutes, '--json'], { colour: true })).stdout).not.toContain(ESC)
    expect((await cli(['inspect', tenMinutes, '--now', String(NOW + 600)])).stdout).not.toContain(ESC)
  })
})

describe('pypi-token restrict', () => {
  it('prints only the narrower token', async () => {
    const r = await cli(['restrict', '--from-env', 'PYPI_TOKEN', '--project', 'Requests', '--expires-in', '10m'], { env: { PYPI_TOKEN: user } })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^pypi-[A-Za-z0-9_-]+\n$/)
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats.map((c) => c.raw)).toEqual([
      '[3, "00000000-0000-0000-0000-000000000002"]',
      `[0,${NOW + 600},${NOW - 60}]`,
      '[1,["requests"]]',
    ])
    const context = { now: NOW, user_id: PT.userId, project: { name: 'Requests', normalized_name: 'requests', id: PT.projectId } }
    expect(verify(r.stdout.trim(), KEY, context).valid).toBe(true)
    expect(verify(r.stdout.trim(), KEY, { ...context, now: NOW + 600 }).valid).toBe(false)
  })

  it('accepts --not-after and --not-before as ISO-8601 or Unix seconds', async () => {
    const r = await cli(['restrict', user, '--not-after', '2023-11-15T00:00:00Z', '--not-before', String(NOW)])
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats[1]!.raw).toBe(`[0,1700006400,${NOW}]`)
  })

  it('restricts to several projects and ids, a user and a Trusted Publisher', async () => {
    const r = await cli(['restrict', user, '--project', 'a', '--project', 'B.C', '--project-id', PT.projectId, '--user', PT.userId, '--publisher', OTHER_ID.toUpperCase()])
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats.slice(1).map((c) => c.raw)).toEqual(['[1,["a","b-c"]]', `[2,["${PT.projectId}"]]`, `[3,"${PT.userId}"]`, `[4,"${OTHER_ID}",null]`])
  })

  it('prints {"token": ...} with --json', async () => {
    const r = await cli(['restrict', user, '--project', 'a', '--json'])
    expect(JSON.parse(r.stdout)).toEqual({ token: expect.stringMatching(/^pypi-/) })
  })

  it.each<[string, string, string[], string]>([
    ['a project the token is not for', tenMinutes, ['--project', 'other'], 'the token could never be used: caveats 1 and 2 allow no project in common ("my-pkg"; "other")'],
    ['an expiry that adds nothing', tenMinutes, ['--expires-in', '1d'], 'caveat 2 (until 2023-11-15T22:13:20Z) adds nothing: the token already expires at 2023-11-14T22:23:20Z (in 10 minutes)'],
    ['a window that starts after the token ends', tenMinutes, ['--not-before', String(NOW + 900), '--not-after', String(NOW + 1800)], 'the token could never be used: the windows of caveats 0 and 2 do not overlap'],
    ['another user', user, ['--user', '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76'], 'the token could never be used: caveats 0 and 1 name different users'],
    ['an expiry in the past', user, ['--not-after', '2020-01-01T00:00:00Z'], 'the token would already be expired'],
    ['an expired token', PYPITOKEN.date!.token, ['--project', 'a'], 'the token already expired at 2023-11-14T23:13:20Z'],
  ])('refuses %s with one line and exit status 2; --force writes it, with a warning', async (_what, t, options, message) => {
    const now = t === PYPITOKEN.date!.token ? NOW + 86400 : NOW
    const r = await cli(['restrict', t, ...options], { now })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^pypi-token restrict: refused: .*; --force writes it anyway\n$/)
    expect(r.stderr).toContain(message)
    const forced = await cli(['restrict', t, ...options, '--force'], { now })
    expect(forced.status).toBe(0)
    expect(forced.stdout).toMatch(/^pypi-[A-Za-z0-9_-]+\n$/)
    expect(forced.stderr).toContain('pypi-token restrict: warning: ')
    expect(forced.stderr).toContain(message)
    const json = await cli(['restrict', t, ...options, '--json'], { now })
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: 'refused', reason: null }, exit_status: 2 })
  })

  it('lets a narrowing through: a shorter expiry, a project the token already allows', async () => {
    expect((await cli(['restrict', tenMinutes, '--expires-in', '5m', '--project', 'my-pkg'])).status).toBe(0)
  })
})

describe('pypi-token verify', () => {
  const project = ['--project', 'sampleproject', '--project-id', PROJECT_ID]

  it('exits 0 and prints valid for a valid token', async () => {
    const r = await cli(['verify', WH.project.token, '--key-env', 'KEY', ...project], { env: { KEY: KEY_HEX } })
    expect([r.status, r.stdout]).toEqual([0, 'valid\n'])
  })

  it('exits 1 and lists each failure for an invalid token', async () => {
    const r = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX, '--project', 'flask', '--project-id', OTHER_ID])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^invalid: CAVEAT_NOT_SATISFIED\n  caveat 0 \(project-names\): /)
    expect(r.stdout).not.toContain('note:')
  })

  it('says so when the token needs a project, a user or a publisher the request does not have', async () => {
    const r = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('note: no --project and --project-id were given, so the request acts on no project; this token is limited to projects\n')
    expect((await cli(['verify', WH.user.token, '--key-hex', KEY_HEX])).stdout).toContain('note: no --user was given')
  })

  it('exits 1 for a wrong key and for strings that are not tokens, like inspect', async () => {
    expect((await cli(['verify', WH.project.token, '--key-hex', '00', ...project])).stdout).toBe('invalid: SIGNATURE_MISMATCH\n  token: signature does not match: wrong key, or the token was altered\n')
    for (const bad of ['pypi-AAAA', 'garbage']) {
      const v = await cli(['verify', bad, '--key-hex', KEY_HEX])
      const i = await cli(['inspect', bad])
      expect([v.status, i.status]).toEqual([1, 1])
    }
    expect((await cli(['verify', 'garbage', '--key-hex', KEY_HEX])).stdout).toBe("invalid: TOKEN_BAD_PREFIX\n  token: token has no '-' separating a prefix from the body\n")
  })

  it('builds a Trusted Publishing context', async () => {
    const r = await cli(['verify', WH.user.token, '--key-hex', KEY_HEX, '--publisher', PT.userId, '--publisher-project', PROJECT_ID, '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED' })
  })

  it('lowercases ids as restrict writes them', async () => {
    const r = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX, '--project', 'SampleProject', '--project-id', PROJECT_ID.toUpperCase()])
    expect([r.status, r.stdout]).toEqual([0, 'valid\n'])
  })
})

describe('keys from a file and from standard input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pypi-token-cli-'))
  const keyFile = join(dir, 'key.hex')
  writeFileSync(keyFile, `${KEY_HEX}\n`)
  const project = ['--project', 'sampleproject', '--project-id', PROJECT_ID]

  it('verify and mint read --key-file and --key-stdin', async () => {
    expect((await cli(['verify', WH.project.token, '--key-file', keyFile, ...project])).stdout).toBe('valid\n')
    expect((await cli(['verify', WH.project.token, '--key-stdin', ...project], { stdin: `${KEY_HEX}\n` })).stdout).toBe('valid\n')
    expect((await cli(['verify', '--from-env', 'T', '--key-stdin', ...project], { stdin: KEY_HEX, env: { T: WH.project.token } })).stdout).toBe('valid\n')
    const minted = await cli(['mint', '--key-file', keyFile, '--identifier', 'x'])
    expect(verify(minted.stdout.trim(), KEY).valid).toBe(true)
  })

  it.each<[string, string[], InProcessOptions?]>([
    ['--key-stdin with the token on stdin too', ['verify', '--key-stdin'], { stdin: KEY_HEX }],
    ['two keys', ['verify', user, '--key-file', keyFile, '--key-hex', KEY_HEX]],
    ['a key file that does not exist', ['verify', user, '--key-file', join(dir, 'none')]],
    ['a key file that is not hex', ['verify', user, '--key-file', join(import.meta.dirname, 'run.test.ts')]],
    ['--key-stdin with nothing piped', ['mint', '--identifier', 'x', '--key-stdin']],
  ])('refuses %s', async (_what, argv, options) => {
    const r = await cli(argv, options)
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
  })
})

describe('pypi-token mint', () => {
  it('mints what pymacaroons mints', async () => {
    const location = (inspect(PYPITOKEN.base!.token) as { token: { location: string } }).token.location
    const r = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', PT.identifier, '--location', location, '--caveat', '[1, ["requests", "my-pkg"]]'])
    expect(r.stdout).toBe(PYPITOKEN.names!.token + '\n')
    expect(r.stderr).toBe('')
  })

  it('writes restrictions canonically', async () => {
    const r = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--project', 'My_Pkg'])
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats[0]!.raw).toBe('[1,["my-pkg"]]')
  })

  it('warns, and still mints, when the key is shorter than 32 bytes', async () => {
    const r = await cli(['mint', '--key-hex', '0011', '--identifier', 'x'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^pypi-/)
    expect(r.stderr).toBe('pypi-token mint: warning: the key is 2 bytes; use at least 32 random bytes\n')
  })

  it('refuses an empty identifier, and an already expired token unless --force', async () => {
    const empty = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', ''])
    expect([empty.status, empty.stderr]).toEqual([2, 'pypi-token mint: --identifier must not be empty: it is how the index finds the key\n'])
    expect((await cli(['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--not-after', '1000'])).status).toBe(2)
    expect((await cli(['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--not-after', '1000', '--force'])).status).toBe(0)
  })
})

describe('values that start with a dash work without =', () => {
  it('takes -N as the value of the option before it', async () => {
    const r = await cli(['verify', user, '--key-hex', KEY_HEX, '--now', '-1'])
    expect(r.stderr).toBe('pypi-token verify: --now: -1 is before 1970-01-01T00:00:00Z (Unix seconds must be 0 or more)\n')
    expect((await cli(['restrict', user, '--project', '-bad-'])).stderr).toBe('pypi-token restrict: --project: "-bad-" is not a valid project name (RESTRICT-2)\n')
    const caveat = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', '-x-', '--caveat', '-1'])
    expect(caveat.status).toBe(0)
    expect(inspect(caveat.stdout.trim())).toMatchObject({ ok: true, token: { identifier: '-x-', caveats: [{ raw: '-1' }] } })
  })

  it('accepts a negative fuzz seed', async () => {
    const r = await cli(['conformance', 'fuzz', '--adapter', 'a', '--adapter', 'b', '--seed', '-5', '--runs', '0'])
    expect([r.status, r.stderr]).toEqual([2, 'pypi-token conformance: --runs must be a positive whole number, not "0"\n'])
  })

  it('still refuses a long option in place of a value', async () => {
    expect((await cli(['inspect', '--from-env', '--json'])).stderr).toBe('pypi-token inspect: --from-env needs a value (got the option --json)\n')
  })
})

describe('bad input: one line on stderr, exit status 2, nothing on stdout', () => {
  const cases: [string, string[], InProcessOptions?][] = [
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['inspect', user, '--bogus']],
    ['binary junk on stdin', ['inspect'], { stdin: '\x00\x01binary junk' + '\ufffd'.repeat(800) + '-x' }],
    ['two tokens on stdin', ['inspect'], { stdin: `${user}\n${user}\n` }],
    ['two tokens in a variable', ['verify', '--from-env', 'T', '--key-hex', KEY_HEX], { env: { T: `${user} ${user}` } }],
    ['an empty stdin', ['inspect'], { stdin: '' }],
    ['no token and no stdin', ['inspect']],
    ['an unset variable', ['inspect', '--from-env', 'NOPE']],
    ['both an argument and a variable', ['inspect', user, '--from-env', 'T'], { env: { T: user } }],
    ['two tokens', ['inspect', user, user]],
    ['an option without its value', ['inspect', user, '--now']],
    ['restrict without restrictions', ['restrict', user]],
    ['an invalid duration', ['restrict', user, '--expires-in', '10x']],
    ['a zero duration', ['restrict', user, '--expires-in', '0s']],
    ['an expiry past the year 9999', ['restrict', user, '--expires-in', '500000w']],
    ['a time past the year 9999', ['restrict', user, '--not-after', '253402300800']],
    ['a time without a zone', ['restrict', user, '--not-after', '2030-01-01T00:00:00']],
    ['an invalid project name', ['restrict', user, '--project', '-bad-']],
    ['an id that is not a UUID', ['restrict', user, '--project-id', 'nope']],
    ['a publisher that is not a UUID', ['restrict', user, '--publisher', 'github']],
    ['--not-before without an expiry', ['restrict', user, '--not-before', '0']],
    ['verify without a key', ['verify', user]],
    ['a key that is not hex', ['verify', user, '--key-hex', 'xyz']],
    ['an unset key variable', ['verify', user, '--key-env', 'NOPE']],
    ['a project without its id', ['verify', user, '--key-hex', KEY_HEX, '--project', 'flask']],
    ['a project id without its name', ['verify', user, '--key-hex', KEY_HEX, '--project-id', OTHER_ID]],
    ['a project name that is not a project name', ['verify', user, '--key-hex', KEY_HEX, '--project', 'no such', '--project-id', OTHER_ID]],
    ['a project id that is not a UUID', ['verify', user, '--key-hex', KEY_HEX, '--project', 'flask', '--project-id', 'nope']],
    ['a user that is not a UUID', ['verify', user, '--key-hex', KEY_HEX, '--user', 'alice']],
    ['a publisher project without a publisher', ['verify', user, '--key-hex', KEY_HEX, '--publisher-project', OTHER_ID]],
    ['an invalid --now', ['verify', user, '--key-hex', KEY_HEX, '--now', 'yesterday']],
    ['mint without identifier', ['mint', '--key-hex', KEY_HEX]],
    ['mint with a bad prefix', ['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--prefix', 'a-b']],
    ['help for an unknown command', ['help', 'frobnicate']],
    ['completion for an unknown shell', ['completion', 'fish']],
  ]
  it.each(cases)('%s', async (_what, argv, options) => {
    const r = await cli(argv, options)
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(argv.length === 0 ? 0 : 1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stderr.length).toBeLessThan(400)
    if (argv.length > 0) expect(r.stdout).toBe('')
  })

  it('names what it found on stdin', async () => {
    expect((await cli(['inspect'], { stdin: '\x00\x01binary junk' })).stderr).toBe('pypi-token inspect: standard input holds binary data, not a token\n')
    expect((await cli(['inspect'], { stdin: `${user}\n${user}\n` })).stderr).toBe('pypi-token inspect: standard input holds 2 tokens; give one at a time\n')
    expect((await cli(['verify', user, '--key-hex', KEY_HEX, '--user', 'alice'])).stderr).toBe('pypi-token verify: --user "alice" is not a UUID\n')
  })

  it('cuts and escapes what it quotes from a token that is not one', async () => {
    const r = await cli(['inspect', `${'\x81é'.repeat(500)}-AAAA`])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^pypi-token inspect: not a token: TOKEN_BAD_PREFIX: token prefix "\\x81é\\x81é.*…\n$/)
    expect(r.stderr.length).toBeLessThan(340)
  })
})

describe('--json: errors are JSON on stdout too', () => {
  it.each<[string, string[], number, object]>([
    ['a usage error', ['inspect', user, '--bogus', '--json'], 2, { kind: 'usage', reason: null, message: "Unknown option '--bogus'" }],
    ['a string that is not a token', ['inspect', 'garbage', '--json'], 1, { kind: 'invalid-token', reason: 'TOKEN_BAD_PREFIX' }],
    ['restrict on a string that is not a token', ['restrict', 'pypi-!!!!', '--project', 'a', '--json'], 1, { kind: 'invalid-token', reason: 'TOKEN_BAD_ENCODING' }],
    ['an unknown command', ['frobnicate', '--json'], 2, { kind: 'usage' }],
    ['a conformance usage error', ['conformance', 'matrix', '--timeout', '0', '--json'], 2, { kind: 'usage', message: '--timeout must be a positive whole number, not "0"' }],
  ])('%s', async (_what, argv, status, error) => {
    const r = await cli(argv)
    expect(r.status).toBe(status)
    expect(JSON.parse(r.stdout)).toEqual({ error: expect.objectContaining(error), exit_status: status })
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('verify --json gives its verdict for a string that is not a token', async () => {
    const r = await cli(['verify', 'garbage', '--key-hex', KEY_HEX, '--json'])
    expect([r.status, JSON.parse(r.stdout)]).toEqual([1, expect.objectContaining({ valid: false, reason: 'TOKEN_BAD_PREFIX' })])
  })
})

describe('help, version and completion', () => {
  it('lists the commands and the exit statuses; each command explains itself, as --help and through help', async () => {
    const top = await cli(['--help'])
    expect(top.status).toBe(0)
    expect(top.stdout).toContain('Exit status, the same for every command:\n    0  success')
    for (const c of ['inspect', 'restrict', 'verify', 'mint', 'conformance', 'help', 'version', 'completion']) {
      expect(top.stdout).toContain(`\n  ${c} `)
      const help = await cli([c, '--help'])
      expect(help.stdout).toContain(`pypi-token ${c}`)
      expect(await cli(['help', c])).toEqual(help)
    }
    expect((await cli(['help'])).stdout).toBe(top.stdout)
    expect((await cli(['restrict', '--help'])).stdout).toContain('NARROWED=$(pypi-token restrict --from-env PYPI_TOKEN --project foo --expires-in 10m) &&')
  })

  it('gives each conformance subcommand its own help', async () => {
    for (const sub of ['run', 'matrix', 'fuzz']) {
      const r = await cli(['conformance', sub, '--help'])
      expect(r.stdout).toMatch(new RegExp(`^pypi-token conformance ${sub} `))
      expect(r.stdout).not.toMatch(new RegExp(`pypi-token conformance (?!${sub})`))
      expect(await cli(['help', 'conformance', sub])).toEqual(r)
    }
    expect((await cli(['conformance', '--help'])).stdout).toMatch(/conformance run.*conformance matrix.*conformance fuzz/s)
    expect((await cli(['help', 'conformance', 'nope'])).status).toBe(2)
  })

  it('prints the version', async () => {
    for (const argv of [['version'], ['--version'], ['-V']]) expect(await cli(argv)).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(JSON.parse((await cli(['version', '--json'])).stdout)).toEqual({ name: 'pypi-token-spec', version: VERSION })
  })

  it('prints completion scripts that know every command and option', async () => {
    const bash = await cli(['completion', 'bash'])
    expect(bash.status).toBe(0)
    expect(bash.stdout).toContain('complete -o default -F _pypi_token pypi-token')
    expect(bash.stdout).toContain('inspect restrict verify mint conformance gate help version completion')
    expect(bash.stdout).toMatch(/verify\) opts="[^"]*--key-file[^"]*--key-stdin/)
    expect(bash.stdout).toMatch(/run\) opts="--adapter --xfail --filter --report --out --timeout --vectors"/)
    const zsh = await cli(['completion', 'zsh'])
    expect(zsh.stdout).toMatch(/^#compdef pypi-token\n/)
    expect(zsh.stdout).toContain("'restrict:narrow a token (no key needed)'")
    expect(zsh.stdout).toMatch(/restrict\) opts=\([^)]*'--publisher'/)
    expect(zsh.stdout).toMatch(/restrict\) opts=\([^)]*'--force'/)
  })
})
