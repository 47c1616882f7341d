import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, SETUP_HINT, venvPython } from './python.js'

const python = venvPython('pypitoken')

describe.skipIf(python === null)(`pypitoken adapter${python === null ? ` (skipped: ${SETUP_HINT})` : ''}`, () => {
  it("passes its self-test: pypitoken.md §5 outcomes and every documented deviation", () => {
    const r = spawnSync(python as string, [join(ROOT, 'adapters', 'pypitoken', 'selftest.py')], { encoding: 'utf8', timeout: 120000 })
    expect(r.stdout + r.stderr).toMatch(/\d+ passed, 0 failed/)
    expect(r.status).toBe(0)
  }, 130000)
})
