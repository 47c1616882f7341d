/**
 * @module Where each page of the site lives and how pages link to each other. Every link is
 * relative, so the site works from file:// as well as from a server.
 */
import { posix } from 'node:path'

/** The link from the page at `from` to the site path `to` (both relative to the site root, `/`-separated). */
export function href(from: string, to: string): string {
  const [path, fragment] = splitFragment(to)
  const rel = path === '' ? posix.basename(from) : posix.relative(posix.dirname(from), path)
  return `${rel === '' ? posix.basename(path) : rel}${fragment === null ? '' : `#${encodeURIComponent(fragment).replace(/%3A/gi, ':')}`}`
}

function splitFragment(to: string): [string, string | null] {
  const i = to.indexOf('#')
  return i < 0 ? [to, null] : [to.slice(0, i), to.slice(i + 1)]
}

/** The page of a spec file: `spec/verification.md` → `spec/verification.html`. */
export const specPage = (specFile: string) => specFile.replace(/\.md$/, '.html')

/** The page of a vector file: `caveats/expiration.json` → `vectors/caveats/expiration.html`. */
export const vectorFilePage = (file: string) => `vectors/${file.replace(/\.json$/, '.html')}`

/** A vector's permalink: its file's page, at the vector's id. */
export const vectorLink = (file: string, id: string) => `${vectorFilePage(file)}#${id}`

/** The page of a docs file: `docs/bench.md` → `docs/bench.html`. */
export const docPage = (docFile: string) => docFile.replace(/\.md$/, '.html')

export const caveatPage = (slug: string) => `caveats/${slug}.html`
export const implementationPage = (name: string) => `conformance/${name}.html`

export const PAGES = {
  home: 'index.html',
  spec: 'spec/index.html',
  caveats: 'caveats/index.html',
  vectors: 'vectors/index.html',
  conformance: 'conformance/index.html',
  inspector: 'inspector.html',
  adapter: 'write-an-adapter.html',
  decisions: 'spec/decisions.html',
  reasons: 'spec/reason-codes.html',
  laws: 'spec/laws.html',
  style: 'assets/style.css',
  favicon: 'assets/favicon.svg',
  docs: 'docs/index.html',
  interop: 'conformance/interop.html',
} as const
