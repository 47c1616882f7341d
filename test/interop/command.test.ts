import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/io.js'
import { run } from '../../src/cli/run.js'
import { REFERENCE, SLOW, tempDir, variant } from '../harness/helpers.js'

async function interop(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: Io = { argv: ['conformance', 'interop', ...argv], env: {}, readStdin: async () => null, out: (t) => void (stdout += t), err: (t) => void (stderr += t), now: () => 1700000000 }
  return { status: await run(io), stdout, stderr }
}

function write(name: string, data: unknown): string {
  const path = join(tempDir(), name)
  writeFileSync(path, JSON.stringify(data))
  return path
}

const adapters = (entries: object[]) => write('adapters.json', { adapters: entries })
const explanations = (deviations: object[]) => write('interop.json', { schema: 'interop-deviations.schema.json', deviations })

describe('pypi-token conformance interop', SLOW, () => {
  it('prints the matrix, writes the reports and exits 0 when every chain agrees', async () => {
    const out = tempDir()
    const r = await interop('--adapters', adapters([{ name: 'reference', command: REFERENCE }, { name: 'absent', command: 'false', requires: { files: ['no/such/file'] } }]), '--runs', '5', '--out', out)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^minter → restricter +verified by reference\nreference → — +5 agree\nreference → reference +5 agree\n/m)
    expect(r.stdout).toContain('interop: PASSED')
    expect(r.stderr).toContain('absent: skipped: no/such/file does not exist')
    expect(readdirSync(out).sort()).toEqual(['interop.html', 'interop.json', 'interop.md'])
  })

  it('exits 1 with an unexplained deviation, and 0 once an explanation covers it', async () => {
    const list = adapters([{ name: 'reference', command: REFERENCE }, { name: 'variant', command: variant('accepts-unsatisfied') }])
    const failing = await interop('--adapters', list, '--runs', '10', '--seed', '5', '--out', tempDir(), '--explanations', explanations([]))
    expect(failing.status).toBe(1)
    expect(failing.stdout).toMatch(/UNEXPLAINED/)
    const entry = { implementation: 'variant', role: 'verify', class: 'invalid (*) → valid', caveats: ['expiration', 'legacy-expiration', 'legacy-project-ids', 'legacy-project-names', 'legacy-user', 'oidc-publisher', 'project-ids', 'project-names', 'request-user'], widens: true, reason: 'checks no context', spec: ['VERIFY-1'], level: 'verdict', effect: 'widens access' }
    const passing = await interop('--adapters', list, '--runs', '10', '--seed', '5', '--out', tempDir(), '--explanations', explanations([entry]))
    expect(passing.status).toBe(0)
    expect(passing.stdout).toContain('explained: checks no context')
  }, 240000)

  it.each([
    [['--runs', '0'], 'conformance: --runs must be a whole number of at least 1, not "0"'],
    [['--seed', 'x'], 'conformance: --seed must be a whole number of at least -2147483648, not "x"'],
    [['--explanations', '/no/such/file.json'], 'conformance: /no/such/file.json: cannot be read (ENOENT)'],
    [['--frobnicate'], "conformance: Unknown option '--frobnicate'"],
  ])('answers bad usage %j with one line and exit status 2', async (argv, message) => {
    const r = await interop(...argv)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`pypi-token ${message}\n`)
  })
})
