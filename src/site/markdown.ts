/**
 * @module Markdown → HTML for the spec pages (markdown-it), with what a reader of the spec needs:
 * a stable anchor on every normative statement (`…/verification.html#VERIFY-4`), GitHub-style
 * heading anchors (`decisions.html#d11-tag-typing`), links between spec files rewritten to
 * pages, mentions of an id or a reason code linked to where it is defined, and after each
 * statement the block the caller supplies (the vectors that cite it).
 */
import { posix } from 'node:path'
import MarkdownIt, { type StateCore, type Token } from 'markdown-it'
import { docPage, href, specPage, vectorFilePage } from './paths.js'

/** What one rendering needs to know about the rest of the site. */
export interface MarkdownContext {
  /** The site path of the page being rendered, e.g. `spec/verification.html`. */
  readonly path: string
  /** The repository path of the Markdown file, e.g. `spec/verification.md` (for relative links). */
  readonly source: string
  /** Normative id → site path of the page defining it. */
  readonly definitions: ReadonlyMap<string, string>
  /** Reason code → site path#anchor of its row. */
  readonly reasonCodes: ReadonlyMap<string, string>
  /** HTML inserted after the statement that defines `id` (e.g. the vectors citing it). */
  readonly afterDefinition?: (id: string) => string
  /** HTML inserted at the end of the section under the heading with anchor `id`. */
  readonly afterSection?: (id: string) => string
}

export interface Heading {
  readonly level: number
  readonly text: string
  readonly id: string
}

export interface RenderedMarkdown {
  readonly html: string
  readonly title: string
  readonly headings: readonly Heading[]
  /** The ids this file defines, in order. */
  readonly defines: readonly string[]
}

/** A normative id where it is defined: `**TOKEN-4.**` or `**LAW-1 (attenuation is monotone).**`. */
export const DEFINITION = /^([A-Z]+-\d+)\b/
const MENTION = /\b([A-Z]+-\d+)\b/g

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 _-]/g, '').trim().replace(/ /g, '-')
}

interface Env {
  [key: string | symbol]: unknown
  ctx: MarkdownContext
  headings: Heading[]
  defines: string[]
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false })
md.core.ruler.push('pypi_token_spec', (state: StateCore) => {
  const env = state.env as unknown as Env
  anchorHeadings(state.tokens, env)
  appendToSections(state, env)
  anchorDefinitions(state, env)
  anchorReasonRows(state.tokens, env)
  for (const token of state.tokens) if (token.type === 'inline' && token.children !== null) token.children = linkInline(state, token.children, env)
})

/** Renders one Markdown file of the spec. */
export function renderMarkdown(text: string, ctx: MarkdownContext): RenderedMarkdown {
  const env: Env = { ctx, headings: [], defines: [] }
  const out = md.render(text, env)
  const title = env.headings.find((h) => h.level === 1)?.text ?? posix.basename(ctx.source)
  return { html: out, title, headings: env.headings, defines: env.defines }
}

/** The children without the empty text tokens markdown-it puts before a leading `**`. */
const leading = (children: Token[]) => children.filter((c, i) => !(c.type === 'text' && c.content === '' && i === 0))

/** Plain text of an inline token (code spans included, markup dropped). */
const textOf = (inline: Token) => (inline.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('')

function anchorHeadings(tokens: Token[], env: Env): void {
  const used = new Map<string, number>()
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return
    const text = textOf(tokens[i + 1] as Token)
    const base = slug(text)
    const n = used.get(base) ?? 0
    used.set(base, n + 1)
    const id = n === 0 ? base : `${base}-${n}`
    token.attrSet('id', id)
    env.headings.push({ level: Number(token.tag.slice(1)), text, id })
  })
}

/** Inserts the caller's block at the end of each section: before the next heading of the same or a higher level. */
function appendToSections(state: StateCore, env: Env): void {
  const hook = env.ctx.afterSection
  if (hook === undefined) return
  const tokens = state.tokens
  const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [{ i, level: Number(t.tag.slice(1)), id: String(t.attrGet('id') ?? '') }] : []))
  // From the last heading backwards, so earlier insertion points stay valid.
  for (let h = headings.length - 1; h >= 0; h--) {
    const { level, id } = headings[h]!
    const block = hook(id)
    if (block === '') continue
    const next = headings.slice(h + 1).find((x) => x.level <= level)
    const html = new state.Token('html_block', '', 0)
    html.content = `${block}\n`
    tokens.splice(next === undefined ? tokens.length : next.i, 0, html)
  }
}

/** Finds `**ID…**` at the start of a paragraph, anchors its list item (or paragraph), and inserts the caller's block after it. */
function anchorDefinitions(state: StateCore, env: Env): void {
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i] as Token
    if (inline.type !== 'inline' || inline.children === null) continue
    const [open, text] = leading(inline.children)
    if (open?.type !== 'strong_open' || text?.type !== 'text') continue
    const m = DEFINITION.exec(text.content)
    if (m === null) continue
    const id = m[1] as string
    if (env.defines.includes(id)) continue
    env.defines.push(id)
    // The id itself links to its statement, so a reader can copy the permalink from it.
    const self = linkOpen(state, `#${id}`)
    self.attrSet('class', 'sid')
    const rest = textToken(state, text.content.slice(id.length))
    text.content = id
    inline.children.splice(inline.children.indexOf(text), 1, self, text, new state.Token('link_close', 'a', -1), rest)
    const item = tokens[i - 2]?.type === 'list_item_open' ? (tokens[i - 2] as Token) : (tokens[i - 1] as Token)
    item.attrSet('id', id)
    item.attrJoin('class', 'statement')
    const block = env.ctx.afterDefinition?.(id)
    if (block === undefined || block === '') continue
    // After the statement: before its list item's close, or after its paragraph.
    let at = i + 1
    if (item.type === 'list_item_open') {
      while (at < tokens.length && !((tokens[at] as Token).type === 'list_item_close' && (tokens[at] as Token).level === item.level)) at++
    } else {
      at = i + 2
    }
    const html = new state.Token('html_block', '', 0)
    html.content = `${block}\n`
    tokens.splice(at, 0, html)
  }
}

/** On the page whose table lists the reason codes, each code's row gets the code as its id. */
function anchorReasonRows(tokens: Token[], env: Env): void {
  tokens.forEach((token, i) => {
    if (token.type !== 'tr_open') return
    const cell = tokens[i + 2] as Token | undefined
    const only = cell?.type === 'inline' && cell.children?.length === 1 ? cell.children[0] : undefined
    if (only?.type !== 'code_inline') return
    const target = env.ctx.reasonCodes.get(only.content)
    if (target !== undefined && target.split('#')[0] === env.ctx.path) token.attrSet('id', only.content)
  })
}

/** Rewrites links to other repository files into site links, and links mentions of ids and reason codes. */
function linkInline(state: StateCore, children: Token[], env: Env): Token[] {
  const out: Token[] = []
  let inLink = 0
  /** For each open link, whether it was dropped (its target is not on the site). */
  const dropped: boolean[] = []
  let strongAtStart = false
  const first = leading(children)[0]
  children.forEach((token) => {
    if (token.type === 'link_open') {
      inLink++
      const target = token.attrGet('href')
      const rewritten = target === null ? null : rewriteLink(String(target), env.ctx)
      dropped.push(target !== null && rewritten === null)
      if (rewritten !== null) token.attrSet('href', rewritten)
      if (dropped.at(-1) === true) return
    }
    if (token.type === 'link_close') {
      inLink--
      if (dropped.pop() === true) return
    }
    if (token === first && token.type === 'strong_open') strongAtStart = true
    if (token.type === 'strong_close') strongAtStart = false
    const inDefinition = strongAtStart && DEFINITION.test(token.content)
    if (token.type === 'text' && inLink === 0 && !inDefinition) {
      out.push(...linkMentions(state, token, env))
      return
    }
    if (token.type === 'code_inline' && inLink === 0) {
      const target = env.ctx.reasonCodes.get(token.content)
      if (target !== undefined && target !== `${env.ctx.path}#${token.content}`) {
        out.push(linkOpen(state, href(env.ctx.path, target)), token, new state.Token('link_close', 'a', -1))
        return
      }
    }
    out.push(token)
  })
  return out
}

function linkOpen(state: StateCore, target: string): Token {
  const open = new state.Token('link_open', 'a', 1)
  open.attrSet('href', target)
  return open
}

/** Splits a text token around every defined id it mentions, linking each to its definition. */
function linkMentions(state: StateCore, token: Token, env: Env): Token[] {
  const out: Token[] = []
  let last = 0
  for (const m of token.content.matchAll(MENTION)) {
    const id = m[1] as string
    const page = env.ctx.definitions.get(id)
    if (page === undefined) continue
    const start = m.index
    if (start > last) out.push(textToken(state, token.content.slice(last, start)))
    const open = linkOpen(state, href(env.ctx.path, `${page}#${id}`))
    open.attrSet('class', 'sid')
    out.push(open, textToken(state, id), new state.Token('link_close', 'a', -1))
    last = start + id.length
  }
  if (last === 0) return [token]
  if (last < token.content.length) out.push(textToken(state, token.content.slice(last)))
  return out
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0)
  t.content = content
  return t
}

/** The repository folders the site publishes; a link to anything else has no page to go to. */
const PUBLISHED = ['spec/', 'schemas/', 'vectors/', 'docs/']

/**
 * A link in a spec file, relative to that file in the repository, as a link on the site:
 * `.md` files become their pages, vector files their vector pages; schemas are copied as they
 * are; links elsewhere are left alone. A link to a repository file the site does not publish
 * (an example folder, an adapter) is null: the text stays, without a link that would break.
 */
export function rewriteLink(target: string, ctx: MarkdownContext): string | null {
  if (/^[a-z]+:/i.test(target) || target.startsWith('#')) return target
  const [path, fragment] = target.split('#', 2) as [string, string | undefined]
  const repoPath = posix.normalize(posix.join(posix.dirname(ctx.source), path))
  if (path !== '' && !PUBLISHED.some((dir) => repoPath.startsWith(dir))) return null
  let sitePath = repoPath
  if (repoPath.endsWith('.md')) sitePath = repoPath.startsWith('docs/') ? docPage(repoPath) : specPage(repoPath)
  else if (repoPath.startsWith('vectors/') && repoPath.endsWith('.json')) sitePath = vectorFilePage(repoPath.slice('vectors/'.length))
  return href(ctx.path, fragment === undefined ? sitePath : `${sitePath}#${fragment}`)
}
