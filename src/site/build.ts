/**
 * @module Builds the static site (issue 9) from spec/, schemas/, vectors/, the adapters' xfail
 * files and the latest conformance reports: every page, the two bundled scripts, the stylesheet
 * and a copy of the schemas, written into one directory that works from file:// and offline.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { bundleScripts } from './bundle.js'
import { loadModel } from './model.js'
import { adapterPage } from './pages/adapter.js'
import { caveatPages } from './pages/caveats.js'
import { conformancePages } from './pages/conformance.js'
import { docPages } from './pages/docs.js'
import { homePage } from './pages/home.js'
import { inspectorPage } from './pages/inspector.js'
import { specPages } from './pages/spec.js'
import type { SitePage } from './pages/types.js'
import { vectorPages } from './pages/vectors.js'
import { PAGES } from './paths.js'

export interface BuildOptions {
  /** The repository root. */
  readonly root: string
  /** The output directory; replaced when it holds a previous build (or nothing). */
  readonly out: string
  /** Where the conformance reports are (`<dir>/<name>/results.json`). Default `<root>/reports`. */
  readonly reportsDir?: string
}

export interface BuildResult {
  readonly files: number
  readonly bytes: number
  /**
   * Everything except vector data (the budget: under 1 MB): the vector pages under
   * `vectors/`, and in every other page the links to them (each a vector's id), since both grow
   * with the number of vectors and not with the site.
   */
  readonly bytesWithoutVectors: number
  /** The bytes of the links to vector pages outside `vectors/` (included in `bytes`). */
  readonly vectorLinkBytes: number
}

/** Written into every build, so that a rebuild only ever deletes a directory it made. */
export const MARKER = '.pypi-token-site'

export class SiteBuildError extends Error {
  override readonly name = 'SiteBuildError'
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { root, out } = options
  prepareOut(out)
  const model = loadModel({ root, ...(options.reportsDir === undefined ? {} : { reportsDir: options.reportsDir }) })
  const pages: SitePage[] = [homePage(model), ...specPages(model), ...caveatPages(model), ...vectorPages(model), ...conformancePages(model), inspectorPage(), adapterPage(model), ...docPages(model)]
  const bundle = await bundleScripts(root)
  const files = new Map<string, string | Uint8Array>(pages.map((p) => [p.path, p.content]))
  for (const [path, content] of bundle.files) files.set(path, content)
  files.set(PAGES.style, readFileSync(join(root, 'src', 'site', 'assets', 'style.css')))
  files.set(PAGES.favicon, readFileSync(join(root, 'src', 'site', 'assets', 'favicon.svg')))
  for (const [path, content] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true })
    writeFileSync(join(out, path), content)
  }
  copySchemas(join(root, 'schemas'), join(out, 'schemas'))
  copyDocAssets(root, model.docs.map((d) => d.text).join('\n'), join(out, 'docs'))
  writeFileSync(join(out, MARKER), 'Built by npm run docs; deleted and rebuilt by the next build.\n')
  return measure(out)
}

/** The JSON Schemas the spec links to, as compact JSON (a browser's JSON viewer indents them). */
function copySchemas(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from)) {
    const path = join(from, name)
    if (statSync(path).isDirectory()) copySchemas(path, join(to, name))
    else if (name.endsWith('.json')) writeFileSync(join(to, name), JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) + '\n')
  }
}

/** The files of docs/ other than Markdown (images) that a docs page refers to by name. */
function copyDocAssets(root: string, texts: string, to: string): void {
  const dir = join(root, 'docs')
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.md') || !texts.includes(name) || !statSync(join(dir, name)).isFile()) continue
    mkdirSync(to, { recursive: true })
    writeFileSync(join(to, name), readFileSync(join(dir, name)))
  }
}

function prepareOut(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out)
    if (entries.length > 0 && !entries.includes(MARKER)) throw new SiteBuildError(`${out} exists and is not a site this builder made; not deleting it`)
    rmSync(out, { recursive: true, force: true })
  }
  mkdirSync(out, { recursive: true })
}

/**
 * UTF-8 bytes of the links into the vector data in an HTML page: to a vector's permalink
 * (`<a href="…vectors/…#id">id</a>`), and to the vector browser filtered to some vectors
 * (`<a href="…vectors/index.html?file=…&amp;impl=…">29 PASS</a>`, the matrix's counts), which
 * multiply with the vector files and implementations as the permalinks do with the vectors.
 */
export function vectorLinks(html: string): number {
  let n = 0
  for (const m of html.matchAll(/<a [^>]*href="[^"]*vectors\/(?:[^"#]+\.html#|index\.html\?)[^"]*"[^>]*>[^<]*<\/a>/g)) n += Buffer.byteLength(m[0])
  return n
}

function measure(out: string): BuildResult {
  let files = 0
  let bytes = 0
  let vectorBytes = 0
  let linkBytes = 0
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const r = rel === '' ? name : `${rel}/${name}`
      if (statSync(path).isDirectory()) walk(path, r)
      else {
        const size = statSync(path).size
        files++
        bytes += size
        if (r.startsWith('vectors/')) vectorBytes += size
        else if (r.endsWith('.html')) linkBytes += vectorLinks(readFileSync(path, 'utf8'))
      }
    }
  }
  walk(out, '')
  return { files, bytes, bytesWithoutVectors: bytes - vectorBytes - linkBytes, vectorLinkBytes: linkBytes }
}
