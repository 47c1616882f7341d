/**
 * @module The HTML report: one self-contained page (inline style, no scripts, no external
 * assets) with the same content as the Markdown report, both levels (VEC-7) included.
 */
import type { ConformanceResults } from '../../generated/types.js'
import { OUTCOMES, type Outcome } from '../judging/outcomes.js'
import { messageOf } from './report-md.js'
import { countsByFile, LEVELS, summaryLine, uncheckedFailuresNote } from './summary.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const COLOURS: Record<Outcome, string> = { PASS: '#1a7f37', FAIL: '#cf222e', XFAIL: '#9a6700', XPASS: '#cf222e', SKIP: '#6e7781', ERROR: '#a40e26', HANG: '#8250df' }

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}code{font:12px ui-monospace,monospace}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}.verdict{font-weight:bold;font-size:1.1rem}
${OUTCOMES.map((o) => `.${o}{color:${COLOURS[o]};font-weight:600}`).join('\n')}`

/** Renders results as a standalone HTML page. */
export function htmlReport(r: ConformanceResults): string {
  const e = escapeHtml
  const counts = (c: Record<Outcome, number>) => OUTCOMES.map((o) => `<td class="n${c[o] > 0 ? ` ${o}` : ''}">${c[o] === 0 ? '' : c[o]}</td>`).join('')
  const outcome = (o: Outcome) => `<td class="${o}">${o}</td>`
  const head = `<tr><th>file</th><th>level</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}</tr>`
  const [verdict, reason] = LEVELS.map((l) => countsByFile(r.results, l.of))
  const files = [...(verdict ?? [])]
    .map(([file, c]) => `<tr><td rowspan="2"><code>${e(file)}</code></td><td>verdict</td>${counts(c)}</tr>\n<tr><td>reason</td>${counts(reason?.get(file) ?? c)}</tr>`)
    .join('\n')
  const notPassing = r.results.filter((x) => x.outcome !== 'PASS')
  const rows = notPassing.map((x) => `<tr><td><code>${e(x.id)}</code></td><td><code>${e(x.file)}</code></td>${outcome(x.verdict)}${outcome(x.outcome)}<td>${e(messageOf(x))}</td></tr>`).join('\n')
  const list = (title: string, items: readonly string[], note: string) =>
    items.length === 0 ? '' : `<h2>${title}</h2><p>${note}</p><ul>${items.map((i) => `<li><code>${e(i)}</code></li>`).join('')}</ul>`
  const unchecked = uncheckedFailuresNote(r.results)
  const levels = LEVELS.map((l) => `<li>${l.name} level: ${e(summaryLine(l.summary(r)))}</li>`).join('')
  const problems = r.problems.map((p) => `<li>not passed: ${e(p)}</li>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance: ${e(r.implementation.name)} ${e(r.implementation.version)}</title>
<style>${STYLE}</style></head><body>
<h1>Conformance results: ${e(r.implementation.name)} ${e(r.implementation.version)}</h1>
<p>Adapter <code>${e(r.adapter)}</code> (ops: ${e(r.ops.length === 0 ? 'none' : r.ops.join(', '))}), suite ${e(r.suite_version)}, ${(r.duration_ms / 1000).toFixed(1)} s, ${r.restarts} restarts.</p>
<p class="verdict ${r.passed ? 'PASS' : 'FAIL'}">${r.passed ? 'PASSED' : 'FAILED'}</p>
<ul>${levels}${problems}</ul>
<table><tr><th>level</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}</tr>
${LEVELS.map((l) => `<tr><td>${l.name}</td>${counts(l.summary(r))}</tr>`).join('\n')}</table>
${list('Stale xfail entries', r.stale_xfails, 'These entries match no vector; a stale entry fails the run.')}
${list('Protocol warnings', r.protocol_warnings ?? [], 'Faults attributed to no vector (they do not fail the run).')}
${unchecked === null ? '' : `<h2>Failure lists not checked</h2><p>${e(unchecked)}.</p>`}
<h2>By file</h2>
<table>${head}
${files}
<tr><th rowspan="2">total</th><td>verdict</td>${counts(r.verdict_summary)}</tr>
<tr><td>reason</td>${counts(r.summary)}</tr></table>
<h2>Not passing (${notPassing.length})</h2>
${notPassing.length === 0 ? '<p>Every vector passed at both levels.</p>' : `<table><tr><th>vector</th><th>file</th><th>verdict</th><th>reason</th><th>message</th></tr>\n${rows}\n</table>`}
</body></html>
`
}
