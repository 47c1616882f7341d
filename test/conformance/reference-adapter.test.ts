import { describe, expect, it } from 'vitest'
import { runAllVectors } from '../adapters/conformance-run.js'
import { PROCESS_SUITE } from '../limits.js'

describe('the reference adapter through the harness', PROCESS_SUITE, () => {
  it('passes every vector as a separate process speaking protocol v1 (npm run -s adapter)', async () => {
    const { results, failed, problems } = await runAllVectors(`${process.execPath} --import tsx src/adapter/main.ts`)
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.summary.PASS).toBe(results.results.length)
    expect(results.implementation.name).toBe('pypi-token-spec')
  }, 120000)
})
