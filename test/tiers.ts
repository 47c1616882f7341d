/**
 * `npm run test:quick` (TEST_QUICK=1) leaves out the two slowest parts of `npm test`, for the edit
 * loop: the site's browser crawl (every page in chromium with axe-core) and the catalogue of broken
 * proposals the gate must fail. `npm test` and CI run them; the summary reporter says they were
 * left out (vitest.config.ts, test/reporters/summary.ts).
 */
export const QUICK_LEFT_OUT = ['test/site/site.test.ts', 'test/gate/broken-*.test.ts']

/** The files this run leaves out: none unless TEST_QUICK=1. */
export const leftOut = (env: NodeJS.ProcessEnv = process.env): readonly string[] => (env.TEST_QUICK === '1' ? QUICK_LEFT_OUT : [])
