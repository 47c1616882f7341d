import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAllVectors } from './conformance-run.js'
import { ROOT } from './python.js'
import { PROCESS_SUITE } from '../limits.js'

const built = existsSync(join(ROOT, 'adapters', 'gitleaks', 'bin', 'adapter'))

describe.skipIf(!built)(`gitleaks adapter${built ? '' : ' (skipped: run `npm run adapters:setup` to build it)'}`, PROCESS_SUITE, () => {
  it("runs the detection vectors with gitleaks' PyPI rule: each one passes or is a listed deviation (xfail.json) (ADAPT-14)", async () => {
    const { results, failed, problems } = await runAllVectors('adapters/gitleaks/bin/adapter', 'adapters/gitleaks/xfail.json')
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.implementation).toEqual({ name: 'gitleaks', version: '8.30.1' })
    expect(results.ops).toEqual(['hello', 'detect'])
    const ran = results.results.filter((r) => r.outcome !== 'SKIP')
    expect(ran.length).toBeGreaterThan(20)
    expect(ran.every((r) => r.op === 'detect')).toBe(true)
  }, 300000)
})
