import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAllVectors } from './conformance-run.js'
import { ROOT, SETUP_HINT, venvPython } from './python.js'
import { PROCESS_SUITE } from '../limits.js'

const python = venvPython('pypitoken')

describe.skipIf(python === null)(`pypitoken adapter${python === null ? ` (skipped: ${SETUP_HINT})` : ''}`, PROCESS_SUITE, () => {
  it('passes its self-test: pypitoken.md §5 outcomes and every documented deviation', () => {
    const r = spawnSync(python as string, [join(ROOT, 'adapters', 'pypitoken', 'selftest.py')], { encoding: 'utf8', timeout: 120000 })
    expect(r.stdout + r.stderr).toMatch(/\d+ passed, 0 failed/)
    expect(r.status).toBe(0)
  }, 130000)

  it('runs every vector: each one passes or is a listed deviation (xfail.json), and no listed deviation passes or is stale', async () => {
    const { results, failed, problems } = await runAllVectors(`${python} adapters/pypitoken/adapter.py`, 'adapters/pypitoken/xfail.json')
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.implementation).toEqual({ name: 'pypitoken', version: '7.1.1' })
    expect(results.summary.PASS).toBeGreaterThan(400)
    expect(results.summary.XFAIL).toBeGreaterThan(0)
  }, 300000)
})
