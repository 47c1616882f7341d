/**
 * The counts the README and docs/ state are the real ones: how many vectors there are (in all,
 * in how many files, detection vectors) and how many mutants the catalog names. The README once
 * said 832 vectors in one place and 860 in another; a count written in prose goes stale the day
 * a vector is added, so every one is checked against vectors/index.json and the catalog.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../src/mutants/catalog.js'

const ROOT = join(import.meta.dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'vectors', 'index.json'), 'utf8')) as { number_of_vectors: number; files: { path: string; number_of_vectors: number }[] }
const detection = manifest.files.find((f) => f.path === 'detection.json')?.number_of_vectors

const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))]

/** A count as written ("1,024" or "860"). */
const number = (text: string) => Number(text.replace(/,/g, ''))

/** Each kind of stated count: a pattern whose first group is the number, and the real value. */
const COUNTS: { what: string; pattern: RegExp; real: number | undefined }[] = [
  // "860 vectors", "all 860 vectors", "860 conformance vectors" (not "§5 vectors" or "28 detection vectors")
  { what: 'vectors in all', pattern: /(?<![\d,§.])(\d[\d,]*) (?:conformance )?vectors\b/g, real: manifest.number_of_vectors },
  { what: 'vector files', pattern: /vectors in (\d+) files/g, real: manifest.files.length },
  { what: 'detection vectors', pattern: /(?<![\d,§.])(\d[\d,]*) detection vectors\b/g, real: detection },
  { what: 'mutants in the catalog', pattern: /names (\d+) mutants/g, real: CATALOG.length },
]

/** Every stated count in `text`: what it counts, the number, and the line it is on. */
function statedCounts(text: string): { what: string; stated: number; real: number | undefined; line: string }[] {
  return COUNTS.flatMap(({ what, pattern, real }) =>
    [...text.matchAll(pattern)].map((m) => ({ what, stated: number(m[1] as string), real, line: text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index)) })),
  )
}

describe('the counts the README and docs/ state', () => {
  it('finds the counts as they are written, and only those', () => {
    const found = statedCounts('all 1,024 vectors pass\nsee §5 vectors\nthe 28 detection vectors\n860 vectors in 20 files\nthe catalog names 88 mutants\n3-caveat verify vectors\n')
    expect(found.map((f) => [f.what, f.stated])).toEqual([
      ['vectors in all', 1024],
      ['vectors in all', 860],
      ['vector files', 20],
      ['detection vectors', 28],
      ['mutants in the catalog', 88],
    ])
  })

  it.each(PAGES)('%s: every stated count is the real one', (page) => {
    const counts = statedCounts(readFileSync(join(ROOT, page), 'utf8'))
    expect(counts.every((c) => c.real !== undefined), 'a count with nothing to check it against').toBe(true)
    expect(counts.filter((c) => c.stated !== c.real).map((c) => `${c.what}: says ${c.stated}, is ${c.real}: ${c.line}`)).toEqual([])
  })

  it('the README states the number of vectors at least once, so that this check has something to check', () => {
    expect(statedCounts(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter((c) => c.what === 'vectors in all').length).toBeGreaterThan(0)
  })
})
