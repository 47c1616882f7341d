/** What the site's browser tests measure on a page: horizontal overflow, and axe-core's violations. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** The widths every page must fit: a desktop and a phone. */
export const WIDTHS = [1280, 390] as const

/** How wide the page's content is, against the viewport (scrollWidth of the document and of the body), and how tall. */
export async function overflow(page: Page): Promise<{ scrollWidth: number; scrollHeight: number; viewport: number }> {
  return page.evaluate('({ scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), scrollHeight: document.documentElement.scrollHeight, viewport: document.documentElement.clientWidth })')
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly nodes: number
  readonly targets: readonly string[]
}

/**
 * axe-core's violations on the page as it stands (WCAG 2 A/AA and best practices). The source is
 * evaluated through the debugging protocol rather than a script tag, so a page's
 * Content-Security-Policy does not stop it.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => String(n.target[0])) })))`)
}

/** The violations that fail a page: serious or critical. */
export const blocking = (violations: readonly AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
