/** @module The time-window rule shared by tag 0 and the legacy {"exp","nbf"} form (EXP-3). */
import type { VerifyContext } from '../generated/types.js'
import { duration, isoTime, relative } from '../time.js'

/** EXP-3: valid iff not_before <= now < expires_at, in whole seconds, with no leeway. */
export function checkWindow(expiresAt: number, notBefore: number, context: VerifyContext): string | null {
  if (context.now < notBefore) return `token is not valid before ${isoTime(notBefore)} (now is ${isoTime(context.now)})`
  if (context.now >= expiresAt) return `token expired at ${isoTime(expiresAt)} (now is ${isoTime(context.now)})`
  return null
}

export function explainWindow(expiresAt: number, notBefore: number, now?: number): string {
  if (expiresAt <= notBefore) return `Never valid: the window ends (${isoTime(expiresAt)}) before it starts (${isoTime(notBefore)}).`
  let text = `Valid from ${isoTime(notBefore)} (inclusive) until ${isoTime(expiresAt)} (exclusive), a window of ${duration(expiresAt - notBefore)}.`
  if (now !== undefined) {
    if (now < notBefore) text += ` Not valid yet: starts ${relative(notBefore, now)}.`
    else if (now >= expiresAt) text += ` Expired ${relative(expiresAt, now)}.`
    else text += ` Expires ${relative(expiresAt, now)}.`
  }
  return text
}
