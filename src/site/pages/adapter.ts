/** @module "Write an adapter": the protocol at a glance, then the walkthrough (src/site/content/write-an-adapter.md). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { html, raw } from '../html.js'
import { page } from '../layout.js'
import { renderMarkdown } from '../markdown.js'
import type { SiteModel } from '../model.js'
import { PAGES } from '../paths.js'
import { reasonCodeTargets } from './reasons.js'
import type { SitePage } from './types.js'

/** The walkthrough's Markdown, relative to the repository root. */
export const WALKTHROUGH = 'src/site/content/write-an-adapter.md'

export function adapterPage(model: SiteModel): SitePage {
  const path = PAGES.adapter
  const text = readFileSync(join(model.root, WALKTHROUGH), 'utf8')
  // Links in the walkthrough are written from the repository root.
  const rendered = renderMarkdown(text, { path, source: 'write-an-adapter.md', definitions: model.definitions, reasonCodes: reasonCodeTargets() })
  const body = html`<article class="spec">
<nav class="toc" aria-label="On this page"><h2 class="toc-title">On this page</h2><ul>${rendered.headings.filter((h) => h.level === 2).map((h) => html`<li><a href="#${h.id}">${h.text}</a></li>`)}</ul></nav>
${raw(rendered.html)}
</article>`
  return { path, content: page({ path, title: rendered.title, body, section: 'adapter' }) }
}
