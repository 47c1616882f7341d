/** @module Reason codes on the site: where each is defined, and which vectors expect it. */
import { commonSchema } from '../../generated/schemas.js'
import { html, type Html } from '../html.js'
import type { SiteModel } from '../model.js'
import { href, PAGES } from '../paths.js'

export const REASON_CODES = commonSchema.definitions.ReasonCode.enum as readonly string[]

/** Reason code → its row on the reason-codes page. */
export function reasonCodeTargets(): Map<string, string> {
  return new Map(REASON_CODES.map((code) => [code, `${PAGES.reasons}#${code}`]))
}

/** The reason of an expected result, or null for `valid`. */
export function expectedReason(expected: { result: string; reason?: string }): string | null {
  return 'reason' in expected && typeof expected.reason === 'string' ? expected.reason : null
}

/** For the reason-codes page: how many vectors expect each code (as the reason or an acceptable one). */
export function reasonUsage(model: SiteModel, path: string): Html {
  const rows = REASON_CODES.map((code) => {
    const main = model.vectors.filter((lv) => expectedReason(lv.vector.expected) === code).length
    const alt = model.vectors.filter((lv) => ((lv.vector.expected as { acceptable_reasons?: string[] }).acceptable_reasons ?? []).includes(code)).length
    return html`<tr><th scope="row"><a href="#${code}"><code>${code}</code></a></th><td>${main === 0 ? '0' : html`<a href="${href(path, PAGES.vectors)}?reason=${code}">${main}</a>`}</td><td>${alt}</td></tr>`
  })
  return html`<section aria-labelledby="reason-usage"><h2 id="reason-usage">Reason codes in the vectors</h2>
<table><thead><tr><th scope="col">code</th><th scope="col">vectors expecting it</th><th scope="col">vectors allowing it as an alternative</th></tr></thead><tbody>${rows}</tbody></table></section>`
}
