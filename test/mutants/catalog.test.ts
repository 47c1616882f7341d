import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../src/mutants/catalog.js'
import { KINDS, SITES } from '../../src/mutants/comparisons.js'
import { catalogProblems, patch, selectMutants, type Mutant } from '../../src/mutants/mutant.js'
import { loadVectors } from '../../src/vectors/load.js'

const ROOT = join(import.meta.dirname, '..', '..')

function specIds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? specIds(join(dir, e.name)) : e.name.endsWith('.md') ? [...readFileSync(join(dir, e.name), 'utf8').matchAll(/\*\*([A-Z]+-\d+)\.\*\*/g)].map((m) => m[1] as string) : [],
  )
}

describe('the mutant catalog', () => {
  it('has unique area/kind names, files under src/, descriptions and targets', () => {
    expect(catalogProblems(CATALOG)).toEqual([])
    expect(catalogProblems([...CATALOG.slice(0, 1), ...CATALOG.slice(0, 1)])).toEqual([`mutant ${CATALOG[0]?.name} is defined twice`])
  })

  it('targets only spec ids the spec defines and vector families that exist', () => {
    const known = new Set([...specIds(join(ROOT, 'spec')), ...loadVectors(join(ROOT, 'vectors')).files.map((f) => f.data.topic)])
    const unknown = CATALOG.flatMap((m) => m.targets.filter((t) => !known.has(t)).map((t) => `${m.name}: ${t}`))
    expect(unknown).toEqual([])
  })

  it('has every near-miss comparison at every comparison site', () => {
    for (const site of SITES) for (const { kind } of KINDS) expect(CATALOG.some((m) => m.name === `${site.area}/${kind}`)).toBe(true)
    expect(CATALOG.length).toBeGreaterThanOrEqual(SITES.length * KINDS.length + 20)
  })

  it('applies to the current src/ (every find occurs exactly once and changes the file)', () => {
    const problems = CATALOG.flatMap((m) => {
      const result = patch(readFileSync(join(ROOT, m.file), 'utf8'), m)
      return result.ok ? [] : [result.message]
    })
    expect(problems).toEqual([])
  })
})

describe('patch and selectMutants', () => {
  const m: Mutant = { name: 'a/b', file: 'src/x.ts', find: 'x < y', replace: 'x <= y', description: 'd', targets: ['EXP-3'] }

  it('replaces the one occurrence, then each further edit in turn', () => {
    expect(patch('if (x < y) f()', m)).toEqual({ ok: true, text: 'if (x <= y) f()' })
    expect(patch('if (x < y) f()', { ...m, also: [{ find: 'f()', replace: 'g()' }] })).toEqual({ ok: true, text: 'if (x <= y) g()' })
  })

  it('refuses a find that occurs twice, not at all, or is empty, and an edit that changes nothing', () => {
    expect(patch('x < y; x < y', m)).toMatchObject({ ok: false, message: expect.stringContaining('occurs 2 times') })
    expect(patch('nothing', m)).toMatchObject({ ok: false, message: expect.stringContaining('occurs 0 times') })
    expect(patch('x < y', { ...m, find: '' })).toMatchObject({ ok: false, message: expect.stringContaining('is empty') })
    expect(patch('x < y', { ...m, replace: 'x < y' })).toMatchObject({ ok: false, message: expect.stringContaining('unchanged') })
  })

  it('selects by exact name or * pattern and names the patterns that match nothing', () => {
    const { selected, unmatched } = selectMutants(CATALOG, ['window/*', 'json/duplicate-key-last-wins', 'nope/*'])
    expect(selected.map((x) => x.name)).toEqual(['window/not-before-off-by-one', 'window/expires-at-off-by-one', 'window/not-before-skipped', 'json/duplicate-key-last-wins'])
    expect(unmatched).toEqual(['nope/*'])
    expect(selectMutants(CATALOG, []).selected).toHaveLength(CATALOG.length)
  })
})
