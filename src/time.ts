/** @module Human-readable times for inspect and error messages. */

/** ISO-8601 UTC to the second, e.g. 2024-05-01T12:00:00Z; the raw number when out of range. */
export function isoTime(seconds: number): string {
  const ms = seconds * 1000
  if (!Number.isSafeInteger(seconds) || Math.abs(ms) > 8.64e15) return `${seconds} (Unix seconds, outside the calendar range)`
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

const UNITS: [name: string, seconds: number][] = [
  ['year', 365 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** A duration in the largest fitting unit (two units when it helps), e.g. "15 minutes", "1 hour 30 minutes". */
export function duration(seconds: number): string {
  const s = Math.abs(seconds)
  if (!Number.isFinite(s) || s > 1e15) return 'an unbounded time'
  const parts: string[] = []
  let rest = s
  for (const [name, size] of UNITS) {
    const n = Math.floor(rest / size)
    if (n > 0 || (parts.length === 0 && size === 1)) {
      parts.push(`${n} ${name}${n === 1 ? '' : 's'}`)
      rest -= n * size
    }
    if (parts.length === 2) break
    if (parts.length === 1 && rest === 0) break
  }
  return parts.join(' ')
}

/** "in 14 minutes" / "3 days ago" / "now", relative to `now`. */
export function relative(seconds: number, now: number): string {
  const delta = seconds - now
  if (delta === 0) return 'now'
  return delta > 0 ? `in ${duration(delta)}` : `${duration(delta)} ago`
}

/** The current time in whole Unix seconds (VERIFY-3: time is truncated, never rounded). */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000)
}
