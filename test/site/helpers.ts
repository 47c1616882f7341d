/** Helpers for the site's tests: a site built from fresh reports, HTML reading, Debian's chromium. */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, posix, relative } from 'node:path'
import { promisify } from 'node:util'
import { chromium, type BrowserContext } from 'playwright-core'
import { buildSite, type BuildResult } from '../../src/site/build.js'

export const root = join(import.meta.dirname, '..', '..')

export interface BuiltSite {
  readonly dir: string
  readonly reports: string
  readonly result: BuildResult
}

/**
 * Runs `conformance matrix` (every adapter this machine can start) into a temporary reports
 * directory, then builds the site from it: the pages show what the implementations do now.
 */
export async function buildFromFreshReports(): Promise<BuiltSite> {
  const work = mkdtempSync(join(tmpdir(), 'site-test-'))
  // SITE_TEST_REPORTS=DIR builds from reports made beforehand (for example with WAREHOUSE_SRC set), instead of running the matrix here.
  const given = process.env.SITE_TEST_REPORTS
  if (given !== undefined) return { dir: join(work, 'site'), reports: given, result: await buildSite({ root, out: join(work, 'site'), reportsDir: given }) }
  const reports = join(work, 'reports')
  await promisify(execFile)(process.execPath, ['dist/cli/main.js', 'conformance', 'matrix', '--out', reports], { cwd: root, maxBuffer: 64 << 20 }).catch((err: { code?: number }) => {
    if (typeof err.code !== 'number') throw err // a run that does not pass still writes its report
  })
  if (!existsSync(join(reports, 'reference', 'results.json'))) throw new Error('conformance matrix wrote no report for the reference adapter')
  const dir = join(work, 'site')
  return { dir, reports, result: await buildSite({ root, out: dir, reportsDir: reports }) }
}

/** Every file of the built site, relative and `/`-separated. */
export function siteFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' }
const unescape = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] as string)

/** The values of an attribute in an HTML text, unescaped. */
export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => unescape(m[1] as string))
}

/** Every relative link (href or src) of the site that leads nowhere: a missing file or a missing id. */
export function brokenLinks(dir: string): string[] {
  const files = siteFiles(dir)
  const ids = new Map<string, Set<string>>()
  const idsOf = (file: string) => {
    let set = ids.get(file)
    if (set === undefined) ids.set(file, (set = new Set(attributeValues(readFileSync(join(dir, file), 'utf8'), 'id'))))
    return set
  }
  const broken: string[] = []
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8')
    for (const link of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
      if (/^[a-z]+:/i.test(link)) continue
      const [pathAndQuery, fragment] = link.split('#', 2) as [string, string | undefined]
      const path = pathAndQuery.split('?')[0] as string
      const target = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), path))
      if (!files.includes(target)) broken.push(`${file}: ${link} (no file ${target})`)
      // A fragment of parameters (`inspector.html#token=…&now=…`) is read by the page's script, not an anchor.
      else if (fragment !== undefined && fragment !== '' && !fragment.includes('=') && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${file}: ${link} (no id ${fragment} in ${target})`)
    }
  }
  return broken
}

/** Where Debian's chromium is, or why there is none. */
export function findChromium(): { path: string } | { missing: string } {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(path) ? { path } : { missing: `no chromium at ${path} (apt-get install chromium; .ci/run does)` }
}

/** The flags every launch uses: no sandbox (CI runs as root), no GPU, nothing that calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** A headless chromium with a fresh profile; every request that is not file:// is refused and recorded. */
export async function launch(executablePath: string, options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; network: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'site-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    timeout: 180_000,
  })
  // No wait of the browser's own has a time limit (0): at load 20 on 2 cores a full-page screenshot
  // took over 120 s, and a limit load can exceed is a flaky failure. Each test's own limit (START in
  // the suites, minutes) is what stops a hang.
  context.setDefaultTimeout(0)
  context.setDefaultNavigationTimeout(0)
  const network: string[] = []
  await context.route(/^(?!file:)/, (route) => {
    network.push(route.request().url())
    return route.abort()
  })
  return { context, network }
}

/** Where the screenshots go (reports/site/, gitignored). */
export function screenshotPath(name: string): string {
  const path = join(root, 'reports', 'site', name)
  mkdirSync(dirname(path), { recursive: true })
  return path
}

/** The example token and its CLI output from the README's `pypi-token inspect` block. */
export function readmeExample(): { token: string; now: string; output: string[] } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const m = /\$ pypi-token inspect --now (\S+) (pypi-\S+)\n([\s\S]*?)```/.exec(readme)
  if (m === null) throw new Error('README.md has no `pypi-token inspect --now … <token>` example')
  return { now: m[1] as string, token: m[2] as string, output: (m[3] as string).split('\n').map((l) => l.trim()).filter((l) => l !== '') }
}
