/** The end-of-run summary: the slowest files, and each skipped suite with its reason (or that it gave none). */
import { describe, expect, it } from 'vitest'
import { reasonOf, summaryLines, type SkippableTask } from './summary.js'

const task = (name: string, note?: string, file = 'test/a.test.ts'): SkippableTask => ({ type: 'suite', name, fullName: name, module: { relativeModuleId: file }, skipped: () => true, note: () => note })

describe('the summary reporter', () => {
  it('reads the reason from a skip note or from "(skipped: …)" at the end of the name', () => {
    expect(reasonOf(task('pypitoken adapter (skipped: run `npm run adapters:setup`)'))).toBe('run `npm run adapters:setup`')
    expect(reasonOf(task('anything', 'chromium is not installed'))).toBe('chromium is not installed')
    expect(reasonOf(task('a suite that says nothing'))).toBeNull()
  })

  it('lists the slowest files first, at most ten, and every skipped suite with its reason or "no reason given"', () => {
    const modules = Array.from({ length: 12 }, (_, i) => ({ relativeModuleId: `test/f${i}.test.ts`, ms: i * 1000 }))
    const lines = summaryLines(modules, [task('chromium (skipped: no chromium)', undefined, 'test/site/site.test.ts'), task('silent')], false)
    expect(lines[0]).toBe('slowest test files (setup, import and tests, each file on its own):')
    expect(lines.slice(1, 4)).toEqual(['    11.0 s  test/f11.test.ts', '    10.0 s  test/f10.test.ts', '     9.0 s  test/f9.test.ts'])
    expect(lines[10]).toBe('     2.0 s  test/f2.test.ts')
    expect(lines.slice(11)).toEqual(['skipped (2):', '  test/site/site.test.ts > chromium: no chromium', '  test/a.test.ts > silent: no reason given'])
  })

  it('says when nothing was skipped, and does not list what -t left out', () => {
    expect(summaryLines([], [], false)).toEqual(['skipped: nothing'])
    expect(summaryLines([], [], false, ['test/site/site.test.ts'])).toEqual(['left out by npm run test:quick (npm test runs them): test/site/site.test.ts', 'skipped: nothing'])
    expect(summaryLines([], [task('x')], true)).toEqual(['1 suites or tests not selected (-t): not listed'])
  })
})
