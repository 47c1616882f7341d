import { describe, expect, it } from 'vitest'
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
