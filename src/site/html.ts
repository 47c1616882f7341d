/** @module Escaped HTML: a tagged template that escapes every interpolated value unless it is already HTML. */

/** A fragment of HTML that is safe to insert as it is. */
export interface Html {
  readonly __html: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** Trusted HTML (from markdown-it or another template). */
export const raw = (text: string): Html => ({ __html: text })

type Value = Html | string | number | boolean | null | undefined | readonly Value[]

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return ''
  if (Array.isArray(value)) return value.map(render).join('')
  if (typeof value === 'object') return (value as Html).__html
  return escapeHtml(String(value))
}

/** html`<p>${text}</p>`: strings and numbers are escaped, Html is inserted, arrays are concatenated, null/undefined/false vanish. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] as string
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] as string)))
  return raw(out)
}

/** The string of a fragment. */
export const toString = (fragment: Html): string => fragment.__html
