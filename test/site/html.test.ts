import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vectorLinks } from '../../src/site/build.js'
import { wrapTables } from '../../src/site/layout.js'
import { docPages, renderDoc } from '../../src/site/pages/docs.js'
import { pager, readingOrder, specTitle } from '../../src/site/spec-nav.js'
import { upstreamLink } from '../../src/site/upstream.js'
import { prose } from '../../src/site/fragments.js'
import { escapeHtml, html, raw, toString } from '../../src/site/html.js'
import { href } from '../../src/site/paths.js'
import { renderMarkdown, slug } from '../../src/site/markdown.js'

describe('html', () => {
  it('escapes every interpolated string, keeps Html as it is, and drops null, undefined and false', () => {
    const text = `<script>alert("x")</script> & 'y'`
    expect(toString(html`<p title="${text}">${text}${raw('<b>ok</b>')}${null}${undefined}${false}${[1, 'a<']}</p>`)).toBe(
      `<p title="${escapeHtml(text)}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;<b>ok</b>1a&lt;</p>`,
    )
  })
})

describe('prose', () => {
  it('turns `code` spans into code and reads nothing else as markup', () => {
    expect(toString(prose('json.loads reads `1.0` as <float> ([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])'))).toBe(
      'json.loads reads <code>1.0</code> as &lt;float&gt; ([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])',
    )
    expect(toString(prose('an unpaired ` stays'))).toBe('an unpaired ` stays')
  })
})

describe('links and anchors', () => {
  it('links relatively between pages, so the site works from file://', () => {
    expect(href('spec/caveats/expiration.html', 'vectors/caveats/expiration.html#expiration::inside-window')).toBe('../../vectors/caveats/expiration.html#expiration::inside-window')
    expect(href('spec/verification.html', 'spec/verification.html#VERIFY-4')).toBe('verification.html#VERIFY-4')
    expect(href('index.html', 'inspector.html')).toBe('inspector.html')
  })

  it('keeps the text of a link to a repository file the site does not publish, without the link', () => {
    const ctx = { path: 'spec/vector-format.html', source: 'spec/vector-format.md', definitions: new Map(), reasonCodes: new Map() }
    const { html: out } = renderMarkdown('See [`examples/go/`](../examples/go/), [the context](verification.md#context) and [results](../schemas/results.schema.json).', ctx)
    expect(out).toContain('See <code>examples/go/</code>, <a href="verification.html#context">the context</a> and <a href="../schemas/results.schema.json">results</a>.')
  })

  it("makes GitHub's heading anchors, which the spec's links use", () => {
    expect(slug('D11. Tag typing')).toBe('d11-tag-typing')
    expect(slug('Conformance levels')).toBe('conformance-levels')
    expect(slug('`expiration` — tag 0')).toBe('expiration--tag-0')
  })
})

describe('the generic docs renderer (docs/*.md)', () => {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', 'bench.md'), 'utf8')
  const doc = { source: 'docs/bench.md', page: 'docs/bench.html', text }
  const { title, content } = renderDoc({ definitions: new Map([['VERIFY-4', 'spec/verification.html']]) }, doc)

  it('renders a docs page with its title, a table in a focusable scroll region, and links rewritten', () => {
    expect(title).toBe('Benchmarks')
    expect(content).toContain('<title>Benchmarks · pypi-token-spec</title>')
    expect(content).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="table: case"><table>/)
    expect(content).toContain('<code>verify_many_caveats</code>')
    expect(content).toContain('<a href="../spec/verification.html#VERIFY-4">the verification spec</a>')
    expect(content).toContain('<a href="mutation.html">mutation scores</a>')
    expect(content).toContain('and\nan adapter.')
    expect(content).toContain('<a href="../spec/verification.html#VERIFY-4" class="sid">VERIFY-4</a>')
    expect(content).toContain('<nav class="toc"')
  })

  it('lists every docs file on the docs index, and says so when there is none', () => {
    const pages = docPages({ docs: [doc], definitions: new Map() })
    expect(pages.map((p) => p.path)).toEqual(['docs/index.html', 'docs/bench.html'])
    expect(pages[0]!.content).toContain('<a href="bench.html">Benchmarks</a>')
    expect(docPages({ docs: [], definitions: new Map() })[0]!.content).toContain('No Markdown files in docs/ yet.')
  })
})

describe('tables', () => {
  it('puts every table in one focusable, named scroll region, replacing an older wrapper', () => {
    const out = wrapTables('<div class="table-scroll"><table class="vectors"><caption>Results <code>x</code></caption><tr><td>1</td></tr></table></div><p>then</p><table><tr><th>a</th></tr></table>')
    expect(out).toBe('<div class="table-scroll tall" tabindex="0" role="region" aria-label="table: Results x"><table class="vectors"><caption>Results <code>x</code></caption><tr><td>1</td></tr></table></div><p>then</p><div class="table-scroll" tabindex="0" role="region" aria-label="table: a"><table><tr><th>a</th></tr></table></div>')
  })
})

describe('upstream source links', () => {
  it('link a location to the file and lines at the tested version, and nothing they cannot place', () => {
    expect(upstreamLink('pypitoken', '7.1.1', 'pypitoken/token.py:314-317')).toBe('https://github.com/ewjoachim/pypitoken/blob/7.1.1/pypitoken/token.py#L314-L317')
    expect(upstreamLink('pypitoken', '7.1.1', 'pymacaroons/verifier.py:80')).toBe('https://github.com/ecordell/pymacaroons/blob/v0.13.0/pymacaroons/verifier.py#L80')
    const commit = '6b62157124ab7865029afeeadf282bce27d601d9'
    expect(upstreamLink('warehouse', commit, '_core.py:174')).toBe(`https://github.com/pypi/warehouse/blob/${commit}/warehouse/macaroons/caveats/_core.py#L174`)
    expect(upstreamLink('warehouse', commit, 'somewhere/else.py:1')).toBeNull()
    expect(upstreamLink('reference', '0.2.0', 'src/verify.ts:1')).toBeNull()
    expect(upstreamLink('pypitoken', null, 'pypitoken/token.py:1')).toBeNull()
    expect(toString(prose('see (`_core.py:174`) and _legacy.py:60-61.', (l) => upstreamLink('warehouse', commit, l)))).toBe(
      `see (<a href="https://github.com/pypi/warehouse/blob/${commit}/warehouse/macaroons/caveats/_core.py#L174"><code>_core.py:174</code></a>) and <a href="https://github.com/pypi/warehouse/blob/${commit}/warehouse/macaroons/caveats/_legacy.py#L60-L61">_legacy.py:60-61</a>.`,
    )
  })
})

describe('spec reading order', () => {
  it("follows the index's contents, each caveat page after the caveats index, then the rest", () => {
    const file = (source: string, text: string) => ({ source, page: source.replace('.md', '.html'), text })
    const files = [
      file('spec/a.md', '# A'),
      file('spec/caveats/index.md', '# Caveats\n[y](y.md) [x](x.md) [up](../a.md)'),
      file('spec/caveats/x.md', '# X'),
      file('spec/caveats/y.md', '# Y'),
      file('spec/index.md', '# Spec\nintro [a](a.md)\n## Contents\n[t](token.md) [c](caveats/index.md) [t](token.md)\n## More\n[a](a.md)'),
      file('spec/token.md', '# `Token`'),
    ]
    const order = readingOrder(files)
    expect(order.map((f) => f.source)).toEqual(['spec/index.md', 'spec/token.md', 'spec/caveats/index.md', 'spec/caveats/y.md', 'spec/caveats/x.md', 'spec/a.md'])
    expect(specTitle(order[1]!)).toBe('Token')
    expect(toString(pager(order, 'spec/caveats/index.html'))).toBe('<nav class="pager" aria-label="Previous and next spec page"><a rel="prev" href="../token.html">← Token</a><a rel="next" href="y.html">Y →</a></nav>')
  })
})

describe('the size budget', () => {
  it('counts links into the vector data, permalinks and filtered vector lists alike, and nothing else', () => {
    const permalink = '<a href="../vectors/caveats/expiration.html#expiration::inside-window">expiration::inside-window</a>'
    const filtered = '<a class="count xfail" href="../vectors/index.html?file=caveats/expiration.json&amp;impl=pypitoken&amp;verdict=XFAIL">6 XFAIL</a>'
    expect(vectorLinks(`${permalink} ${filtered} <a href="../vectors/index.html">Vectors</a> <a href="../spec/index.html?x=1">spec</a>`)).toBe(Buffer.byteLength(permalink) + Buffer.byteLength(filtered))
  })
})
