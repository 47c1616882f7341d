/**
 * @module Conformance on the site: the matrix (vector file × implementation, both levels), then
 * one page per implementation built from its latest report and its xfail file: results at the
 * verdict and the reason level, every xfail with its reason and effect, and every confirmed
 * defect written up for its upstream.
 */
import { countsByFile, LEVELS } from '../../harness/reports/summary.js'
import { countsCell, prose, specLinks, vectorList } from '../fragments.js'
import { html, type Html } from '../html.js'
import { page } from '../layout.js'
import type { Implementation, SiteModel } from '../model.js'
import { href, implementationPage, vectorFilePage } from '../paths.js'
import { byClass, classLabel, groupXfails, type XfailGroup } from '../xfails.js'
import { upstreamLink } from '../upstream.js'
import { browserQuery } from './matrix.js'
import { confirmedDefects, defectsSection } from './defects.js'
import { interopPage } from './interop.js'
import { matrixPage } from './matrix.js'
import type { SitePage } from './types.js'

export function conformancePages(model: SiteModel): SitePage[] {
  return [matrixPage(model), interopPage(model), ...model.implementations.map((impl) => implementationPageOf(model, impl))]
}

const levelNote = html`<p class="note">The <strong>verdict level</strong> is the security contract: valid or invalid, a rejection or not, the same parts, token or caveats. The <strong>reason level</strong> also wants the expected reason code and, when the implementation lists them, the same failures (<a href="../spec/vector-format.html#VEC-7">VEC-7</a>).</p>`

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

/** Links source locations in an implementation's prose to its upstream at the tested version. */
export const sourceLinker = (impl: Implementation) => (location: string) => upstreamLink(impl.name, impl.results?.implementation.version ?? null, location)

function xfailSection(model: SiteModel, impl: Implementation, path: string, groups: readonly XfailGroup[], confirmed: readonly XfailGroup[]): Html {
  const order = new Map(confirmed.map((g, i) => [g, i + 1]))
  const count = (level: string) => groups.filter((g) => g.level === level).reduce((n, g) => n + g.vectors.length, 0)
  const link = sourceLinker(impl)
  return html`<section aria-labelledby="xfails"><h2 id="xfails">Every xfail</h2>
${impl.xfailFile === null ? html`<p>No xfail file: every vector must pass.</p>` : html`<p>${impl.xfails.length} entries in <code>${impl.xfailFile}</code>, matching ${count('verdict')} vectors at the verdict level and ${count('reason')} at the reason level only. Entries that say the same thing are shown together, most severe class first.</p>`}
${byClass(groups).map((g) => {
  const i = groups.indexOf(g)
  const heading = html`<h3><span class="class-${g.class}">${classLabel(g.class)}</span> · ${g.level === 'verdict' ? 'verdict' : 'reason only'}${g.flag === null ? '' : html` · <code>${g.flag}</code>`} · <a href="${browserQuery(path, { impl: impl.name, class: g.class })}">${g.vectors.length} vector${g.vectors.length === 1 ? '' : 's'}</a></h3>`
  const defect = order.get(g)
  if (defect !== undefined) return html`<article class="xfail" id="xfail-${i + 1}" data-class="${g.class}">${heading}<p>Written up as <a href="#defect-${defect}">defect ${defect}</a>: what, where, impact, spec ids and vectors.</p></article>`
  return html`<article class="xfail" id="xfail-${i + 1}" data-class="${g.class}">${heading}
<p>${prose(g.reason, link)}</p><p><strong>Effect:</strong> ${prose(g.effect, link)}</p><p><strong>Spec:</strong> ${specLinks(model, path, g.spec)}</p>
<details><summary>Vectors</summary>${vectorList(model, path, g.vectors)}</details></article>`
})}
</section>`
}
