import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GateReport } from '../../src/mutants/gate.js'
import { PROCESS_SUITE } from '../limits.js'

const ROOT = join(import.meta.dirname, '..', '..')

function mutants(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mutants.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('npm run mutants', PROCESS_SUITE, () => {
  it('runs the selected mutants against every vector, prints one line each and a summary, writes --json, exits 0 when all are killed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutants-cli-test-'))
    try {
      const r = mutants('--only', 'token/prefix-case-insensitive', '--json', join(dir, 'out', 'mutants.json'))
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const lines = r.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/^baseline +the unmutated reference passes all \d+ vectors/)
      expect(lines[1]).toMatch(/^KILLED +token\/prefix-case-insensitive +(\S+, )*token-format::prefix-title-case, token-format::prefix-upper-case/)
      expect(lines[2]).toMatch(/^mutant gate PASSED: 1 killed, 0 survived, 0 no longer apply, 0 broken \(1 mutants, 2 at a time, /)
      const report = JSON.parse(readFileSync(join(dir, 'out', 'mutants.json'), 'utf8')) as GateReport
      expect(report.ok).toBe(true)
      expect(report.mutants[0]).toMatchObject({ name: 'token/prefix-case-insensitive', status: 'KILLED', targets: ['TOKEN-2', 'token-format'] })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60000)

  it('exits 2 on bad usage: an unknown option, a missing value, a name no mutant has', () => {
    for (const args of [['--frobnicate'], ['--json'], ['--only', 'no-such/mutant']]) {
      const r = mutants(...args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^mutants: .*\nusage: npm run mutants/)
      expect(r.stdout).toBe('')
    }
  }, 60000)

  it('lists the catalog with --list', () => {
    const r = mutants('--list', '--only', 'window/*')
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['window/not-before-off-by-one', 'window/expires-at-off-by-one', 'window/not-before-skipped'])
  }, 60000)
})
