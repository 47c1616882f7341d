import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forgetSurvivors, INCREMENTAL_DEPTH, layout } from '../../scripts/mutation/layout.js'

describe('the committed incremental file, laid out one mutant and one test per line (npm run mutation)', () => {
  const report = {
    files: { 'src/a.ts': { source: 'const a = 1\n', mutants: [{ id: '1', status: 'Killed', coveredBy: ['3', '4'], location: { start: { line: 1, column: 11 } } }, { id: '2', status: 'Survived' }] } },
    testFiles: { 'test/a.test.ts': { source: 'it()', tests: [{ id: '3', name: 'a' }, { id: '4', name: 'b' }] } },
    schemaVersion: '2',
    empty: {},
  }
  const text = layout(report, INCREMENTAL_DEPTH)

  it('reads back as the same JSON', () => {
    expect(JSON.parse(text)).toEqual(report)
  })

  it('puts each mutant and each test on a line of its own', () => {
    const lines = text.split('\n').map((l) => l.trim())
    expect(lines).toContain('{"id":"1","status":"Killed","coveredBy":["3","4"],"location":{"start":{"line":1,"column":11}}},')
    expect(lines).toContain('{"id":"2","status":"Survived"}')
    expect(lines).toContain('{"id":"3","name":"a"},')
    expect(lines).toContain('"source": "const a = 1\\n",')
  })
})

describe('forgetSurvivors', () => {
  it('drops the survivors and uncovered mutants of an incremental file, keeps every other result, and lays it out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forget-'))
    const path = join(dir, 'incremental.json')
    const m = (id: string, status: string) => ({ id, status })
    writeFileSync(path, JSON.stringify({ files: { 'src/a.ts': { source: 'x', mutants: [m('1', 'Killed'), m('2', 'Survived'), m('3', 'Timeout'), m('4', 'NoCoverage'), m('5', 'CompileError')] } }, testFiles: {} }))
    expect(forgetSurvivors(path)).toBe(2)
    const text = readFileSync(path, 'utf8')
    expect((JSON.parse(text) as { files: Record<string, { mutants: { id: string }[] }> }).files['src/a.ts']?.mutants.map((x) => x.id)).toEqual(['1', '3', '5'])
    expect(text).toContain('\n    {"id":"1","status":"Killed"}')
  })
})
