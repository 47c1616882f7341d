/** @module Durations (`15m`, `1h30m`) and instants (ISO-8601 with a zone, or Unix seconds) from the command line. */
import { UsageError } from './io.js'

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }

/** Parses `90s`, `15m`, `1h30m`, `2d` into seconds (at least 1). */
export function parseDuration(text: string): number {
  const parts = /^(?:\d+[smhdw])+$/.test(text) ? text.match(/\d+[smhdw]/g) : null
  if (parts === null) throw new UsageError(`invalid duration ${JSON.stringify(text)}: use e.g. 90s, 15m, 1h30m, 2d`)
  const seconds = parts.reduce((sum, p) => sum + Number(p.slice(0, -1)) * (UNIT_SECONDS[p.slice(-1)] as number), 0)
  if (seconds < 1 || !Number.isSafeInteger(seconds)) throw new UsageError(`duration ${JSON.stringify(text)} is out of range`)
  return seconds
}

/**
 * Parses an instant: whole Unix seconds, or ISO-8601 with `Z` or an offset. A time without a
 * zone is refused rather than read in the local zone.
 */
export function parseInstant(text: string, option: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    if (Number.isSafeInteger(n)) return n
  }
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text)
  if (iso === null) throw new UsageError(`${option}: ${JSON.stringify(text)} is neither Unix seconds nor an ISO-8601 time`)
  if (iso[1] !== undefined && iso[4] === undefined) throw new UsageError(`${option}: ${JSON.stringify(text)} has no time zone; add Z or an offset such as +02:00`)
  const ms = Date.parse(iso[1] === undefined ? `${text}T00:00:00Z` : text)
  if (Number.isNaN(ms)) throw new UsageError(`${option}: ${JSON.stringify(text)} is not a valid date`)
  return Math.floor(ms / 1000)
}
