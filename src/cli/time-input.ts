/** @module Durations (`15m`, `1h30m`) and instants (ISO-8601 with a zone, or Unix seconds) from the command line. */
import { UsageError } from './io.js'

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }

/** 9999-12-31T23:59:59Z: the CLI refuses times after it (ISO-8601 has four-digit years). */
export const LAST_TIME = 253402300799

/** Parses `90s`, `15m`, `1h30m`, `2d` into seconds (at least 1). */
export function parseDuration(text: string): number {
  const parts = /^(?:\d+[smhdw])+$/.test(text) ? text.match(/\d+[smhdw]/g) : null
  if (parts === null) throw new UsageError(`invalid duration ${JSON.stringify(text)}: use e.g. 90s, 15m, 1h30m, 2d`)
  const seconds = parts.reduce((sum, p) => sum + Number(p.slice(0, -1)) * (UNIT_SECONDS[p.slice(-1)] as number), 0)
  if (seconds < 1 || !Number.isSafeInteger(seconds)) throw new UsageError(`duration ${JSON.stringify(text)} is out of range`)
  return seconds
}

/** `now + --expires-in`, refused when it ends after the year 9999. */
export function expiryIn(text: string, now: number): number {
  const end = now + parseDuration(text)
  if (end > LAST_TIME) throw new UsageError(`--expires-in ${text} would end after 9999-12-31T23:59:59Z`)
  return end
}

/**
 * Parses an instant: whole Unix seconds, or ISO-8601 with `Z` or an offset, from 1970 to the
 * year 9999. A time without a zone is refused rather than read in the local zone.
 */
export function parseInstant(text: string, option: string): number {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text)
    if (n < 0) throw new UsageError(`${option}: ${text} is before 1970-01-01T00:00:00Z (Unix seconds must be 0 or more)`)
    if (n > LAST_TIME) throw new UsageError(`${option}: ${text} is after 9999-12-31T23:59:59Z`)
    return n
  }
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text)
  if (iso === null) throw new UsageError(`${option}: ${JSON.stringify(text)} is neither Unix seconds nor an ISO-8601 time`)
  if (iso[1] !== undefined && iso[4] === undefined) throw new UsageError(`${option}: ${JSON.stringify(text)} has no time zone; add Z or an offset such as +02:00`)
  const ms = Date.parse(iso[1] === undefined ? `${text}T00:00:00Z` : text)
  if (Number.isNaN(ms)) throw new UsageError(`${option}: ${JSON.stringify(text)} is not a valid date`)
  const seconds = Math.floor(ms / 1000)
  if (seconds < 0) throw new UsageError(`${option}: ${JSON.stringify(text)} is before 1970-01-01T00:00:00Z`)
  if (seconds > LAST_TIME) throw new UsageError(`${option}: ${JSON.stringify(text)} is after 9999-12-31T23:59:59Z`)
  return seconds
}
