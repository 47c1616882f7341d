/**
 * The common mistakes get messages that say what went wrong: a key given as an argument, a
 * token with another prefix, the prefix pasted twice, a token cut short. Key material is never
 * repeated on the terminal.
 */
import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/run.js'
import type { Io } from '../../../src/cli/io.js'
import { parseToken } from '../../../src/token/parse.js'
import { mint } from '../../../src/index.js'
import { KEY, KEY_HEX, PT } from '../../fixtures/reference-tokens.js'

const NOW = 1700000000

async function cli(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: Io = { argv, env: {}, readStdin: async () => null, out: (t) => void (stdout += t), err: (t) => void (stderr += t), now: () => NOW, colour: false }
  const status = await run(io)
  return { status, stdout, stderr }
}

// Fixture tokens are literals, checked against mint() by a test below: a token minted while the file
// loads would run src/ outside any test, which StrykerJS counts as static (docs/mutation.md).
/** Minted with KEY for the project "foo". */
const TOKEN = 'pypi-AgEAAiQxMjM0NTY3OC0xMjM0LTU2NzgtMTIzNC01Njc4MTIzNDU2NzgAAgtbMSxbImZvbyJdXQAABiAUVVQTtG8ecaWfwYpl5U07yDCRyyZA28utoIQa6ShNzg'

it('the fixture token is what mint writes', () => {
  expect(mint({ key: KEY, identifier: PT.identifier, caveats: [{ type: 'project_names', names: ['foo'] }] })).toMatchObject({ ok: true, token: TOKEN })
})
const BODY = TOKEN.slice('pypi-'.length)

describe('a key given as an argument', () => {
  it.each([
    ['verify', ['verify', TOKEN, KEY_HEX]],
    ['mint', ['mint', KEY_HEX, '--identifier', 'x']],
  ])('%s: exit 2, a hint to use --key-*, and the key never echoed', async (_c, argv) => {
    const r = await cli(argv)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('a key is not an argument: give it with --key-env VAR, --key-file PATH or --key-stdin')
    expect(r.stderr + r.stdout).not.toContain(KEY_HEX)
    expect(r.stderr + r.stdout).not.toContain(KEY_HEX.slice(0, 16))
  })

  it('a second token is not echoed either, but a short stray word is', async () => {
    expect((await cli(['inspect', TOKEN, TOKEN])).stderr).toBe(`pypi-token inspect: unexpected argument (${TOKEN.length} characters, not shown: it may be a key or a token)\n`)
    expect((await cli(['inspect', TOKEN, 'extra'])).stderr).toBe('pypi-token inspect: unexpected argument "extra"\n')
  })
})

describe('inspect of a token whose prefix is not pypi', () => {
  it('says in its status line that verifiers refuse it, and --check exits 1', async () => {
    const r = await cli(['inspect', `testpypi-${BODY}`])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('status      refused by verifiers: the prefix "testpypi" is not "pypi" (TOKEN_BAD_PREFIX, TOKEN-2); its caveats alone: valid now, and never expires\n')
    expect((await cli(['inspect', '--check', `testpypi-${BODY}`])).status).toBe(1)
    expect((await cli(['inspect', '--check', TOKEN])).status).toBe(0)
    const json = JSON.parse((await cli(['inspect', '--json', `testpypi-${BODY}`])).stdout) as { refused_by_verifiers: unknown }
    expect(json.refused_by_verifiers).toEqual({ reason: 'TOKEN_BAD_PREFIX', message: expect.stringContaining('"testpypi"') })
    expect((JSON.parse((await cli(['inspect', '--json', TOKEN])).stdout) as { refused_by_verifiers: unknown }).refused_by_verifiers).toBeNull()
  })
})

describe('a token pasted with its prefix twice, or cut short', () => {
  it('names the doubled prefix, keeping the reason code', () => {
    const r = parseToken(`pypi-${TOKEN}`)
    expect(r).toEqual({ ok: false, reason: 'MACAROON_MALFORMED', message: expect.stringMatching(/^the prefix appears twice \("pypi-pypi-…"\): remove one "pypi-" \(unsupported version byte 0xa7\)$/) })
  })

  it.each([
    ['in a field', TOKEN.slice(0, 40), 'MACAROON_MALFORMED', 'the token looks truncated: it ends before its signature'],
    ['in the signature', `pypi-${BODY.slice(0, BODY.length - (BODY.length % 4) - 8)}`, 'MACAROON_MALFORMED', 'the token looks truncated: it ends before its signature'],
    ['mid-character', `pypi-${BODY.slice(0, BODY.length - (BODY.length % 4) - 3)}`, 'TOKEN_BAD_ENCODING', 'the token looks truncated or has a stray character'],
  ])('says a token cut %s looks truncated', (_where, cut, reason, hint) => {
    const r = parseToken(cut)
    expect(r.ok).toBe(false)
    expect(r.ok === false && [r.reason, r.message.startsWith(hint)]).toEqual([reason, true])
  })

  it('leaves other failures as they were', () => {
    const r = parseToken(`pypi-${BODY}AA`)
    expect(r.ok === false && r.message).toBe('trailing bytes after the signature')
  })
})

describe('an adapter slow to answer hello', () => {
  it('gets a progress line with how long the harness has waited and when it gives up', async () => {
    const { waitingLine } = await import('../../../src/cli/commands/conformance.js')
    expect(waitingLine('', 5000, 30_000)).toBe('waiting for the adapter to start and answer hello (5 s so far; giving up after 30 s)\n')
    expect(waitingLine('pypitoken ', 10_400, 30_000)).toBe('pypitoken: waiting for the adapter to start and answer hello (10 s so far; giving up after 30 s)\n')
  })
})
