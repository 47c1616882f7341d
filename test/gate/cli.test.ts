import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../src/cli/run.js'
import type { Io } from '../../src/cli/io.js'
import { CHECKS } from '../../src/gate/check.js'
import { BROKEN } from '../fixtures/broken-proposals/release-version.js'
import { makeCopy } from './copies.js'
import { PROCESS_SUITE } from '../limits.js'

const temp = mkdtempSync(join(tmpdir(), 'gate-cli-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

async function cli(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: Io = { argv, env: process.env, readStdin: async () => null, out: (t) => void (stdout += t), err: (t) => void (stderr += t), now: () => 1700000000 }
  const status = await run(io)
  return { status, stdout, stderr }
}

const LIMIT = 10 * 60 * 1000

// proposals/ip-ranges passes the gate through action.yml (test/action/); .ci/run gates both in full.
describe('pypi-token gate: a worked proposal passes (PROP-1 … PROP-10, PROP-29)', () => {
  for (const slug of ['release-version']) {
    it(`proposals/${slug}: every check passes, exit 0, with JSON and Markdown reports (PROP-10)`, async () => {
      const json = join(temp, `${slug}.json`)
      const md = join(temp, `${slug}.md`)
      const r = await cli(['gate', `proposals/${slug}`, '--deployed', 'reference', '--seed', '1', '--runs', '100', '--base', 'HEAD', '--json', json, '--markdown', md])
      expect(r.stderr).toBe('')
      expect(r.stdout.split('\n').filter((l) => /^(PASS|FAIL|NOT RUN)/.test(l)).map((l) => l.slice(0, 8 + 16).trim())).toEqual(CHECKS.map((c) => `PASS    ${c}`))
      expect(r.stdout).toContain(`gate PASSED: ${CHECKS.length} passed, 0 failed, 0 not run (`)
      expect(r.status).toBe(0)
      const report = JSON.parse(readFileSync(json, 'utf8'))
      expect(report).toMatchObject({ ok: true, proposal: { slug, path: `proposals/${slug}` } })
      expect(report.checks.map((c: { status: string }) => c.status)).toEqual(CHECKS.map(() => 'PASS'))
      expect(readFileSync(md, 'utf8')).toContain('| ✅ PASS | `deployed` | every deployed implementation rejects every token carrying tag')
    }, LIMIT)
  }
})

describe('pypi-token gate: failing and bad usage', PROCESS_SUITE, () => {
  it('prints every failing reason and exits 1 for a broken copy', async () => {
    const { dir, changelog } = makeCopy('release-version', BROKEN[0]!, temp)
    const r = await cli(['gate', dir, '--changelog', changelog, '--base', 'HEAD'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('FAIL    schema            1 problem\n')
    expect(r.stdout).toContain('- tag 1 is registered to project-names in the tag registry (spec/caveats/index.md): a tag is never reused (SEMVER-5)')
    expect(r.stdout).toContain('NOT RUN laws              not run: needs schema to pass')
    expect(r.stdout).toContain(`gate FAILED: 6 passed, 1 failed, ${CHECKS.length - 7} not run (`)
  }, LIMIT)

  it.each([
    [['gate'], 'pypi-token gate: give the proposal folder, e.g. pypi-token gate proposals/release-version'],
    [['gate', 'proposals/no-such-caveat'], 'pypi-token gate: proposals/no-such-caveat is not a folder (a proposal is proposals/<slug>/)'],
    [['gate', 'proposals/ip-ranges', 'proposals/release-version'], 'pypi-token gate: unexpected argument "proposals/release-version"'],
    [['gate', 'proposals/ip-ranges', '--runs', '0'], 'pypi-token gate: --runs must be a whole number of at least 1, not "0"'],
    [['gate', 'proposals/ip-ranges', '--seed', '-3'], 'pypi-token gate: --seed must be a whole number of at least 0, not "-3"'],
    [['gate', 'proposals/ip-ranges', '--fast'], "pypi-token gate: Unknown option '--fast'"],
  ])('%j: one line on stderr, exit 2', async (argv, line) => {
    const r = await cli(argv)
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(r.stderr).toContain(line)
    expect(r.status).toBe(2)
  })

  it('documents itself in --help and in the command list', async () => {
    expect((await cli(['gate', '--help'])).stdout).toContain('pypi-token gate <proposal folder>')
    expect((await cli(['--help'])).stdout).toContain('gate         check a proposed caveat type')
  })
})
