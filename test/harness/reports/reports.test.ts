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
import { fake, FIXTURE_VECTORS, ManualClock, REFERENCE, ROOT, SLOW, tempDir, twoFailuresSuite, variant } from '../helpers.js'

const suite = loadVectors(FIXTURE_VECTORS)
let reference: ConformanceResults
let faulty: ConformanceResults
/** Right verdicts, other reason codes: the two levels differ. */
let reasons: ConformanceResults

beforeAll(async () => {
  reference = await runConformance({ clock: new ManualClock(), adapter: REFERENCE, suite, cwd: ROOT, onStderr: () => {} })
  // fake ok: every verify is valid, the other ops are not supported; one xfail, one stale xfail
  const xfails = new Xfails([
    { id: 'expiration::wrong-key', reason: 'does not check <signatures> & "keys"', spec: ['SIG-1'], level: 'verdict', effect: 'accepts forged tokens', class: 'widens-access' },
    { id: 'gone::*', reason: 'stale', spec: ['SIG-1'], level: 'verdict', effect: 'none', class: 'fail-closed' },
  ])
  faulty = await runConformance({ clock: new ManualClock(), adapter: fake('junk'), suite, xfails, onStderr: () => {} })
  reasons = await runConformance({ clock: new ManualClock(), adapter: variant('other-reasons'), suite, cwd: ROOT, onStderr: () => {} })
}, SLOW.timeout)

describe('results', () => {
  it('the reference implementation passes every fixture vector', () => {
    expect(reference.summary).toEqual({ PASS: 15, FAIL: 0, XFAIL: 0, XPASS: 0, SKIP: 0, ERROR: 0, HANG: 0 })
    expect(reference.verdict_summary).toEqual(reference.summary)
    expect(reference).toMatchObject({ implementation: { name: 'pypi-token-spec' }, passed: true, problems: [] })
  })

  it('match results.schema.json, with one entry per vector', () => {
    for (const r of [reference, faulty, reasons]) {
      expect(validateRef('results.schema.json', r)).toEqual({ ok: true })
      expect(r.results.map((x) => x.id)).toEqual(suite.vectors.map((v) => v.vector.id))
    }
    expect(faulty.summary).toEqual({ PASS: 4, FAIL: 4, XFAIL: 1, XPASS: 0, SKIP: 6, ERROR: 0, HANG: 0 })
    expect(faulty).toMatchObject({ passed: false, ops: ['hello', 'verify'], problems: ['verdict level: 4 FAIL', 'reason level: 4 FAIL', '1 stale xfail entry (matching no vector): gone::*'] })
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
  it('has the verdict, both levels, why not passed, the per-file table, stale entries, warnings and every vector that did not pass', () => {
    const md = markdownReport(faulty)
    expect(md).toContain('(ops: hello, verify)')
    expect(md).toContain(
      [
        '**FAILED**',
        '',
        '- verdict level: 15 vectors: 4 PASS, 4 FAIL, 1 XFAIL, 6 SKIP (40.0%)',
        '- reason level: 15 vectors: 4 PASS, 4 FAIL, 1 XFAIL, 6 SKIP (40.0%)',
        '- not passed: verdict level: 4 FAIL',
        '- not passed: reason level: 4 FAIL',
        '- not passed: 1 stale xfail entry (matching no vector): gone::*',
      ].join('\n'),
    )
    expect(md).toContain('| verdict | 4 | 4 | 1 | 0 | 6 | 0 | 0 |\n| reason | 4 | 4 | 1 | 0 | 6 | 0 | 0 |')
    expect(md).toContain('| `caveats/expiration.json` | verdict | 2 | 2 | 1 |  |  |  |  |\n|  | reason | 2 | 2 | 1 |  |  |  |  |')
    expect(md).toContain('- `gone::*`')
    expect(md).toMatch(/## Protocol warnings\n\n.*\n\n- 20 stdout lines that are not responses/)
    expect(md).toContain('| `expiration::at-expires-at` | `caveats/expiration.json` | FAIL | FAIL | expected invalid (CAVEAT_NOT_SATISFIED), got valid |')
    expect(md).toContain('| `expiration::wrong-key` | `caveats/expiration.json` | XFAIL | XFAIL | expected invalid (SIGNATURE_MISMATCH), got valid (xfail: does not check <signatures> & "keys") |')
    expect(md).not.toContain('`expiration::inside-window`')
    expect(markdownReport(reference)).toContain('**PASSED**\n\n- verdict level: 15 vectors: 15 PASS\n- reason level: 15 vectors: 15 PASS\n')
    expect(markdownReport(reference)).toContain('Every vector passed at both levels.')
  })

  it('shows where the levels differ (VEC-7)', () => {
    const md = markdownReport(reasons)
    expect(md).toContain('- verdict level: 15 vectors: 15 PASS\n- reason level: 15 vectors: 6 PASS, 9 FAIL\n- not passed: reason level: 9 FAIL\n')
    expect(md).toContain('| `caveats/expiration.json` | verdict | 5 |  |  |  |  |  |  |\n|  | reason | 2 | 3 |  |  |  |  |  |')
    expect(md).toContain('| `token-format::mint-bad-prefix` | `token-format.json` | PASS | FAIL | expected error INVALID_ARGUMENT, got error CAVEAT_UNKNOWN |')
  })
})

describe('the HTML report', () => {
  it('is one self-contained page with everything escaped', () => {
    const html = htmlReport(faulty)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i)
    expect(html).toContain('does not check &lt;signatures&gt; &amp; &quot;keys&quot;')
    expect(html).toContain('<td class="FAIL">FAIL</td>')
    expect(html).toContain('<p class="verdict FAIL">FAILED</p>\n<ul><li>verdict level: 15 vectors: 4 PASS, 4 FAIL, 1 XFAIL, 6 SKIP (40.0%)</li>')
    expect(html).toContain('<li>not passed: 1 stale xfail entry (matching no vector): gone::*</li>')
    expect(htmlReport(reference)).toContain('<p>Every vector passed at both levels.</p>')
    const differing = htmlReport(reasons)
    expect(differing).toContain('<li>verdict level: 15 vectors: 15 PASS</li><li>reason level: 15 vectors: 6 PASS, 9 FAIL</li>')
    expect(differing).toContain('<td><code>token-format::mint-bad-prefix</code></td><td><code>token-format.json</code></td><td class="PASS">PASS</td><td class="FAIL">FAIL</td>')
  })
})

describe('the per-file table', () => {
  it('counts each outcome per vector file and level, with total rows', () => {
    expect(fileTable(reasons).split('\n')).toEqual([
      'file                        level    PASS  FAIL  XFAIL  XPASS  SKIP  ERROR  HANG  total',
      'caveats/expiration.json     verdict     5     -      -      -     -      -     -      5',
      '                            reason      2     3      -      -     -      -     -      5',
      'caveats/project-names.json  verdict     4     -      -      -     -      -     -      4',
      '                            reason      1     3      -      -     -      -     -      4',
      'token-format.json           verdict     6     -      -      -     -      -     -      6',
      '                            reason      3     3      -      -     -      -     -      6',
      'total                       verdict    15     -      -      -     -      -     -     15',
      '                            reason      6     9      -      -     -      -     -     15',
    ])
  })
})

describe('failure lists the adapter did not report (VERIFY-5, ADAPT-11)', () => {
  it('are counted in every report', async () => {
    const r = await runConformance({ clock: new ManualClock(), adapter: variant('no-failures'), suite: twoFailuresSuite(), cwd: ROOT, onStderr: () => {} })
    expect(r.results[0]).toMatchObject({ outcome: 'PASS', failures_checked: false })
    const note = '1 vector expects a list of failures (VERIFY-5); the adapter reports none, so only the reason was compared'
    expect(markdownReport(r)).toContain(`## Failure lists not checked\n\n${note}.\n`)
    expect(htmlReport(r)).toContain(`<h2>Failure lists not checked</h2><p>${note}.</p>`)
    expect(markdownReport(reference)).not.toContain('Failure lists not checked')
  }, SLOW.timeout)
})
