/** @module The HTML report: one self-contained page (inline style, no scripts, no external assets). */
import type { ConformanceResults } from '../../generated/types.js'
import { OUTCOMES, runFailed, type Outcome } from '../judging/outcomes.js'
import { messageOf } from './report-md.js'
import { countsByFile, summaryLine } from './summary.js'

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
  const failed = runFailed(r)
  const counts = (c: Record<Outcome, number>) => OUTCOMES.map((o) => `<td class="n${c[o] > 0 ? ` ${o}` : ''}">${c[o] === 0 ? '' : c[o]}</td>`).join('')
  const head = `<tr><th>file</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}</tr>`
  const files = [...countsByFile(r.results)].map(([file, c]) => `<tr><td><code>${e(file)}</code></td>${counts(c)}</tr>`).join('\n')
  const notPassing = r.results.filter((x) => x.outcome !== 'PASS')
  const rows = notPassing
    .map((x) => `<tr><td><code>${e(x.id)}</code></td><td><code>${e(x.file)}</code></td><td class="${x.outcome}">${x.outcome}</td><td>${e(messageOf(x))}</td></tr>`)
    .join('\n')
  const list = (title: string, items: readonly string[], note: string) =>
    items.length === 0 ? '' : `<h2>${title}</h2><p>${note}</p><ul>${items.map((i) => `<li><code>${e(i)}</code></li>`).join('')}</ul>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance: ${e(r.implementation.name)} ${e(r.implementation.version)}</title>
<style>${STYLE}</style></head><body>
<h1>Conformance results: ${e(r.implementation.name)} ${e(r.implementation.version)}</h1>
<p>Adapter <code>${e(r.adapter)}</code>, suite ${e(r.suite_version)}, ${(r.duration_ms / 1000).toFixed(1)} s, ${r.restarts} restarts.</p>
<p class="verdict ${failed ? 'FAIL' : 'PASS'}">${failed ? 'FAILED' : 'PASSED'}: ${e(summaryLine(r.summary))}</p>
${list('Stale xfail entries', r.stale_xfails, 'These entries match no vector; a stale entry fails the run.')}
${list('Protocol warnings', r.protocol_warnings ?? [], 'Faults attributed to no vector (they do not fail the run).')}
<h2>By file</h2>
<table>${head}
${files}
<tr><th>total</th>${counts(r.summary)}</tr></table>
<h2>Not passing (${notPassing.length})</h2>
${notPassing.length === 0 ? '<p>Every vector passed.</p>' : `<table><tr><th>vector</th><th>file</th><th>outcome</th><th>message</th></tr>\n${rows}\n</table>`}
</body></html>
`
}
