/**
 * No test depends on vitest's default limit of 5 s: the config sets explicit, generous limits for
 * every test and hook (test/limits.ts), and the end-of-run summary reporter is installed.
 */
import { describe, expect, it } from 'vitest'
import config from '../vitest.config.js'
import { HOOK_MS, IN_PROCESS_MS, PROCESS_SUITE } from './limits.js'

describe('the test limits', () => {
  const test = (config as { test: { testTimeout?: number; hookTimeout?: number; teardownTimeout?: number; reporters?: unknown[] } }).test

  it('are set explicitly in vitest.config.ts, far above vitest defaults of 5 s and 10 s', () => {
    expect([test.testTimeout, test.hookTimeout, test.teardownTimeout]).toEqual([IN_PROCESS_MS, HOOK_MS, HOOK_MS])
    expect(IN_PROCESS_MS).toBeGreaterThanOrEqual(60_000)
    expect(PROCESS_SUITE.timeout).toBeGreaterThan(IN_PROCESS_MS)
    expect(HOOK_MS).toBeGreaterThanOrEqual(PROCESS_SUITE.timeout)
  })

  it('apply to this very test (no project overrides them)', ({ task }) => {
    expect(task.timeout).toBe(IN_PROCESS_MS)
  })

  it('come with the summary reporter: slowest files and skipped suites with their reasons', () => {
    expect(test.reporters).toEqual(['default', './test/reporters/summary.ts'])
  })
})
