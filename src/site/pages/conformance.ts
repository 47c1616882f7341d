/**
 * @module Conformance on the site: the matrix (vector file × implementation, both levels), then
 * one page per implementation built from its latest report and its xfail file: results at the
 * verdict and the reason level, every xfail with its reason and effect, and every confirmed
 * defect written up for its upstream.
 */
import { countsByFile, LEVELS, skipShare } from '../../harness/reports/summary.js'
import { countsCell, prose, specLinks, vectorList } from '../fragments.js'
import { html, type Html } from '../html.js'
import { page } from '../layout.js'
import type { Implementation, SiteModel } from '../model.js'
import { href, implementationPage, PAGES, vectorFilePage } from '../paths.js'
import { groupXfails, type XfailGroup } from '../xfails.js'
import { confirmedDefects, defectsSection } from './defects.js'
import type { SitePage } from './types.js'

export function conformancePages(model: SiteModel): SitePage[] {
  return [matrixPage(model), ...model.implementations.map((impl) => implementationPageOf(model, impl))]
}

const levelNote = html`<p class="note">The <strong>verdict level</strong> is the security contract: valid or invalid, a rejection or not, the same parts, token or caveats. The <strong>reason level</strong> also wants the expected reason code and, when the implementation lists them, the same failures (<a href="../spec/vector-format.html#VEC-7">VEC-7</a>).</p>`

/** A commit hash shortened as git does; release versions as they are. */
const shortVersion = (v: string) => (/^[0-9a-f]{40}$/.test(v) ? v.slice(0, 12) : v)

function matrixPage(model: SiteModel): SitePage {
  const path = PAGES.conformance
  const ran = model.implementations.filter((i) => i.results !== null)
  const byFile = new Map(ran.map((impl) => [impl.name, LEVELS.map((l) => countsByFile(impl.results!.results, l.of))]))
  const head = html`<tr><th scope="col" rowspan="2">vector file</th>${model.implementations.map((impl) => html`<th scope="colgroup" colspan="2"><a href="${href(path, implementationPage(impl.name))}">${impl.name}</a>${impl.results === null ? '' : html` <small title="${impl.results.implementation.version}">${shortVersion(impl.results.implementation.version)}</small>`}</th>`)}</tr>
<tr>${model.implementations.map(() => html`<th scope="col">verdict</th><th scope="col">reason</th>`)}</tr>`
  const cells = (impl: Implementation, file: string) =>
    impl.results === null ? html`<td colspan="2" class="muted">—</td>` : html`${byFile.get(impl.name)!.map((m) => html`<td>${countsCell(m.get(file) ?? null)}</td>`)}`
  const rows = model.files.map((f) => html`<tr><th scope="row"><a href="${href(path, vectorFilePage(f.file))}">${f.file}</a></th>${model.implementations.map((impl) => cells(impl, f.file))}</tr>`)
  const totals = html`<tr class="total"><th scope="row">total</th>${model.implementations.map((impl) => (impl.results === null ? html`<td colspan="2" class="muted">${impl.missing}</td>` : html`<td>${countsCell(impl.results.verdict_summary)}</td><td>${countsCell(impl.results.summary)}</td>`))}</tr>
<tr><th scope="row">run</th>${model.implementations.map((impl) => html`<td colspan="2">${impl.results === null ? '—' : impl.results.passed ? 'passed' : html`<strong>not passed</strong>`}${impl.results === null ? '' : html`, ${skipShare(impl.results.summary)} skipped`}</td>`)}</tr>`
  const body = html`<h1>Conformance matrix</h1>
<p>Every vector file against every implementation, from the latest reports of <code>npm run conformance</code> (<code>reports/&lt;name&gt;/results.json</code>). PASS passes; XFAIL fails as the implementation's xfail file says; SKIP is an operation the implementation does not have; FAIL, XPASS, ERROR and HANG fail the run.</p>
${levelNote}
<div class="table-scroll"><table class="matrix" id="matrix"><thead>${head}</thead><tbody>${rows}${totals}</tbody></table></div>
<ul>${model.implementations.map((impl) => html`<li><a href="${href(path, implementationPage(impl.name))}">${impl.name}</a>: ${impl.results === null ? impl.missing : html`${impl.results.implementation.name} ${impl.results.implementation.version}, ${impl.xfails.length} xfail entries`}</li>`)}</ul>`
  return { path, content: page({ path, title: 'Conformance matrix', body, section: 'conformance' }) }
}

function implementationPageOf(model: SiteModel, impl: Implementation): SitePage {
  const path = implementationPage(impl.name)
  const r = impl.results
  const groups = groupXfails(model, impl)
  const confirmed = confirmedDefects(model, impl, groups)
  const summary =
    r === null
      ? html`<p class="note">${impl.missing}</p>`
      : html`<dl class="facts"><dt>implementation</dt><dd>${r.implementation.name} ${r.implementation.version}</dd><dt>adapter</dt><dd><code>${r.adapter}</code></dd><dt>operations</dt><dd>${r.ops.join(', ')}</dd><dt>run</dt><dd>${r.passed ? 'passed' : html`<strong>not passed</strong>: ${r.problems.join('; ')}`}</dd><dt>suite</dt><dd>${r.suite_version}</dd>
${LEVELS.map((l) => html`<dt>${l.name} level</dt><dd>${countsCell(l.summary(r))}</dd>`)}</dl>`
  // Files of which the adapter skipped every vector are named in one line, not given a row each.
  const skipsAll = (file: string) => r !== null && r.results.every((x) => x.file !== file || (x.verdict === 'SKIP' && x.outcome === 'SKIP'))
  const ran = model.files.filter((f) => !skipsAll(f.file))
  const allSkipped = model.files.filter((f) => skipsAll(f.file))
  const byFile =
    r === null
      ? ''
      : html`<h2 id="results">Results by vector file</h2><div class="table-scroll"><table><thead><tr><th scope="col">vector file</th>${LEVELS.map((l) => html`<th scope="col">${l.name} level</th>`)}</tr></thead><tbody>
${ran.map((f) => html`<tr><th scope="row"><a href="${href(path, vectorFilePage(f.file))}">${f.file}</a></th>${LEVELS.map((l) => html`<td>${countsCell(countsByFile(r.results, l.of).get(f.file) ?? null)}</td>`)}</tr>`)}
</tbody></table></div>${allSkipped.length === 0 ? '' : html`<p>Every vector SKIP: ${allSkipped.map((f, i) => html`${i > 0 ? ', ' : ''}<a href="${href(path, vectorFilePage(f.file))}">${f.file}</a>`)}.</p>`}`
  const skipped = r === null ? [] : r.results.filter((x) => x.verdict === 'SKIP')
  const body = html`<h1>${impl.name}</h1>
${summary}
${levelNote}
<nav class="toc" aria-label="On this page"><ul>${r === null ? '' : html`<li><a href="#results">Results by vector file</a></li>`}<li><a href="#defects">Confirmed defects</a></li><li><a href="#xfails">Every xfail</a></li>${skipped.length > 0 ? html`<li><a href="#skipped">Skipped</a></li>` : ''}</ul></nav>
${byFile}
${defectsSection(model, impl, path, confirmed, groups)}
${xfailSection(model, impl, path, groups, confirmed)}
${skipped.length === 0 ? '' : html`<h2 id="skipped">Skipped</h2><p>${skipped.length} vectors of operations the adapter answers <code>unsupported</code>: ${[...new Set(skipped.map((x) => x.op))].join(', ')}.</p>`}`
  return { path, content: page({ path, title: `${impl.name}: conformance`, body, section: 'conformance' }) }
}

function xfailSection(model: SiteModel, impl: Implementation, path: string, groups: readonly XfailGroup[], confirmed: readonly XfailGroup[]): Html {
  const order = new Map(confirmed.map((g, i) => [g, i + 1]))
  const count = (level: string) => groups.filter((g) => g.level === level).reduce((n, g) => n + g.vectors.length, 0)
  return html`<section aria-labelledby="xfails"><h2 id="xfails">Every xfail</h2>
${impl.xfailFile === null ? html`<p>No xfail file: every vector must pass.</p>` : html`<p>${impl.xfails.length} entries in <code>${impl.xfailFile}</code>, matching ${count('verdict')} vectors at the verdict level and ${count('reason')} at the reason level only. Entries that say the same thing are shown together.</p>`}
${groups.map((g, i) => {
  const heading = html`<h3>${g.level === 'verdict' ? 'Verdict' : 'Reason only'}${g.flag === null ? '' : html` · <code>${g.flag}</code>`} · ${g.vectors.length} vector${g.vectors.length === 1 ? '' : 's'}</h3>`
  const defect = order.get(g)
  if (defect !== undefined) return html`<article class="xfail" id="xfail-${i + 1}">${heading}<p>Written up as <a href="#defect-${defect}">defect ${defect}</a>: what, where, impact, spec ids and vectors.</p></article>`
  return html`<article class="xfail" id="xfail-${i + 1}">${heading}
<p>${prose(g.reason)}</p><p><strong>Effect:</strong> ${prose(g.effect)}</p><p><strong>Spec:</strong> ${specLinks(model, path, g.spec)}</p>
<details><summary>Vectors</summary>${vectorList(model, path, g.vectors)}</details></article>`
})}
</section>`
}
