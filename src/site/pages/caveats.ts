/**
 * @module One page per caveat: its fields as a table generated from the schema, the JSON Schema
 * itself, wire examples explained by the library's `inspect`, the decisions that concern it, its
 * vectors, and how each implementation does on them; and an index of the caveats.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { caveatSchemas } from '../../generated/schemas.js'
import type { CaveatSlug } from '../../generated/types.js'
import { CAVEAT_MODULES } from '../../caveats/registry.js'
import { inspect } from '../../inspect.js'
import { countsCell, jsonBlock, prose, specLinks, vectorAnchor } from '../fragments.js'
import { html, type Html } from '../html.js'
import { page } from '../layout.js'
import { slug as headingSlug } from '../markdown.js'
import { NO_REPORT, type SiteModel } from '../model.js'
import { noReports } from '../provenance.js'
import { browserQuery, levelParam } from './matrix.js'
import { caveatPage, href, implementationPage, PAGES, specPage, vectorFilePage } from '../paths.js'
import { schemaRows } from '../schema-table.js'
import { countsByFile, LEVELS } from '../../harness/reports/summary.js'
import { callersPart, groupXfails, type XfailGroup } from '../xfails.js'
import { decisionsOf } from './decisions.js'
import type { SitePage } from './types.js'

/** The built-in caveats, whose slugs are the generated `CaveatSlug`s (a proposal's caveat has no page until admitted). */
const BUILT_IN = CAVEAT_MODULES.map((m) => ({ slug: m.slug as CaveatSlug, tag: m.tag }))

export function caveatPages(model: SiteModel): SitePage[] {
  return [indexPage(model), ...BUILT_IN.map((m) => caveatPageOf(model, m.slug, m.tag)), ...BUILT_IN.map((m) => moduleSourcePage(model, m.slug))]
}

/** The page showing a caveat's module, the reference implementation of its spec page. */
export const modulePage = (slug: string) => `caveats/${slug}.ts.html`

function moduleSourcePage(model: SiteModel, slug: CaveatSlug): SitePage {
  const path = modulePage(slug)
  const source = `src/caveats/${slug}.ts`
  const text = readFileSync(join(model.root, source), 'utf8')
  const body = html`<h1><code>${source}</code></h1>
<p>The reference implementation of the <a href="${href(path, caveatPage(slug))}">${slug} caveat</a> (<a href="${href(path, specPage(`spec/caveats/${slug}.md`))}">spec/caveats/${slug}.md</a>), as built into this site. Its comments cite the spec ids it implements.</p>
<pre class="source"><code>${text}</code></pre>`
  return { path, content: page({ path, title: `${source}`, body, section: 'caveats' }) }
}

const schemaOf = (slug: CaveatSlug) => caveatSchemas[slug] as { title: string; description: string }

function indexPage(model: SiteModel): SitePage {
  const path = PAGES.caveats
  const rows = BUILT_IN.map((m) => {
    const file = model.files.find((f) => f.file === `caveats/${m.slug}.json`)
    return html`<tr><th scope="row"><a href="${href(path, caveatPage(m.slug))}"><code>${m.slug}</code></a></th><td>${m.tag === null ? 'legacy object' : m.tag}</td><td>${schemaOf(m.slug).description}</td><td>${file?.data.number_of_vectors ?? 0}</td></tr>`
  })
  const body = html`<h1>Caveats</h1>
<p>Each caveat has one name (slug) in every layer: schema, spec page, module, vector file. How a verifier recognises which caveat a JSON text is: <a href="${href(path, 'spec/caveats/index.html')}">spec/caveats/index.md</a>.</p>
<table><thead><tr><th scope="col">caveat</th><th scope="col">tag</th><th scope="col">what it restricts</th><th scope="col">vectors</th></tr></thead><tbody>${rows}</tbody></table>`
  return { path, content: page({ path, title: 'Caveats', body, section: 'caveats' }) }
}

function caveatPageOf(model: SiteModel, slug: CaveatSlug, tag: number | null): SitePage {
  const path = caveatPage(slug)
  const schema = schemaOf(slug)
  const specFile = model.specFiles.find((f) => f.source === `spec/caveats/${slug}.md`)
  const file = model.files.find((f) => f.file === `caveats/${slug}.json`)
  const vectors = file?.data.vectors ?? []
  const ids = [...model.definitions].filter(([, p]) => p === specFile?.page).map(([id]) => id)
  const body = html`<article class="caveat">
<h1><code>${slug}</code> <small>${tag === null ? 'legacy JSON object' : `tag ${tag}`}</small></h1>
<p>${schema.description}</p>
<p>Specification: <a href="${href(path, specPage(`spec/caveats/${slug}.md`))}">spec/caveats/${slug}.md</a> (${specLinks(model, path, ids)}). Schema: <a href="${href(path, `schemas/caveats/${slug}.schema.json`)}">schemas/caveats/${slug}.schema.json</a>. Module: <a href="${href(path, modulePage(slug))}"><code>src/caveats/${slug}.ts</code></a>. Vectors: <a href="${href(path, vectorFilePage(`caveats/${slug}.json`))}">vectors/caveats/${slug}.json</a>.</p>
<nav class="toc" aria-label="On this page"><ul><li><a href="#fields">Fields</a></li><li><a href="#schema">JSON Schema</a></li><li><a href="#examples">Wire examples</a></li><li><a href="#decisions">Decisions</a></li><li><a href="#implementations">Implementations</a></li><li><a href="#vectors">Vectors</a></li></ul></nav>
${fieldsSection(slug)}
<section aria-labelledby="schema"><h2 id="schema">JSON Schema</h2><p><a href="${href(path, `schemas/caveats/${slug}.schema.json`)}">schemas/caveats/${slug}.schema.json</a>, normative for the caveat's shape (CAV-10).</p>${jsonBlock(caveatSchemas[slug])}</section>
${examplesSection(model, slug)}
${decisionsSection(model, path, slug)}
${implementationsSection(model, path, slug, new Set(vectors.map((v) => v.id)))}
<section aria-labelledby="vectors"><h2 id="vectors">Vectors</h2>
<p>${vectors.length} vectors in <a href="${href(path, vectorFilePage(`caveats/${slug}.json`))}">vectors/caveats/${slug}.json</a>, where each shows its inputs and every implementation's outcome; other files cite this caveat's ids too (<a href="${href(path, PAGES.vectors)}?q=${slug}">search the vector browser</a>).</p>
<ul class="vids">${vectors.map((v) => html`<li>${vectorAnchor(model, path, v.id)} <small>${v.expected.result}${'reason' in v.expected ? ` ${v.expected.reason}` : ''}</small></li>`)}</ul></section>
</article>`
  return { path, content: page({ path, title: `${slug} caveat`, body, section: 'caveats' }) }
}

function fieldsSection(slug: CaveatSlug): Html {
  const rows = schemaRows(caveatSchemas[slug])
  return html`<section aria-labelledby="fields"><h2 id="fields">Fields</h2>
<table><thead><tr><th scope="col">${rows[0]?.where.startsWith('[') ? 'position' : 'member'}</th><th scope="col">type</th><th scope="col">required</th><th scope="col">value</th><th scope="col">meaning</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row"><code>${r.where}</code></th><td>${r.type}</td><td>${r.required ? 'yes' : 'no'}</td><td>${r.constraint}</td><td>${r.meaning}</td></tr>`)}</tbody></table>
<p>Nothing else: ${rows[0]?.where.startsWith('[') ? 'no further elements' : 'no other members'} (CAV-6, CAV-8).</p></section>`
}

/** Distinct caveat texts of this format found in its vectors' tokens, each as `inspect` explains it. */
function examplesSection(model: SiteModel, slug: CaveatSlug): Html {
  const seen = new Map<string, { explanation: string; error: string | null }>()
  for (const lv of model.vectors) {
    if (lv.file !== `caveats/${slug}.json` || !('token' in lv.vector.input)) continue
    const info = inspect(lv.vector.input.token)
    if (!info.ok) continue
    for (const c of info.token.caveats) {
      if (c.slug !== slug || typeof c.raw !== 'string' || c.raw.length > 200 || seen.has(c.raw)) continue
      seen.set(c.raw, { explanation: c.explanation, error: c.error === null ? null : c.error.reason })
    }
  }
  const all = [...seen]
  const pick = [...all.filter(([, e]) => e.error === null).slice(0, 6), ...all.filter(([, e]) => e.error !== null).slice(0, 6)]
  return html`<section aria-labelledby="examples"><h2 id="examples">Wire examples</h2>
<p>Caveat texts from this caveat's vectors, as <code>pypi-token inspect</code> explains them (the same library code as the <a href="${href(`caveats/${slug}.html`, PAGES.inspector)}">token inspector</a>).</p>
<table><thead><tr><th scope="col">caveat bytes</th><th scope="col">what inspect says</th></tr></thead><tbody>
${pick.map(([text, e]) => html`<tr><td><code>${text}</code></td><td>${e.error === null ? '' : html`<strong>${e.error}</strong>: `}${e.explanation}</td></tr>`)}
</tbody></table></section>`
}

function decisionsSection(model: SiteModel, path: string, slug: CaveatSlug): Html {
  const decisions = model.specFiles.find((f) => f.source === 'spec/decisions.md')?.text ?? ''
  const titles = new Map([...decisions.matchAll(/^## (.+)$/gm)].map((m) => [headingSlug(m[1] as string), m[1] as string]))
  const anchors = decisionsOf(model, slug)
  return html`<section aria-labelledby="decisions"><h2 id="decisions">Decisions</h2>
${anchors.length === 0 ? html`<p>No decision concerns this caveat alone.</p>` : html`<ul>${anchors.map((a) => html`<li><a href="${href(path, `${PAGES.decisions}#${a}`)}">${titles.get(a) ?? a}</a></li>`)}</ul>`}</section>`
}

function implementationsSection(model: SiteModel, path: string, slug: CaveatSlug, ids: ReadonlySet<string>): Html {
  const fileName = `caveats/${slug}.json`
  return html`<section aria-labelledby="implementations"><h2 id="implementations">How each implementation does</h2>
${noReports(model) ? html`<p class="note">${NO_REPORT}</p>` : html`<table><thead><tr><th scope="col">implementation</th>${LEVELS.map((l) => html`<th scope="col">${l.name} level</th>`)}</tr></thead><tbody>
${model.implementations.map((impl) => html`<tr><th scope="row"><a href="${href(path, implementationPage(impl.name))}">${impl.name}</a></th>${impl.results === null ? html`<td colspan="2" class="muted">no report</td>` : LEVELS.map((l) => html`<td>${countsCell(countsByFile(impl.results!.results, l.of).get(fileName) ?? null, (o) => browserQuery(path, { file: fileName, impl: impl.name, [levelParam(l.name)]: o }))}</td>`)}</tr>`)}
</tbody></table>`}
${model.implementations.map((impl) => {
  const all = groupXfails(model, impl)
  // A macaroon library's caller's part (LIB-3) is not about this caveat; its own page lists it.
  const groups = groupXfails(model, impl, ids).filter((g) => !callersPart(g))
  if (groups.length === 0) return ''
  const anchor = (g: XfailGroup) => `${implementationPage(impl.name)}#xfail-${all.findIndex((x) => x.reason === g.reason && x.level === g.level && x.effect === g.effect && x.flag === g.flag && x.spec.join() === g.spec.join()) + 1}`
  return html`<h3>${impl.name}: known deviations</h3><ul class="deviations">${groups.map((g) => html`<li><strong>${g.level === 'verdict' ? 'Verdict' : 'Reason only'}</strong>, <a href="${href(path, anchor(g))}">${g.vectors.length} vector${g.vectors.length === 1 ? '' : 's'}</a>: ${prose(g.reason)} <em>Effect:</em> ${prose(g.effect)}</li>`)}</ul>`
})}
</section>`
}
