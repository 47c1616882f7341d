/**
 * @module The conformance matrix: vector file × implementation at both levels, each count a link
 * to the vector browser filtered to that file, implementation and outcome; per implementation the
 * verdict-level xfails by severity class (widens access first); where the reports come from; and
 * the interop matrix beside it.
 */
import type { XfailEntry } from '../../generated/types.js'
import { XFAIL_CLASSES } from '../../harness/judging/xfail.js'
import { countsByFile, LEVELS, skipShare } from '../../harness/reports/summary.js'
import { countsCell } from '../fragments.js'
import { html, type Html } from '../html.js'
import { page } from '../layout.js'
import type { Implementation, SiteModel } from '../model.js'
import { href, implementationPage, PAGES, vectorFilePage } from '../paths.js'
import { noReports, provenance, shortVersion } from '../provenance.js'
import { classLabel, xfailOf } from '../xfails.js'
import type { SitePage } from './types.js'

/** The vector browser filtered by the given fields (`?file=…&impl=…&verdict=XFAIL`). */
export function browserQuery(from: string, filter: Record<string, string>): string {
  // Slashes stay as they are (`file=caveats/expiration.json`): legal in a query, and shorter.
  return `${href(from, PAGES.vectors)}?${new URLSearchParams(filter).toString().replace(/%2F/g, '/')}`
}

/** The vector browser's parameter for an implementation's outcome at a level: `verdict`, or `outcome` for the reason level (as in results.json). */
export const levelParam = (level: 'verdict' | 'reason') => (level === 'verdict' ? 'verdict' : 'outcome')

/** Per implementation, the vectors XFAIL at the verdict level whose xfail entry has each class. */
export function verdictXfailsByClass(impl: Implementation): Map<XfailEntry['class'], number> {
  const counts = new Map<XfailEntry['class'], number>(XFAIL_CLASSES.map((c) => [c, 0]))
  for (const r of impl.results?.results ?? []) {
    if (r.verdict !== 'XFAIL') continue
    const c = xfailOf(impl, r.id)?.class
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return counts
}

function classTable(path: string, ran: readonly Implementation[]): Html {
  const counts = new Map(ran.map((impl) => [impl.name, verdictXfailsByClass(impl)]))
  return html`<h2 id="severity">Verdict-level xfails by severity</h2>
<p>How many vectors each implementation gets wrong at the verdict level, by the class its xfail file gives the deviation, most severe first. Each number lists those vectors.</p>
<table class="classes-table" id="severity-table"><thead><tr><th scope="col">class</th>${ran.map((impl) => html`<th scope="col">${impl.name}</th>`)}</tr></thead><tbody>
${XFAIL_CLASSES.filter((c) => c !== 'reason-only').map((c) => html`<tr><th scope="row" class="class-${c}">${classLabel(c)}</th>${ran.map((impl) => {
  const n = counts.get(impl.name)?.get(c) ?? 0
  return html`<td>${n === 0 ? html`<span class="muted">0</span>` : html`<a href="${browserQuery(path, { impl: impl.name, verdict: 'XFAIL', class: c })}">${n}</a>`}</td>`
})}</tr>`)}
</tbody></table>`
}

export function matrixPage(model: SiteModel): SitePage {
  const path = PAGES.conformance
  const intro = html`<h1>Conformance matrix</h1>
<p>Every vector file against every implementation, from the latest reports of <code>npm run conformance</code> (<code>reports/&lt;name&gt;/results.json</code>). PASS passes; XFAIL fails as the implementation's xfail file says; SKIP is an operation the implementation does not have; FAIL, XPASS, ERROR and HANG fail the run. Every count links to its vectors. Beside it: the <a href="${href(path, PAGES.interop)}">interop matrix</a>, tokens passed from one implementation to another.</p>
${provenance(model)}`
  if (noReports(model)) return { path, content: page({ path, title: 'Conformance matrix', body: intro, section: 'conformance' }) }
  const ran = model.implementations.filter((i) => i.results !== null)
  const byFile = new Map(ran.map((impl) => [impl.name, LEVELS.map((l) => countsByFile(impl.results!.results, l.of))]))
  const head = html`<tr><th scope="col" rowspan="2">vector file</th>${model.implementations.map((impl) => html`<th scope="colgroup" colspan="2"><a href="${href(path, implementationPage(impl.name))}">${impl.name}</a>${impl.results === null ? '' : html` <small title="${impl.results.implementation.version}">${shortVersion(impl.results.implementation.version)}</small>`}</th>`)}</tr>
<tr>${model.implementations.map(() => html`<th scope="col">verdict</th><th scope="col">reason</th>`)}</tr>`
  const cells = (impl: Implementation, file: string) =>
    impl.results === null
      ? html`<td colspan="2" class="muted">no report</td>`
      : html`${byFile.get(impl.name)!.map((m, i) => html`<td>${countsCell(m.get(file) ?? null, (o) => browserQuery(path, { file, impl: impl.name, [levelParam(LEVELS[i]!.name)]: o }))}</td>`)}`
  const rows = model.files.map((f) => html`<tr><th scope="row"><a href="${href(path, vectorFilePage(f.file))}">${f.file}</a></th>${model.implementations.map((impl) => cells(impl, f.file))}</tr>`)
  const totals = html`<tr class="total"><th scope="row">total</th>${model.implementations.map((impl) => (impl.results === null ? html`<td colspan="2" class="muted">no report</td>` : html`<td>${countsCell(impl.results.verdict_summary, (o) => browserQuery(path, { impl: impl.name, verdict: o }))}</td><td>${countsCell(impl.results.summary, (o) => browserQuery(path, { impl: impl.name, outcome: o }))}</td>`))}</tr>
<tr><th scope="row">run</th>${model.implementations.map((impl) => html`<td colspan="2">${impl.results === null ? '—' : impl.results.passed ? 'passed' : html`<strong>not passed</strong>`}${impl.results === null ? '' : html`, ${skipShare(impl.results.summary)} skipped`}</td>`)}</tr>`
  const body = html`${intro}
<p class="note">The <strong>verdict level</strong> is the security contract: valid or invalid, a rejection or not, the same parts, token or caveats. The <strong>reason level</strong> also wants the expected reason code and, when the implementation lists them, the same failures (<a href="${href(path, 'spec/vector-format.html#VEC-7')}">VEC-7</a>).</p>
<table class="matrix" id="matrix"><thead>${head}</thead><tbody>${rows}${totals}</tbody></table>
${classTable(path, ran)}
<ul>${model.implementations.map((impl) => html`<li><a href="${href(path, implementationPage(impl.name))}">${impl.name}</a>: ${impl.results === null ? 'no report' : html`${impl.results.implementation.name} ${impl.results.implementation.version}, ${impl.xfails.length} xfail entries`}</li>`)}</ul>`
  return { path, content: page({ path, title: 'Conformance matrix', body, section: 'conformance' }) }
}
