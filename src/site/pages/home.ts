/** @module The site's front page: what is here and where to start. */
import { CAVEAT_MODULES } from '../../caveats/registry.js'
import { html } from '../html.js'
import { page } from '../layout.js'
import type { SiteModel } from '../model.js'
import { href, PAGES } from '../paths.js'
import { provenance } from '../provenance.js'
import type { SitePage } from './types.js'

export function homePage(model: SiteModel): SitePage {
  const path = PAGES.home
  const link = (to: string) => href(path, to)
  const reports = model.implementations.filter((i) => i.results !== null).map((i) => i.name)
  const body = html`<h1>PyPI API tokens: specification, vectors and conformance</h1>
<p>PyPI API tokens are <code>pypi-</code> followed by the base64url of a libmacaroons V2 macaroon whose caveats are JSON. This site is generated from the repository: the specification, with ${model.definitions.size} normative statements each at a stable anchor; ${model.vectors.length} conformance vectors in ${model.files.length} files; and how ${model.implementations.length} implementations do on them.</p>
<ul class="cards">
<li><a href="${link(PAGES.spec)}"><strong>Specification</strong></a>: one page per topic, every statement with the vectors that cite it. See also the <a href="${link(PAGES.decisions)}">decisions</a>, the <a href="${link(PAGES.reasons)}">reason codes</a> and the <a href="${link(PAGES.laws)}">laws</a>.</li>
<li><a href="${link(PAGES.caveats)}"><strong>Caveats</strong></a>: ${CAVEAT_MODULES.length} formats, each with its fields, schema, examples, vectors and results.</li>
<li><a href="${link(PAGES.vectors)}"><strong>Vector browser</strong></a>: every vector, filterable by file, flag, expected result, operation, spec id and text.</li>
<li><a href="${link(PAGES.conformance)}"><strong>Conformance</strong></a>: the matrix, and a page per implementation with its results, xfails by severity and confirmed defects${reports.length === 0 ? '' : ` (reports: ${reports.join(', ')})`}; beside it the <a href="${link(PAGES.interop)}">interop matrix</a>.</li>
<li><a href="${link(PAGES.inspector)}"><strong>Token inspector</strong></a>: paste a token to see its parts and caveats explained, narrow it, or verify it with a test key. Offline: nothing leaves the page.</li>
<li><a href="${link(PAGES.adapter)}"><strong>Write an adapter</strong></a>: the adapter protocol, and a walkthrough from nothing to a first conformance run.</li>
<li><a href="${link(PAGES.docs)}"><strong>Docs</strong></a>: the maintainers' pages (${model.docs.length === 0 ? 'none yet' : model.docs.length}).</li>
</ul>
<h2 id="provenance-heading">Where the numbers come from</h2>
${provenance(model)}`
  return { path, content: page({ path, title: 'Home', body, section: null }) }
}
