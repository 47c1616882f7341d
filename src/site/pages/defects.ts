/**
 * @module Defects written up for an implementation's upstream: each verdict-level xfail group that
 * the latest report confirms (its vectors are XFAIL at the verdict level), with what happens,
 * where in the implementation's source (file and line at the tested version), a minimal
 * reproduction (the group's smallest vector, the implementation's actual answer, and a command
 * that replays it), and the impact.
 */
import type { Vector, VectorResult } from '../../generated/types.js'
import { inspect } from '../../inspect.js'
import { jsonBlock, prose, specLinks, vectorAnchor, vectorRun } from '../fragments.js'
import { html, type Html } from '../html.js'
import type { Implementation, SiteModel } from '../model.js'
import { byClass, callersPart, classLabel, type XfailGroup } from '../xfails.js'
import { upstreamLink } from '../upstream.js'
import { pythonReproduction } from './reproduction.js'

/** The part of an effect before its first colon or full stop: "Widens access (audit W1)". */
export function effectLead(effect: string): string {
  const lead = effect.split(/[:.](\s|$)/)[0] ?? effect
  return lead.length > 90 ? `${lead.slice(0, 87)}…` : lead
}

/** The group's vector with the shortest input. */
function smallest(model: SiteModel, ids: readonly string[]): Vector | null {
  let best: Vector | null = null
  let size = Number.POSITIVE_INFINITY
  for (const id of ids) {
    const v = model.vectorById.get(id)?.vector
    if (v === undefined) continue
    const n = JSON.stringify(v.input).length
    if (n < size) [best, size] = [v, n]
  }
  return best
}

/** The verdict-level groups whose vectors the latest report shows XFAIL at the verdict level, most severe class first; never a caller's part (LIB-3). */
export function confirmedDefects(model: SiteModel, impl: Implementation, groups: readonly XfailGroup[]): XfailGroup[] {
  if (impl.results === null) return []
  return byClass(groups).filter((g) => g.level === 'verdict' && !callersPart(g) && g.vectors.some((id) => model.results.get(id)?.get(impl.name)?.verdict === 'XFAIL'))
}

/** The caveats inside the vector's token, as the library's inspect reads them (nothing when it does not parse). */
function caveatsOf(v: Vector): Html {
  if (!('token' in v.input)) return html``
  const info = inspect(v.input.token)
  if (!info.ok || info.token.caveats.length === 0) return html``
  return html`<p>The token's caveats, as <code>pypi-token inspect</code> reads them: ${info.token.caveats.map((c, i) => html`${i > 0 ? ', ' : ''}<code>${typeof c.raw === 'string' ? c.raw : `hex ${c.raw.hex}`}</code>`)}.</p>`
}

export function defectsSection(model: SiteModel, impl: Implementation, path: string, confirmed: readonly XfailGroup[], groups: readonly XfailGroup[] = []): Html {
  const results = impl.results
  const version = results?.implementation.version ?? 'the tested version'
  const callers = groups.filter((g) => g.level === 'verdict' && callersPart(g)).length
  return html`<section aria-labelledby="defects"><h2 id="defects">Confirmed defects</h2>
${results === null
  ? html`<p>No report, so nothing is confirmed here.</p>`
  : html`<p>${confirmed.length} verdict-level deviations that the latest run of ${impl.name} ${version} confirms (their vectors are XFAIL at the verdict level), each ready to report upstream. Source locations are at ${version}.${callers === 0 ? '' : html` ${callers} more ${callers === 1 ? 'is' : 'are'} the caller's part, not the library's (the caveat bytes and argument checks a tool writes, ${specLinks(model, path, ['LIB-3'])}): see every xfail.`}</p>`}
${confirmed.map((g, i) => defectArticle(model, impl, path, g, i + 1))}
</section>`
}

function defectArticle(model: SiteModel, impl: Implementation, path: string, g: XfailGroup, n: number): Html {
  const v = smallest(model, g.vectors)
  const actual: VectorResult | undefined = v === null ? undefined : model.results.get(v.id)?.get(impl.name)
  const python = v === null ? null : pythonReproduction(impl.name, v)
  const link = (location: string) => upstreamLink(impl.name, impl.results?.implementation.version ?? null, location)
  return html`<article class="defect" id="defect-${n}">
<h3>${n}. ${g.flag === null ? '' : html`<code>${g.flag}</code>: `}${prose(effectLead(g.effect))}</h3>
<dl class="facts">
<dt>What</dt><dd>${prose(g.reason, link)}</dd>
<dt>Where</dt><dd>${g.where.length === 0 ? html`<span class="muted">no source location recorded</span>` : g.where.map((w, i) => {
  const target = link(w)
  return html`${i > 0 ? ', ' : ''}${target === null ? html`<code>${w}</code>` : html`<a href="${target}"><code>${w}</code></a>`}`
})}</dd>
<dt>Class</dt><dd class="class-${g.class}">${classLabel(g.class)}</dd>
<dt>Impact</dt><dd>${prose(g.effect, link)}</dd>
<dt>Spec</dt><dd>${specLinks(model, path, g.spec)}</dd>
<dt>Vectors</dt><dd>${g.vectors.length}: ${vectorRun(model, path, g.vectors)}</dd>
</dl>
${v === null ? '' : html`<h4>Minimal reproduction: <code>${vectorAnchor(model, path, v.id)}</code></h4>
<p>${prose(v.description)}</p>
${caveatsOf(v)}
${python === null ? jsonBlock({ op: v.op, ...v.input }) : html`<p>In Python, with ${impl.name} alone:</p><pre><code>${python}</code></pre>`}
<p>The spec expects <code>${JSON.stringify(v.expected)}</code>; ${impl.name} answered <code>${actual?.actual === undefined ? 'nothing recorded' : JSON.stringify(actual.actual)}</code>.</p>
<p>Replay it through the adapter:</p>
<pre><code>${impl.name === 'warehouse' ? 'WAREHOUSE_SRC=<checkout> ' : ''}npx pypi-token conformance run --adapter "${impl.command}" --filter '${v.id}'</code></pre>`}
</article>`
}
