import { describe, expect, it } from 'vitest'
import { runAllVectors } from './conformance-run.js'
import { SETUP_HINT, venvPython } from './python.js'
import { PROCESS_SUITE } from '../limits.js'

const python = venvPython('detect-secrets')

describe.skipIf(python === null)(`detect-secrets adapter${python === null ? ` (skipped: ${SETUP_HINT})` : ''}`, PROCESS_SUITE, () => {
  it('runs the detection vectors: each one passes or is a listed deviation (xfail.json), nothing else is sent (ADAPT-14)', async () => {
    const { results, failed, problems } = await runAllVectors(`${python} adapters/detect-secrets/adapter.py`, 'adapters/detect-secrets/xfail.json')
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.implementation).toEqual({ name: 'detect-secrets', version: '1.5.0' })
    expect(results.ops).toEqual(['hello', 'detect'])
    const ran = results.results.filter((r) => r.outcome !== 'SKIP')
    expect(ran.length).toBeGreaterThan(20)
    expect(ran.every((r) => r.op === 'detect')).toBe(true)
  }, 300000)
})
