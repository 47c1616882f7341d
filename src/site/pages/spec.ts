/**
 * @module One page per file of spec/: its Markdown with a table of contents, an anchor on every
 * normative id, and under each id the vectors that cite it (or, for ids about the suite itself,
 * the tests), with how each implementation does on them.
 */
import { CAVEAT_MODULES } from '../../caveats/registry.js'
import { html, raw, toString, type Html } from '../html.js'
import { page } from '../layout.js'
import { renderMarkdown, type Heading } from '../markdown.js'
import type { SiteModel } from '../model.js'
import { caveatPage, href, PAGES } from '../paths.js'
import { verdictSummary, vectorList } from '../fragments.js'
import { BY_SPEC } from './vectors.js'
import { decisionBlock, flagsByDecision } from './decisions.js'
import { reasonCodeTargets, reasonUsage } from './reasons.js'
import { pager, readingOrder, specSidebar } from '../spec-nav.js'
import type { SitePage } from './types.js'

/** How many of the vectors citing an id its statement lists (all of them are on the by-spec page). */
const INLINE_VECTORS = 5

export function specPages(model: SiteModel): SitePage[] {
  const reasonCodes = reasonCodeTargets()
  const decisionFlags = flagsByDecision(model)
  const order = readingOrder(model.specFiles)
  return model.specFiles.map((file) => {
    const path = file.page
    const cited = (id: string) => toString(citedBlock(model, path, id))
    const afterSection = file.source === 'spec/decisions.md' ? (id: string) => toString(decisionBlock(path, decisionFlags.get(id) ?? [])) : undefined
    const rendered = renderMarkdown(file.text, { path, source: file.source, definitions: model.definitions, reasonCodes, afterDefinition: cited, ...(afterSection === undefined ? {} : { afterSection }) })
    const extra = file.source === 'spec/reason-codes.md' ? reasonUsage(model, path) : ''
    const slug = /^spec\/caveats\/([a-z-]+)\.md$/.exec(file.source)?.[1]
    const caveatNote = slug !== undefined && CAVEAT_MODULES.some((m) => m.slug === slug) ? html`<p class="note">The <a href="${href(path, caveatPage(slug))}">${slug} caveat page</a> shows its fields, schema, wire examples, vectors and how each implementation does on it.</p>` : ''
    // The table of contents goes right after the page's h1.
    const h1End = rendered.html.indexOf('</h1>') + '</h1>'.length
    const body = html`<article class="spec">
${raw(rendered.html.slice(0, h1End))}
${toc(rendered.headings, rendered.defines, path)}
${caveatNote}
${raw(rendered.html.slice(h1End))}
${extra}
${pager(order, path)}
</article>`
    return { path, content: page({ path, title: rendered.title, body, section: 'spec', sidebar: specSidebar(order, path) }) }
  })
}

function toc(headings: readonly Heading[], ids: readonly string[], path: string): Html {
  const sections = headings.filter((h) => h.level === 2 || h.level === 3)
  if (sections.length === 0 && ids.length === 0) return html``
  return html`<nav class="toc" aria-label="On this page"><h2 class="toc-title">On this page</h2>
${sections.length === 0 ? '' : html`<ul>${sections.map((h) => html`<li class="toc-h${h.level}"><a href="#${h.id}">${h.text}</a></li>`)}</ul>`}
${ids.length === 0 ? '' : html`<p class="toc-ids">Statements: ${ids.map((id) => html`<a class="sid" href="${href(path, `${path}#${id}`)}">${id}</a> `)}</p>`}
</nav>`
}

/** What follows a normative statement: the vectors citing it, or the tests for a suite id. */
function citedBlock(model: SiteModel, path: string, id: string): Html {
  const tests = model.testedBy.get(id)
  const testedBy =
    tests === undefined ? html`` : html`<p class="cited">Tested by ${tests.length === 0 ? 'no test' : tests.map((t, i) => html`${i > 0 ? ', ' : ''}<code>${t}</code>`)}.</p>`
  const vectors = model.citedBy.get(id) ?? []
  if (vectors.length === 0) return tests === undefined ? html`<p class="cited muted">No vector cites ${id}.</p>` : testedBy
  const ids = vectors.map((lv) => lv.vector.id)
  const shown = ids.slice(0, INLINE_VECTORS)
  return html`<details class="cited"><summary>${vectors.length === 1 ? '1 vector cites' : `${vectors.length} vectors cite`} ${id} <span class="summaries" title="verdict level: P PASS, XF XFAIL, S SKIP, F FAIL, E ERROR">${verdictSummary(model, ids)}</span></summary>
${vectorList(model, path, shown)}
<p>${ids.length > shown.length ? `${ids.length - shown.length} more: ` : ''}<a href="${href(path, `${BY_SPEC}#${id}`)}">all ${ids.length} with each implementation's outcome</a> · <a href="${href(path, PAGES.vectors)}?spec=${id}">in the vector browser</a></p>
</details>${testedBy}`
}
