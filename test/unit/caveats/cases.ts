/** Table-driven caveat tests: decode a caveat text, check it in a context. */
import { expect } from 'vitest'
import { decodeCaveat } from '../../../src/caveats/decode.js'
import type { VerifyContext } from '../../../src/index.js'

export const decodeText = (text: string) => decodeCaveat({ kind: 'first-party', id: Buffer.from(text, 'utf8') })

/** The caveat's restriction, or the reason code it was rejected with. */
export function outcome(text: string) {
  const d = decodeText(text)
  return d.ok ? { slug: d.slug, restriction: d.restriction } : d.reason
}

/** null when the caveat holds in `context`, 'NOT_SATISFIED' otherwise. */
export function check(text: string, context: VerifyContext): string | null {
  const d = decodeText(text)
  if (!d.ok) throw new Error(`${text} did not decode: ${d.message}`)
  return d.module.check(d.restriction as never, context) === null ? null : 'NOT_SATISFIED'
}

export function expectMalformed(text: string, message?: RegExp) {
  const d = decodeText(text)
  expect(d.ok ? 'decoded' : d.reason, text).toBe('CAVEAT_MALFORMED')
  if (!d.ok && message) expect(d.message).toMatch(message)
}
