/**
 * @module How a reader moves through the spec: the reading order (spec/index.md first, then the
 * files its "Contents" table lists, each caveat page after spec/caveats/index.md in the order that
 * page lists them, then any other file), a sidebar listing every spec page, and previous/next links.
 */
import { posix } from 'node:path'
import { html, type Html } from './html.js'
import type { SpecFile } from './model.js'
import { href } from './paths.js'

/** The `.md` links of a Markdown text, resolved against its repository path, in order. */
function mdLinks(text: string, source: string): string[] {
  return [...text.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)].map((m) => posix.normalize(posix.join(posix.dirname(source), m[1] as string)))
}

/** The spec files in reading order. */
export function readingOrder(files: readonly SpecFile[]): SpecFile[] {
  const bySource = new Map(files.map((f) => [f.source, f]))
  const order: string[] = []
  const add = (source: string) => {
    if (bySource.has(source) && !order.includes(source)) order.push(source)
  }
  add('spec/index.md')
  const index = bySource.get('spec/index.md')?.text ?? ''
  const contents = /^## Contents$([\s\S]*?)(?=^## )/m.exec(index)?.[1] ?? index
  for (const source of mdLinks(contents, 'spec/index.md')) {
    add(source)
    const sub = bySource.get(source)
    if (sub !== undefined && source.endsWith('/index.md')) for (const s of mdLinks(sub.text, source)) if (posix.dirname(s) === posix.dirname(source)) add(s)
  }
  for (const f of files) add(f.source)
  return order.map((s) => bySource.get(s) as SpecFile)
}

/** A spec file's title: its first `# ` heading, without Markdown code marks. */
export const specTitle = (f: SpecFile) => (/^# (.+)$/m.exec(f.text)?.[1] ?? f.source).replace(/`/g, '')

/** The sidebar of spec pages, the current one marked. */
export function specSidebar(order: readonly SpecFile[], current: string): Html {
  const item = (f: SpecFile) => html`<li><a href="${href(current, f.page)}"${f.page === current ? html` aria-current="page"` : ''}>${specTitle(f)}</a></li>`
  // The caveat pages are listed on the caveat pages; elsewhere their index stands for them (it is in the list).
  const inCaveats = current.startsWith('spec/caveats/')
  const top = order.filter((f) => !f.source.startsWith('spec/caveats/') || f.source === 'spec/caveats/index.md')
  const caveats = order.filter((f) => f.source.startsWith('spec/caveats/') && f.source !== 'spec/caveats/index.md')
  return html`<nav class="sidebar" aria-label="Specification pages"><h2>Specification</h2><ul>${top.map(item)}</ul>${inCaveats && caveats.length > 0 ? html`<h2>Caveats</h2><ul>${caveats.map(item)}</ul>` : ''}</nav>`
}

/** Previous and next in reading order. */
export function pager(order: readonly SpecFile[], current: string): Html {
  const i = order.findIndex((f) => f.page === current)
  const prev = i > 0 ? order[i - 1] : undefined
  const next = i >= 0 && i < order.length - 1 ? order[i + 1] : undefined
  return html`<nav class="pager" aria-label="Previous and next spec page">${prev === undefined ? html`<span></span>` : html`<a rel="prev" href="${href(current, prev.page)}">← ${specTitle(prev)}</a>`}${next === undefined ? '' : html`<a rel="next" href="${href(current, next.page)}">${specTitle(next)} →</a>`}</nav>`
}
