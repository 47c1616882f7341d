import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateRef } from '../../../src/caveats/schema-validator.js'
import type { ConformanceResults } from '../../../src/generated/types.js'
import { htmlReport } from '../../../src/harness/reports/report-html.js'
import { markdownReport } from '../../../src/harness/reports/report-md.js'
import { writeReports } from '../../../src/harness/reports/reports.js'
import { runConformance } from '../../../src/harness/run.js'
import { fileTable } from '../../../src/harness/reports/summary.js'
import { Xfails } from '../../../src/harness/judging/xfail.js'
import { loadVectors } from '../../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, REFERENCE, ROOT, SLOW, tempDir } from '../helpers.js'

const suite = loadVectors(FIXTURE_VECTORS)
let reference: ConformanceResults
let faulty: ConformanceResults

beforeAll(async () => {
  reference = await runConformance({ adapter: REFERENCE, suite, cwd: ROOT, onStderr: () => {} })
  // fake ok: every verify is valid, the other ops are not supported; one xfail, one stale xfail
  const xfails = new Xfails([
    { id: 'expiration::wrong-key', reason: 'does not check <signatures> & "keys"', spec: ['SIG-1'] },
    { id: 'gone::*', reason: 'stale', spec: ['SIG-1'] },
  ])
  faulty = await runConformance({ adapter: fake('junk'), suite, xfails, onStderr: () => {} })
}, SLOW.timeout)

describe('results', () => {
  it('the reference implementation passes every fixture vector', () => {
    expect(reference.summary).toEqual({ PASS: 15, FAIL: 0, XFAIL: 0, XPASS: 0, SKIP: 0, ERROR: 0, HANG: 0 })
    expect(reference.implementation.name).toBe('pypi-token-spec')
  })

  it('match results.schema.json, with one entry per vector', () => {
    for (const r of [reference, faulty]) {
      expect(validateRef('results.schema.json', r)).toEqual({ ok: true })
      expect(r.results.map((x) => x.id)).toEqual(suite.vectors.map((v) => v.vector.id))
    }
    expect(faulty.summary).toEqual({ PASS: 4, FAIL: 4, XFAIL: 1, XPASS: 0, SKIP: 6, ERROR: 0, HANG: 0 })
    expect(faulty.stale_xfails).toEqual(['gone::*'])
    expect(faulty.results.find((x) => x.id === 'expiration::inside-window')).toMatchObject({ actual: { ok: true, valid: true, reason: null, message: null } })
  })

  it('are written as JSON, Markdown and HTML after validation', () => {
    const dir = tempDir()
    expect(writeReports(faulty, dir)).toEqual(['json', 'md', 'html'].map((k) => join(dir, `results.${k}`)))
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toEqual(faulty)
    expect(() => writeReports({ ...faulty, summary: { ...faulty.summary, PASS: -0.5 } }, tempDir())).toThrow(/harness bug: the results do not match results\.schema\.json/)
  })
})

describe('the Markdown report', () => {
  it('has the verdict, the per-file table, stale entries, warnings and every vector that did not pass', () => {
    const md = markdownReport(faulty)
    expect(md).toContain('**FAILED**: 15 vectors: 4 PASS, 4 FAIL, 1 XFAIL, 6 SKIP, 1 stale xfail entries.')
    expect(md).toContain('| `caveats/expiration.json` | 2 | 2 | 1 |  |  |  |  |')
    expect(md).toContain('- `gone::*`')
    expect(md).toMatch(/## Protocol warnings\n\n.*\n\n- 20 stdout lines that are not responses/)
    expect(md).toContain('| `expiration::at-expires-at` | `caveats/expiration.json` | FAIL | expected invalid (CAVEAT_NOT_SATISFIED), got valid |')
    expect(md).toContain('| `expiration::wrong-key` | `caveats/expiration.json` | XFAIL | expected invalid (SIGNATURE_MISMATCH), got valid (xfail: does not check <signatures> & "keys") |')
    expect(md).not.toContain('`expiration::inside-window`')
    expect(markdownReport(reference)).toContain('**PASSED**: 15 vectors: 15 PASS.')
    expect(markdownReport(reference)).toContain('Every vector passed.')
  })
})

describe('the HTML report', () => {
  it('is one self-contained page with everything escaped', () => {
    const html = htmlReport(faulty)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i)
    expect(html).toContain('does not check &lt;signatures&gt; &amp; &quot;keys&quot;')
    expect(html).toContain('<td class="FAIL">FAIL</td>')
    expect(html).toContain('<p class="verdict FAIL">FAILED: 15 vectors: 4 PASS, 4 FAIL, 1 XFAIL, 6 SKIP</p>')
    expect(htmlReport(reference)).toContain('<p>Every vector passed.</p>')
  })
})

describe('the per-file table', () => {
  it('counts each outcome per vector file, with a total row', () => {
    expect(fileTable(faulty).split('\n')).toEqual([
      'file                        PASS  FAIL  XFAIL  XPASS  SKIP  ERROR  HANG  total',
      'caveats/expiration.json        2     2      1      -     -      -     -      5',
      'caveats/project-names.json     2     2      -      -     -      -     -      4',
      'token-format.json              -     -      -      -     6      -     -      6',
      'total                          4     4      1      -     6      -     -     15',
    ])
  })
})
