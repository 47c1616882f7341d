import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseToken } from '../../src/token/parse.js'
import { built, LIBRARIES, library } from './macaroon-libraries.js'
import { exchange, ROOT, venvPython } from './python.js'

const BASE = 'pypi-AgENaW5kZXguZXhhbXBsZQIkMTIzNDU2NzgtMTIzNC01Njc4LTEyMzQtNTY3ODEyMzQ1Njc4AAAGIMsXZJYGGR3RyJvLK_2OlrNCDzllB2KPeFHYiIylyd5u'
const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'
// Commands are relative to the repository root, as in adapters/adapters.json.
const command = (name: string) => library(name).command.split(' ').map((p) => (p.startsWith('adapters/') ? `${ROOT}/${p}` : p))

// Claims that tell canonical JSON (CAV-9) from a language's default: unsorted keys, non-ASCII, an
// astral character (a surrogate pair), control characters, `<>&` (Go escapes them by default), nesting.
const CLAIMS = { zeta: 'snow ☃ and 𝄞', Alpha: ['<a&b>', '\u0001\t\n', 'é'], mid: { b: 1, a: [true, null, -3] } }
const RESTRICTIONS = [{ type: 'oidc_publisher', publisher_id: '89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c', claims: CLAIMS }, { type: 'legacy_project_names', names: ['sampleproject'] }]
const python = venvPython('pymacaroons')

/** Python's own json.dumps(sort_keys=True, separators=(",", ":")), the definition CAV-9 gives. */
function pythonCanonical(values: unknown[]): string[] {
  const r = spawnSync(python as string, ['-c', 'import json,sys; print(json.dumps([json.dumps(v, sort_keys=True, separators=(",", ":")) for v in json.load(sys.stdin)]))'], { input: JSON.stringify(values), encoding: 'utf8' })
  return JSON.parse(r.stdout) as string[]
}

describe.skipIf(python === null)('the macaroon-library adapters write the caveat bytes the spec defines (LIB-3: CAV-9, ADAPT-13)', () => {
  const want = python === null ? [] : pythonCanonical([[4, RESTRICTIONS[0]?.publisher_id, CLAIMS], { permissions: { projects: ['sampleproject'] }, version: 1 }])

  it.each(LIBRARIES.map((a) => [a.name, a] as const))('%s: restrict appends exactly Python json.dumps(sort_keys=True, separators=(",", ":")) of each caveat', (_name, a) => {
    if (!built(a)) return
    const { responses } = exchange(command(a.name), [{ id: 1, op: 'restrict', token: BASE, restrictions: RESTRICTIONS }])
    const token = responses[0]?.token as string
    const parsed = parseToken(token)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.token.macaroon.caveats.map((c) => Buffer.from(c.id).toString('latin1'))).toEqual(want)
  })
})

describe.skipIf(!built(library('macaroon-js')))('npm macaroon 3.0.4: exportBinary fails from 4 caveats (the known defect, adapters/macaroon-js/xfail.json)', () => {
  it('mints 3 caveats, and answers internal with its RangeError for 4', () => {
    const mint = (n: number) => ({ id: n, op: 'mint', key: KEY, location: 'index.example', identifier: 'x', prefix: 'pypi', caveats: Array.from({ length: n }, (_, i) => `[3,"${i}"]`) })
    const { responses } = exchange(command('macaroon-js'), [mint(3), mint(4)])
    expect(responses[0]).toMatchObject({ id: 3, ok: true })
    expect(responses[1]).toMatchObject({ id: 4, ok: false, error: { code: 'internal' } })
    expect(String((responses[1]?.error as { message: string }).message)).toMatch(/^RangeError: Invalid typed array length/)
  })
})
