/**
 * INTEROP-2/3 against the case issue 18 described: a pypitoken adapter whose restrict silently
 * drops a caveat used to pass `conformance interop` under its own name, its chain runs absorbed by
 * the fail-closed explanation of pypitoken's restricter. With the real explanations file it must
 * fail; the real pypitoken adapter, on the same cases, must not.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadExplanations } from '../../src/interop/explanations.js'
import { runInterop } from '../../src/interop/interop.js'
import { REFERENCE, ROOT } from '../harness/helpers.js'

const PYTHON = join(ROOT, 'adapters', 'pypitoken', '.venv', 'bin', 'python')
const REAL = `${PYTHON} ${join(ROOT, 'adapters', 'pypitoken', 'adapter.py')}`
const BROKEN = `${PYTHON} ${join(ROOT, 'test', 'fixtures', 'interop', 'pypitoken-drops-caveat.py')}`
const explanations = loadExplanations(join(ROOT, 'adapters', 'interop.json'))
const run = (command: string) => runInterop({ adapters: [{ name: 'reference', command: REFERENCE }, { name: 'pypitoken', command }], runs: 30, seed: 1, explanations, cwd: ROOT, onStderr: () => {} })

describe.skipIf(!existsSync(PYTHON))('interop explanations cannot absorb a widening (INTEROP-2, INTEROP-3)', () => {
  it('fails a pypitoken copy whose restrict drops a caveat, and passes the real one on the same cases', async () => {
    const broken = await run(BROKEN)
    expect(broken.passed).toBe(false)
    const widening = broken.deviations.find((d) => d.id === 'pypitoken restrict: writes other caveats (widens access)')
    expect(widening).toMatchObject({ role: 'restrict', widens: true, explanation: null })
    expect(broken.problems).toContainEqual(expect.stringMatching(/^unexplained deviation: pypitoken restrict: writes other caveats \(widens access\)/))
    expect(broken.problems).toContainEqual(expect.stringMatching(/^widening not explained: (reference|pypitoken) → pypitoken → reference accepted \d+ token/))

    const real = await run(REAL)
    expect(real.problems).toEqual([])
    expect(real.passed).toBe(true)
    expect(real.deviations.filter((d) => d.role === 'restrict').every((d) => !d.widens)).toBe(true)
  }, 600_000)
})
