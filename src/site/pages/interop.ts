/**
 * @module The interop matrix on the site, beside the conformance matrix: tokens minted by one
 * implementation, narrowed by a second and verified by a third (src/interop/), from the latest
 * `conformance interop` report, with every deviation and its minimal chain.
 */
import { LEGEND, matrixRows, minimalLines } from '../../interop/report.js'
import { prose, specLinks } from '../fragments.js'
import { html } from '../html.js'
import { page } from '../layout.js'
import type { SiteModel } from '../model.js'
import { href, PAGES } from '../paths.js'
import type { SitePage } from './types.js'

export function interopPage(model: SiteModel): SitePage {
  const path = PAGES.interop
  const r = model.interop
  const intro = html`<h1>Interop matrix</h1>
<p>Generated cases passed between implementations: a token minted by one, narrowed by a second, verified by a third, each step compared with what the spec prescribes. Per implementation against the vectors: the <a href="${href(path, PAGES.conformance)}">conformance matrix</a>.</p>`
  if (r === null) return { path, content: page({ path, title: 'Interop matrix', body: html`${intro}<p class="note" id="interop-missing">${model.interopMissing}</p>`, section: 'conformance' }) }
  const [head, ...rows] = matrixRows(r)
  const body = html`${intro}
<p>${r.runs} generated cases (seed ${r.seed}) through ${r.chains.length} chains, suite ${r.suite_version}: <strong>${r.passed ? 'passed' : 'not passed'}</strong>.</p>
<table id="interop-matrix"><thead><tr>${(head ?? []).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>
${rows.map((row) => html`<tr>${row.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c.includes('UNEXPLAINED') ? html`<strong>${c}</strong>` : c}</td>`))}</tr>`)}
</tbody></table>
<ul>${LEGEND.map((l) => html`<li>${l}</li>`)}${r.problems.map((p) => html`<li><strong>not passed:</strong> ${p}</li>`)}</ul>
<h2 id="deviations">Deviations</h2>
${r.deviations.length === 0 ? html`<p>None: every chain agrees with the spec.</p>` : ''}
${r.deviations.map((d, i) => html`<article class="xfail" id="deviation-${i + 1}"><h3><code>${d.id}</code></h3>
<p>${d.level} level, ${d.count} chain run${d.count === 1 ? '' : 's'}. ${d.explanation === null ? html`<strong>Unexplained.</strong>` : html`${prose(d.explanation.reason)} <strong>Effect:</strong> ${prose(d.explanation.effect)} (${specLinks(model, path, d.explanation.spec)})`}</p>
<pre><code>${minimalLines(d).join('\n')}</code></pre></article>`)}`
  return { path, content: page({ path, title: 'Interop matrix', body, section: 'conformance' }) }
}
