import { describe, expect, it } from 'vitest'
import { INCREMENTAL_DEPTH, layout } from '../../scripts/mutation/layout.js'

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
