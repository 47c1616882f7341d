/** @module Decisions on the site: the flags each decision gave its vectors, and which decisions concern a caveat. */
import { html, type Html } from '../html.js'
import type { SiteModel } from '../model.js'
import { href, PAGES, vectorFilePage } from '../paths.js'

export interface DecisionFlag {
  readonly flag: string
  readonly description: string
  readonly effect: string | null
  readonly vectors: readonly string[]
  /** The vector files whose notes define the flag. */
  readonly files: readonly string[]
}

/** Decision anchor (`d20-time`) → the flags whose notes name it, with the vectors carrying each. */
export function flagsByDecision(model: SiteModel): Map<string, DecisionFlag[]> {
  const byFlag = new Map<string, { decision: string; description: string; effect: string | null; vectors: string[]; files: string[] }>()
  for (const { file, data } of model.files) {
    for (const [flag, note] of Object.entries(data.notes)) {
      const decision = /decisions\.md#([a-z0-9-]+)/.exec(note.decision ?? '')?.[1]
      if (decision === undefined) continue
      const entry = byFlag.get(flag) ?? { decision, description: note.description, effect: note.effect ?? null, vectors: [], files: [] }
      byFlag.set(flag, entry)
      const carrying = data.vectors.filter((v) => v.flags.includes(flag))
      entry.vectors.push(...carrying.map((v) => v.id))
      if (carrying.length > 0) entry.files.push(file)
    }
  }
  const out = new Map<string, DecisionFlag[]>()
  for (const [flag, e] of [...byFlag].sort(([a], [b]) => a.localeCompare(b))) {
    ;(out.get(e.decision) ?? out.set(e.decision, []).get(e.decision)!).push({ flag, description: e.description, effect: e.effect, vectors: e.vectors, files: e.files })
  }
  return out
}

/** Under a decision: its flags, what each means, and where the vectors carrying it are. */
export function decisionBlock(path: string, flags: readonly DecisionFlag[]): Html {
  if (flags.length === 0) return html``
  return html`<div class="decision-flags"><p class="cited">Flags of this decision, in the vectors:</p><ul>${flags.map(
    (f) => html`<li><code>${f.flag}</code>: ${f.vectors.length} vector${f.vectors.length === 1 ? '' : 's'} in ${f.files.map((file, i) => html`${i > 0 ? ', ' : ''}<a href="${href(path, vectorFilePage(file))}#flag-${f.flag}">${file}</a>`)} (<a href="${href(path, PAGES.vectors)}?flag=${f.flag}">filter</a>)</li>`,
  )}</ul></div>`
}

/** The decisions that concern a caveat: those its spec page links to, and those its vectors' flags belong to. */
export function decisionsOf(model: SiteModel, slug: string): string[] {
  const spec = model.specFiles.find((f) => f.source === `spec/caveats/${slug}.md`)
  const linked = [...(spec?.text ?? '').matchAll(/decisions\.md#([a-z0-9-]+)/g)].map((m) => m[1] as string)
  const file = model.files.find((f) => f.file === `caveats/${slug}.json`)
  const flagged = Object.entries(file?.data.notes ?? {})
    .filter(([flag]) => file?.data.vectors.some((v) => v.flags.includes(flag)))
    .map(([, note]) => /decisions\.md#([a-z0-9-]+)/.exec(note.decision ?? '')?.[1])
    .filter((d): d is string => d !== undefined)
  const order = (d: string) => Number(/^d(\d+)/.exec(d)?.[1] ?? 999)
  return [...new Set([...linked, ...flagged])].sort((a, b) => order(a) - order(b))
}
