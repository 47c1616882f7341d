/**
 * @module The maintainers' pages: every Markdown file of docs/ (mutation scores, benchmarks,
 * findings…) rendered as it is, with the spec's reading aids (ids and reason codes linked, links
 * to other repository files rewritten), and an index of them. Nothing here knows which files
 * exist: a new docs/*.md appears on the next build.
 */
import { html, raw } from '../html.js'
import { page } from '../layout.js'
import { renderMarkdown } from '../markdown.js'
import type { DocFile, SiteModel } from '../model.js'
import { href, PAGES } from '../paths.js'
import { reasonCodeTargets } from './reasons.js'
import type { SitePage } from './types.js'

export function docPages(model: Pick<SiteModel, 'docs' | 'definitions'>): SitePage[] {
  const rendered = model.docs.map((doc) => ({ doc, out: renderDoc(model, doc) }))
  const path = PAGES.docs
  const body = html`<h1>Docs</h1>
<p>Maintainers' pages, generated from <code>docs/*.md</code>: the state of the project's own checks (mutation testing, benchmarks, findings) rather than what users of the tokens need.</p>
${rendered.length === 0 ? html`<p class="note" id="docs-empty">No Markdown files in docs/ yet.</p>` : html`<ul>${rendered.map(({ doc, out }) => html`<li><a href="${href(path, doc.page)}">${out.title}</a> <small><code>${doc.source}</code></small></li>`)}</ul>`}`
  return [{ path, content: page({ path, title: 'Docs', body, section: 'docs' }) }, ...rendered.map(({ doc, out }) => ({ path: doc.page, content: out.content }))]
}

/** One docs file as a page. */
export function renderDoc(model: Pick<SiteModel, 'definitions'>, doc: DocFile): { title: string; content: string } {
  const rendered = renderMarkdown(doc.text, { path: doc.page, source: doc.source, definitions: model.definitions, reasonCodes: reasonCodeTargets() })
  const sections = rendered.headings.filter((h) => h.level === 2)
  const body = html`<article class="spec">
${sections.length < 3 ? '' : html`<nav class="toc" aria-label="On this page"><h2 class="toc-title">On this page</h2><ul>${sections.map((h) => html`<li><a href="#${h.id}">${h.text}</a></li>`)}</ul></nav>`}
${raw(rendered.html)}
<p class="muted">Source: <code>${doc.source}</code>. <a href="${href(doc.page, PAGES.docs)}">All docs</a>.</p>
</article>`
  return { title: rendered.title, content: page({ path: doc.page, title: rendered.title, body, section: 'docs' }) }
}
