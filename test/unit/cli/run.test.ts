import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.js'
import type { Io } from '../../../src/cli/io.js'
import { inspect, verify } from '../../../src/index.js'
import { KEY, KEY_HEX, PT, PYPITOKEN, WH } from '../../fixtures/reference-tokens.js'

const NOW = 1700000000

async function cli(argv: string[], options: { stdin?: string | null; env?: Record<string, string> } = {}) {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    argv,
    env: options.env ?? {},
    readStdin: async () => options.stdin ?? null,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    now: () => NOW,
  }
  const status = await run(io)
  return { status, stdout, stderr }
}

const user = PYPITOKEN.user!.token

describe('pypi-token inspect', () => {
  it('explains each caveat', async () => {
    const r = await cli(['inspect', PYPITOKEN.all!.token, '--now', String(PT.nbf + 10)])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('caveats     7')
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

  it('prints JSON with --json', async () => {
    const r = await cli(['inspect', user, '--json'])
    expect(JSON.parse(r.stdout)).toEqual((inspect(user, { now: NOW }) as { token: unknown }).token)
  })

  it('warns about a token without caveats', async () => {
    expect((await cli(['inspect', PYPITOKEN.base!.token])).stdout).toContain('No caveats: this token can do everything its owner can.')
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

  it('restricts to several projects and ids', async () => {
    const r = await cli(['restrict', user, '--project', 'a', '--project', 'B.C', '--project-id', PT.projectId, '--user', PT.userId])
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats.slice(1).map((c) => c.raw)).toEqual(['[1,["a","b-c"]]', `[2,["${PT.projectId}"]]`, `[3,"${PT.userId}"]`])
  })
})

describe('pypi-token verify', () => {
  const project = ['--project', 'sampleproject', '--project-id', '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11']

  it('exits 0 and prints valid for a valid token', async () => {
    const r = await cli(['verify', WH.project.token, '--key-env', 'KEY', ...project], { env: { KEY: KEY_HEX } })
    expect([r.status, r.stdout]).toEqual([0, 'valid\n'])
  })

  it('exits 1 and lists each failure for an invalid token', async () => {
    const r = await cli(['verify', WH.project.token, '--key-hex', KEY_HEX, '--project', 'flask', '--project-id', '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76'])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^invalid: CAVEAT_NOT_SATISFIED\n  caveat 0 \(project-names\): /)
  })

  it('exits 1 for a wrong key and for a malformed token', async () => {
    expect((await cli(['verify', WH.project.token, '--key-hex', '00', ...project])).stdout).toBe('invalid: SIGNATURE_MISMATCH\n  token: signature does not match: wrong key, or the token was altered\n')
    expect((await cli(['verify', 'pypi-AAAA', '--key-hex', KEY_HEX])).status).toBe(1)
  })

  it('builds a Trusted Publishing context', async () => {
    const r = await cli(['verify', WH.user.token, '--key-hex', KEY_HEX, '--publisher', 'p', '--publisher-project', 'x', '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED' })
  })
})

describe('pypi-token mint', () => {
  it('mints what pymacaroons mints', async () => {
    const location = (inspect(PYPITOKEN.base!.token) as { token: { location: string } }).token.location
    const r = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', PT.identifier, '--location', location, '--caveat', '[1, ["requests", "my-pkg"]]'])
    expect(r.stdout).toBe(PYPITOKEN.names!.token + '\n')
  })

  it('writes restrictions canonically', async () => {
    const r = await cli(['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--project', 'My_Pkg'])
    const info = inspect(r.stdout.trim())
    expect(info.ok && info.token.caveats[0]!.raw).toBe('[1,["my-pkg"]]')
  })
})

describe('bad input: one line on stderr, exit status 2, nothing on stdout', () => {
  const cases: [string, string[], { stdin?: string | null; env?: Record<string, string> }?][] = [
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['inspect', user, '--bogus']],
    ['garbage as a token', ['inspect', 'garbage']],
    ['garbage on stdin', ['inspect'], { stdin: '\x00\x01binary junk' }],
    ['an empty stdin', ['inspect'], { stdin: '' }],
    ['no token and no stdin', ['inspect']],
    ['an unset variable', ['inspect', '--from-env', 'NOPE']],
    ['both an argument and a variable', ['inspect', user, '--from-env', 'T'], { env: { T: user } }],
    ['two tokens', ['inspect', user, user]],
    ['restrict without restrictions', ['restrict', user]],
    ['an invalid duration', ['restrict', user, '--expires-in', '10x']],
    ['an expiry in the past', ['restrict', user, '--not-after', '2020-01-01T00:00:00Z']],
    ['a time without a zone', ['restrict', user, '--not-after', '2030-01-01T00:00:00']],
    ['an invalid project name', ['restrict', user, '--project', '-bad-']],
    ['an id that is not a UUID', ['restrict', user, '--project-id', 'nope']],
    ['--not-before without an expiry', ['restrict', user, '--not-before', '0']],
    ['a token that is not a token', ['restrict', 'pypi-!!!!', '--project', 'a']],
    ['verify without a key', ['verify', user]],
    ['a key that is not hex', ['verify', user, '--key-hex', 'xyz']],
    ['a project without its id', ['verify', user, '--key-hex', KEY_HEX, '--project', 'flask']],
    ['a project id without its name', ['verify', user, '--key-hex', KEY_HEX, '--project-id', '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76']],
    ['a project name that is not a project name', ['verify', user, '--key-hex', KEY_HEX, '--project', 'no such', '--project-id', '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76']],
    ['a project id that is not a UUID', ['verify', user, '--key-hex', KEY_HEX, '--project', 'flask', '--project-id', 'nope']],
    ['an invalid --now', ['verify', user, '--key-hex', KEY_HEX, '--now', 'yesterday']],
    ['mint without identifier', ['mint', '--key-hex', KEY_HEX]],
    ['mint with a bad prefix', ['mint', '--key-hex', KEY_HEX, '--identifier', 'x', '--prefix', 'a-b']],
  ]
  it.each(cases)('%s', async (_what, argv, options) => {
    const r = await cli(argv, options)
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(argv.length === 0 ? 0 : 1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    if (argv.length > 0) expect(r.stdout).toBe('')
  })
})

describe('help', () => {
  it('lists the commands and each command explains itself', async () => {
    const top = await cli(['--help'])
    expect(top.status).toBe(0)
    for (const c of ['inspect', 'restrict', 'verify', 'mint']) {
      expect(top.stdout).toContain(c)
      const help = await cli([c, '--help'])
      expect(help.stdout).toContain(`pypi-token ${c}`)
    }
    expect((await cli(['restrict', '--help'])).stdout).toContain('TWINE_PASSWORD=$(pypi-token restrict --from-env PYPI_TOKEN --project foo --expires-in 10m)')
  })
})
