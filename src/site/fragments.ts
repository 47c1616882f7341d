/** @module Small pieces several pages share: outcome badges, count cells, links to ids and vectors. */
import type { Summary, VectorResult } from '../generated/types.js'
import { OUTCOMES, type Outcome } from '../harness/judging/outcomes.js'
import { html, type Html } from './html.js'
import type { SiteModel } from './model.js'
import { href, implementationPage, vectorLink } from './paths.js'

const OUTCOME_TITLE: Record<Outcome, string> = {
  PASS: 'passes',
  FAIL: 'fails',
  XFAIL: 'fails, as its xfail file says',
  XPASS: 'passes although its xfail file says it fails',
  SKIP: 'operation not supported',
  ERROR: 'adapter error',
  HANG: 'no answer in time',
}

/** An outcome as a small labelled badge (the word is always there; colour is only a second cue). */
export function badge(outcome: Outcome): Html {
  return html`<span class="badge ${outcome.toLowerCase()}" title="${OUTCOME_TITLE[outcome]}">${outcome}</span>`
}

/** `29 PASS · 2 XFAIL`: the non-zero counts of a summary. */
export function countsCell(c: Summary | null, linkTo?: (outcome: Outcome) => string): Html {
  if (c === null) return html`<span class="muted">—</span>`
  const parts = OUTCOMES.filter((o) => c[o] > 0).map((o) =>
    linkTo === undefined ? html`<span class="count ${o.toLowerCase()}">${c[o]} ${o}</span>` : html`<a class="count ${o.toLowerCase()}" href="${linkTo(o)}">${c[o]} ${o}</a>`,
  )
  return parts.length === 0 ? html`<span class="muted">none</span>` : html`${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}`
}

const LETTER: Record<Outcome, string> = { PASS: 'P', FAIL: 'F', XFAIL: 'XF', XPASS: 'XP', SKIP: 'S', ERROR: 'E', HANG: 'H' }

/** `7P 5XF`, as in the CLI's matrix (the letters have titles). */
export function compactCounts(c: Summary): Html {
  return html`${OUTCOMES.filter((o) => c[o] > 0).map((o, i) => html`${i > 0 ? ' ' : ''}<abbr class="count ${o.toLowerCase()}" title="${o}">${c[o]}${LETTER[o]}</abbr>`)}`
}

/** Links to the definitions of spec ids. */
export function specLinks(model: SiteModel, from: string, ids: readonly string[]): Html {
  return html`${ids.map((id, i) => {
    const page = model.definitions.get(id)
    const sep = i > 0 ? ' ' : ''
    return page === undefined ? html`${sep}<span>${id}</span>` : html`${sep}<a class="sid" href="${href(from, `${page}#${id}`)}">${id}</a>`
  })}`
}

/** A link to a vector's permalink (inside a `.vids` list or `code`, which set the font). */
export function vectorAnchor(model: SiteModel, from: string, id: string): Html {
  const lv = model.vectorById.get(id)
  return lv === undefined ? html`${id}` : html`<a href="${href(from, vectorLink(lv.file, id))}">${id}</a>`
}

/** Vector links as a compact list. */
export function vectorList(model: SiteModel, from: string, ids: readonly string[]): Html {
  return html`<ul class="vids">${ids.map((id) => html`<li>${vectorAnchor(model, from, id)}</li>`)}</ul>`
}

/** Vector links in running text, comma-separated. */
export function vectorRun(model: SiteModel, from: string, ids: readonly string[]): Html {
  return html`<span class="vids">${ids.map((id, i) => html`${i > 0 ? ', ' : ''}${vectorAnchor(model, from, id)}`)}</span>`
}

/** Per implementation, how it does on one vector at both levels (empty when there are no reports). */
export function implementationCells(model: SiteModel, id: string): Html {
  return html`${model.implementations.map((impl) => {
    const r = model.results.get(id)?.get(impl.name)
    return html`<td class="impl">${r === undefined ? html`<span class="muted">—</span>` : levelBadges(r)}</td>`
  })}`
}

/** `PASS` when both levels agree, else `verdict PASS · reason XFAIL`. */
export function levelBadges(r: VectorResult): Html {
  return r.verdict === r.outcome ? badge(r.outcome) : html`<span class="levels">verdict ${badge(r.verdict)} reason ${badge(r.outcome)}</span>`
}

/** Header cells naming each implementation (linked to its page). */
export function implementationHeaders(model: SiteModel, from: string): Html {
  return html`${model.implementations.map((impl) => html`<th scope="col" class="impl"><a href="${href(from, implementationPage(impl.name))}">${impl.name}</a></th>`)}`
}

/**
 * Per implementation, the verdict-level outcomes of a set of vectors, e.g. `pypitoken 7P 5XF` (P PASS,
 * XF XFAIL, S SKIP…); an implementation that skipped all of them is left out.
 */
export function verdictSummary(model: SiteModel, ids: readonly string[]): Html {
  const parts = model.implementations
    .filter((impl) => impl.results !== null)
    .flatMap((impl) => {
      const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
      for (const id of ids) {
        const r = model.results.get(id)?.get(impl.name)
        if (r !== undefined) counts[r.verdict]++
      }
      if (OUTCOMES.every((o) => o === 'SKIP' || counts[o] === 0)) return []
      return [`${impl.name} ${OUTCOMES.filter((o) => counts[o] > 0).map((o) => `${counts[o]}${LETTER[o]}`).join(' ')}`]
    })
  return html`${parts.join(' · ')}`
}

/** A source location in prose: `warehouse/macaroons/caveats/_legacy.py:60-61`, `_core.py:174`. */
const SOURCE = /[\w./-]+\.(?:py|go|toml):\d+(?:-\d+)?/g

/** How prose links source locations (to the implementation's pinned upstream); null leaves one unlinked. */
export type SourceLinker = (location: string) => string | null

function linkSources(text: string, link: SourceLinker | undefined): Html {
  if (link === undefined) return html`${text}`
  const out: Html[] = []
  let last = 0
  for (const m of text.matchAll(SOURCE)) {
    const target = link(m[0])
    if (target === null) continue
    out.push(html`${text.slice(last, m.index)}<a href="${target}">${m[0]}</a>`)
    last = m.index + m[0].length
  }
  return html`${out}${text.slice(last)}`
}

/**
 * Prose from the vectors, xfail files and reports: plain text whose `code` spans become code.
 * Nothing else is read as Markdown (a regex in brackets is not a link). With `link`, source
 * locations become links to the pinned upstream source.
 */
export function prose(text: string, link?: SourceLinker): Html {
  const parts = text.split(/(`[^`]+`)/)
  return html`${parts.map((part) => {
    if (!(part.length > 2 && part.startsWith('`') && part.endsWith('`'))) return linkSources(part, link)
    const code = part.slice(1, -1)
    const target = link !== undefined && new RegExp(`^${SOURCE.source}$`).test(code) ? link(code) : null
    return target === null ? html`<code>${code}</code>` : html`<a href="${target}"><code>${code}</code></a>`
  })}`
}

/** Pretty JSON in a code block. */
export function jsonBlock(value: unknown): Html {
  return html`<pre class="json"><code>${JSON.stringify(value, null, 2)}</code></pre>`
}
