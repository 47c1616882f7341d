/**
 * The golden files: what the CLI and the adapter print, compared in full with reviewed text in
 * test/golden/files/ (docs/golden.md). A blanked or changed message, description or exit status
 * fails here with a unified diff; when the change is intended, `npm run golden:update` rewrites
 * the files and the reviewer reads the diff in git. Runs src/ in-process, so StrykerJS's mutants
 * of messages are judged by it (test/mutation/vitest.config.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { contentTag } from '../mutation/content-tag.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { unifiedDiff } from './diff.js'
import { absolutePath, FAMILIES, familyPath, UPDATE_COMMAND } from './families.js'

/** At most this many diff lines in a failure message; the rest is counted. */
const MAX_DIFF_LINES = 150

function mismatch(name: string, expected: string, actual: string): string {
  const lines = unifiedDiff(expected, actual, `${familyPath(name)} (golden)`, `${familyPath(name)} (what src/ prints now)`).split('\n')
  const shown = lines.length > MAX_DIFF_LINES ? [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more diff lines`] : lines
  return [
    `${familyPath(name)} differs from what src/ prints now:`,
    '',
    ...shown,
    `If the change is intended, run \`${UPDATE_COMMAND}\` and review \`git diff ${familyPath(name)}\` before committing.`,
  ].join('\n')
}

describe('golden text (test/golden/files)', () => {
  // The name carries a digest of the golden text (test/mutation/content-tag.ts): StrykerJS's
  // incremental mode then re-tests what a family covers when its file changes.
  const tagOf = (name: string) => (existsSync(absolutePath(name)) ? contentTag(readFileSync(absolutePath(name), 'utf8')) : 'missing')
  it.each(FAMILIES.map((f) => [f.name, tagOf(f.name), f] as const))('%s [%s]: the output equals the reviewed golden file', async (name, _tag, family) => {
    const path = absolutePath(name)
    if (!existsSync(path)) expect.fail(`${familyPath(name)} is missing: run \`${UPDATE_COMMAND}\` and review it`)
    const expected = readFileSync(path, 'utf8')
    const actual = await family.render()
    if (actual !== expected) expect.fail(mismatch(name, expected, actual))
  })

  it('the diff, with all context, reads back as both texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 30 }), (x, y) => {
        const [a, b] = [x.join('\n'), y.join('\n')]
        const body = unifiedDiff(a, b, 'x', 'y', 1000).split('\n').slice(3, -1)
        if (a === b) return
        expect(body.filter((l) => !l.startsWith('+')).map((l) => l.slice(1))).toEqual(a.split('\n'))
        expect(body.filter((l) => !l.startsWith('-')).map((l) => l.slice(1))).toEqual(b.split('\n'))
      }),
      { seed: 19, numRuns: 300 },
    )
  })

  it('the diff shows a changed line in context', () => {
    expect(unifiedDiff('a\nb\nc\nd\n', 'a\nB\nc\nd\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n \n')
    expect(unifiedDiff('same\n', 'same\n', 'x', 'y')).toBe('')
  })
})
