/**
 * The site's pages in the browser, issue 21: no page wider than a 1280 or a 390 px window, axe-core
 * with no serious or critical violation on any page, a screenshot of each page type at both
 * widths, the vector table's columns and sticky header, and every number leading to its evidence.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ConformanceResults, XfailFile } from '../../src/generated/types.js'
import { XFAIL_CLASSES } from '../../src/harness/judging/xfail.js'
import { axe, blocking, overflow, WIDTHS } from './audit.js'
import { root, screenshotPath, siteFiles } from './helpers.js'

const START = 900_000

interface Browser {
  open(path: string): Promise<Page>
  /** A page that records no console errors: axe-core reads stylesheets with XMLHttpRequest, which file:// refuses on the console. */
  blank(): Promise<Page>
  url(path: string): string
  readonly dir: string
  readonly reports: string
}

/** One page of each type, for the screenshots. */
const PAGE_TYPES: Record<string, string> = {
  home: 'index.html',
  spec: 'spec/verification.html',
  caveat: 'caveats/oidc-publisher.html',
  module: 'caveats/expiration.ts.html',
  'vector-file': 'vectors/caveats/legacy-expiration.html',
  'vector-browser': 'vectors/index.html',
  matrix: 'conformance/index.html',
  implementation: 'conformance/pypitoken.html',
  interop: 'conformance/interop.html',
  inspector: 'inspector.html',
  adapter: 'write-an-adapter.html',
  docs: 'docs/index.html',
}

const report = (reports: string, name: string): ConformanceResults | null => {
  try {
    return JSON.parse(readFileSync(join(reports, name, 'results.json'), 'utf8')) as ConformanceResults
  } catch {
    return null
  }
}

export function pageChecks(browser: () => Browser, network: () => readonly string[]): void {
  it('fits every page in a 1280 and a 390 px window, with zero serious or critical axe violations (at 1280 px), no console error and no network request, and screenshots each page type', async () => {
    const pages = siteFiles(browser().dir).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(70)
    const wide: string[] = []
    const violations: string[] = []
    const errors: string[] = []
    const page = await browser().blank()
    // Console errors count while a page loads and is measured, not once axe-core runs: it reads
    // stylesheets with XMLHttpRequest, which file:// refuses on the console.
    let loading = ''
    page.on('console', (m) => void (loading !== '' && m.type() === 'error' && errors.push(`${loading}: ${m.text()}`)))
    page.on('pageerror', (e) => void errors.push(`${loading || 'a page'}: uncaught ${e.message}`))
    const types = new Map(Object.entries(PAGE_TYPES).map(([type, path]) => [path, type]))
    for (const path of pages) {
      // Each page is loaded once, at the first width, then the window is narrowed: the stylesheet's
      // media queries apply on resize as on load, and no script of the site reads the width.
      await page.setViewportSize({ width: WIDTHS[0], height: 900 })
      loading = path
      await page.goto(browser().url(path))
      for (const width of WIDTHS) {
        if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 900 })
        const o = await overflow(page)
        if (o.scrollWidth > o.viewport) wide.push(`${path} at ${width}: ${o.scrollWidth} px`)
        const type = types.get(path)
        // The whole page when it is at most 3,000 px tall, else its first screen: the vector and
        // implementation pages are tens of thousands of pixels tall, and at load 24 chromium took
        // minutes to paint one whole.
        if (type !== undefined) await page.screenshot({ path: screenshotPath(`${type}-${width}.png`), fullPage: o.scrollHeight <= 3000 })
      }
      loading = ''
      // axe once a page, at the first width: its rules read the same DOM at both, and the tables are
      // in focusable scroll regions whatever the width; on the 967-row vector pages axe is most of
      // this check's time.
      await page.setViewportSize({ width: WIDTHS[0], height: 900 })
      for (const v of blocking(await axe(page))) violations.push(`${path} at ${WIDTHS[0]}: ${v.impact} ${v.id} (${v.nodes}: ${v.targets.join(', ')})`)
    }
    await page.close()
    expect(types.size).toBe(Object.keys(PAGE_TYPES).length)
    for (const path of types.keys()) expect(pages, path).toContain(path)
    expect(wide).toEqual([])
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    expect(network()).toEqual([])
  }, START)
}

export function evidenceChecks(browser: () => Browser): void {
  it('shows every implementation column of the vector browser at 1280 px, and keeps its header in view while the table scrolls', async () => {
    const page = await browser().open('vectors/index.html')
    await page.setViewportSize({ width: 1280, height: 900 })
    const headers = page.locator('#vector-table thead th')
    const n = await headers.count()
    for (let i = 0; i < n; i++) {
      const box = (await headers.nth(i).boundingBox())!
      expect(box.x + box.width, `${await headers.nth(i).textContent()} is cut off`).toBeLessThanOrEqual(1280)
    }
    const wrapper = page.locator('.table-scroll:has(#vector-table)')
    expect(await wrapper.getAttribute('tabindex')).toBe('0')
    const top = (await wrapper.boundingBox())!.y
    await wrapper.evaluate((el: { scrollTop: number }) => void (el.scrollTop = 5000))
    const header = (await headers.first().boundingBox())!
    expect(Math.abs(header.y - top)).toBeLessThan(2)
    expect((await page.locator('#vector-table tbody tr').first().boundingBox())!.y).toBeLessThan(top - 1000)
    expect(await wrapper.evaluate((el: { scrollTop: number }) => el.scrollTop)).toBeGreaterThan(1000)
    await page.close()
  }, START)

  it('links each count of the matrix to exactly its vectors, and counts verdict-level xfails by class, widens access first', async () => {
    const page = await browser().open('conformance/index.html')
    const links = page.locator('#matrix tbody a.count')
    expect(await links.count()).toBeGreaterThan(20)
    for (const i of [0, 7, (await links.count()) - 1]) {
      const link = links.nth(i)
      const expected = Number(/^\d+/.exec((await link.textContent())!)![0])
      await link.click()
      await page.waitForURL(/vectors\/index\.html\?/)
      expect(await page.textContent('#filter-status')).toMatch(new RegExp(`^Showing ${expected} of \\d+ vectors\\.$`))
      await page.goBack()
    }
    const rows = await page.locator('#severity-table tbody th').allTextContents()
    expect(rows[0]).toBe('widens access')
    expect(rows).toEqual(XFAIL_CLASSES.filter((c) => c !== 'reason-only').map((c) => c.replace(/-/g, ' ')))
    const pypitoken = report(browser().reports, 'pypitoken')
    if (pypitoken !== null) {
      const xfail = JSON.parse(readFileSync(join(root, 'adapters', 'pypitoken', 'xfail.json'), 'utf8')) as XfailFile
      const classOf = (id: string) => xfail.entries.find((e) => new RegExp(`^${e.id.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(id))?.class
      const widens = pypitoken.results.filter((r) => r.verdict === 'XFAIL' && classOf(r.id) === 'widens-access').length
      const column = (await page.locator('#severity-table thead th').allTextContents()).indexOf('pypitoken')
      expect(await page.locator(`#severity-table tbody tr:first-child td:nth-child(${column + 1})`).textContent()).toBe(String(widens))
      expect(widens).toBeGreaterThan(0)
    }
    expect(await page.textContent('#provenance')).toMatch(/Suite \d+\.\d+\.\d+/)
    await page.close()
  }, START)

  it('filters the vector browser by one implementation\'s outcome, by xfail class and by disagreement', async () => {
    const pypitoken = report(browser().reports, 'pypitoken')
    const page = await browser().open('vectors/index.html')
    const shown = async () => Number(/^Showing (\d+)/.exec((await page.textContent('#filter-status'))!)![1])
    if (pypitoken !== null) {
      await page.selectOption('select[name="impl"]', 'pypitoken')
      await page.selectOption('select[name="verdict"]', 'XFAIL')
      expect(await shown()).toBe(pypitoken.results.filter((r) => r.verdict === 'XFAIL').length)
      await page.selectOption('select[name="class"]', 'crash')
      const crashes = await shown()
      expect(crashes).toBeGreaterThan(0)
      expect(crashes).toBeLessThan(pypitoken.results.filter((r) => r.verdict === 'XFAIL').length)
      await page.click('button[type="reset"]')
      await page.check('input[name="disagree"]')
      expect(await shown()).toBeGreaterThan(0)
      expect(page.url()).toContain('disagree=1')
      for (const impls of (await page.locator('#vector-table tbody tr:visible').evaluateAll((rows) => rows.slice(0, 20).map((r) => r.getAttribute('data-impls') ?? ''))) as string[]) {
        const verdicts = new Set(impls.split(' ').map((x) => x.split(':')[1]).filter((v) => v !== 'SKIP').map((v) => (v === 'XFAIL' ? 'FAIL' : v)))
        expect(verdicts.size, impls).toBeGreaterThan(1)
      }
    }
    await page.close()
  }, START)

  it("shows each implementation's answer beside the expected one, and opens a vector's token in the inspector", async () => {
    const page = await browser().open('vectors/caveats/expiration.html')
    const article = page.locator('article.vector').first()
    expect(await article.locator('table.results thead').textContent()).toContain('answered (expected')
    expect(await article.locator('td.answer code').first().textContent()).toMatch(/^\{"/)
    await article.locator('a.open-inspector').click()
    await page.waitForURL(/inspector\.html#token=/)
    await expect.poll(() => page.locator('#part-prefix').textContent()).toBe('pypi')
    expect(await page.inputValue('#verify-key')).toMatch(/^[0-9a-f]{64}$/)
    await page.close()
  }, START)

  it('links source locations to the pinned upstream, sorts xfails by class, and names every version', async () => {
    const pypitoken = report(browser().reports, 'pypitoken')
    if (pypitoken === null) return
    const page = await browser().open('conformance/pypitoken.html')
    const hrefs = await page.locator('a[href^="https://github.com/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.some((h) => h.startsWith(`https://github.com/ewjoachim/pypitoken/blob/${pypitoken.implementation.version}/pypitoken/`) && /#L\d+(-L\d+)?$/.test(h))).toBe(true)
    for (const h of hrefs) expect(h).not.toMatch(/pypi\.org|files\.pythonhosted/)
    const classes = await page.locator('article.xfail').evaluateAll((as) => as.map((a) => a.getAttribute('data-class') ?? ''))
    const ranks = classes.map((c) => XFAIL_CLASSES.indexOf(c as (typeof XFAIL_CLASSES)[number]))
    expect(ranks.every((r) => r >= 0)).toBe(true)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const home = await browser().open('index.html')
    const provenance = (await home.textContent('#provenance'))!
    expect(provenance).toContain(`pypitoken ${pypitoken.implementation.version}`)
    expect(await home.locator('link[rel="icon"]').getAttribute('href')).toBe('assets/favicon.svg')
    await home.close()
    await page.close()
  }, START)

  it('makes statement ids self-links that never break at the hyphen, with prev/next links, a sidebar, and visible underscores in linked code', async () => {
    const page = await browser().open('spec/verification.html')
    expect(await page.locator('#VERIFY-4 > p > strong > a.sid, #VERIFY-4 > strong > a.sid').first().getAttribute('href')).toBe('#VERIFY-4')
    expect(await page.locator('a.sid').first().evaluate((a) => (globalThis as unknown as { getComputedStyle(e: unknown): { whiteSpace: string } }).getComputedStyle(a).whiteSpace)).toBe('nowrap')
    expect(await page.locator('nav.sidebar a').count()).toBeGreaterThan(15)
    expect(await page.locator('nav.sidebar a[aria-current="page"]').textContent()).toBe('Verification')
    expect(await page.locator('nav.pager a[rel="next"]').count()).toBe(1)
    expect(await page.locator('nav.pager a[rel="prev"]').count()).toBe(1)
    // Every defined id in running text is a link (code, preformatted text and the cited-vectors summaries aside).
    const unlinked = await page.evaluate(`(() => {
      const out = []
      const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (n.parentElement.closest('a, code, pre, summary, h1, h2, h3')) continue
        for (const m of n.textContent.matchAll(/\\b(VERIFY|CTX|TOKEN|EXP|CAV)-\\d+\\b/g)) if (document.querySelector('a[href$="#' + m[0] + '"]')) out.push(m[0])
      }
      return out
    })()`)
    expect(unlinked).toEqual([])
    // The underline sits below the baseline, clear of an underscore's stroke.
    const linked = page.locator('a code').first()
    const offset = await linked.evaluate((c) => (globalThis as unknown as { getComputedStyle(e: unknown): { textUnderlineOffset: string } }).getComputedStyle(c.closest('a')).textUnderlineOffset)
    expect(offset).not.toBe('auto')
    const caveat = await browser().open('caveats/expiration.html')
    await caveat.locator('a[href="expiration.ts.html"]').click()
    await caveat.waitForURL(/expiration\.ts\.html$/)
    expect(await caveat.textContent('pre.source')).toContain('EXP-')
    await caveat.close()
    await page.close()
  }, START)
}
