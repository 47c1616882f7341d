/**
 * @module Where the numbers come from, said on the home page and the matrix: when each report was
 * written, the suite's version and commit, and each implementation's version (linked to its
 * upstream at that version); and, when there are no reports at all, one sentence saying so.
 */
import { html, type Html } from './html.js'
import { NO_REPORT, type SiteModel } from './model.js'
import { upstreamTree } from './upstream.js'

/** A commit hash shortened as git does; release versions as they are. */
export const shortVersion = (v: string) => (/^[0-9a-f]{40}$/.test(v) ? v.slice(0, 12) : v)

/** True when no implementation has a report: pages say so once instead of filling tables with dashes. */
export const noReports = (model: SiteModel) => model.implementations.every((i) => i.results === null)

export function provenance(model: SiteModel): Html {
  const { version, commit } = model.suite
  const suite = html`Suite ${version}${commit === null ? ' (not built from a git checkout)' : html`, commit <code title="${commit}">${shortVersion(commit)}</code>`}.`
  if (noReports(model)) return html`<p class="provenance note" id="provenance">${suite} ${NO_REPORT}</p>`
  const dates = model.implementations.flatMap((i) => (i.reportDate === null ? [] : [i.reportDate])).sort()
  const span = dates[0] === dates.at(-1) ? `on ${dates[0]}` : `between ${dates[0]} and ${dates.at(-1)}`
  const suites = [...new Set(model.implementations.flatMap((i) => (i.results === null ? [] : [i.results.suite_version])))]
  return html`<div class="provenance note" id="provenance"><p>${suite} Reports written ${span}, against suite ${suites.join(', ')}.</p>
<ul>${model.implementations.map((i) => {
  if (i.results === null) return html`<li>${i.name}: no report</li>`
  const v = i.results.implementation.version
  const tree = upstreamTree(i.name, v)
  return html`<li>${i.name}: ${i.results.implementation.name} ${tree === null ? html`<span title="${v}">${shortVersion(v)}</span>` : html`<a href="${tree}" title="${v}">${shortVersion(v)}</a>`}, run ${i.reportDate}</li>`
})}</ul></div>`
}
