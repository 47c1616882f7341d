/**
 * Time limits for test suites, separate from what the suites test. A limit only catches a test
 * that never finishes: it is set far beyond what a loaded 2-core machine needs, and it is never a
 * speed check (speed is measured by `npm run bench`, as ratios). vitest.config.ts sets the same
 * defaults for every test, so that no test depends on vitest's own default of 5 s.
 */

/** A test that runs in-process, without building or starting anything. */
export const IN_PROCESS_MS = 60_000

/** A test that starts processes (an adapter, the CLI, a client) or builds something (the site, a bundle). */
export const PROCESSES_MS = 300_000

/** A hook that builds or starts what its suite shares (beforeAll / afterAll). */
export const HOOK_MS = 600_000

/** Options for a describe() whose tests start processes or build. */
export const PROCESS_SUITE = { timeout: PROCESSES_MS } as const
