/**
 * @module detect(text): the tokens the production or the test index issues that a string holds,
 * for secret scanners (spec/detection.md). Never throws.
 */
import type { IndexName } from '../generated/types.js'
import { parseToken } from '../token/parse.js'
import { indexOfLocation } from './indexes.js'

export interface Finding {
  /** The token, whole (DETECT-1). */
  readonly match: string
  /** The index whose host its location holds (DETECT-2). */
  readonly index: IndexName
}

const START = 'pypi-'
const ALPHABET = /[A-Za-z0-9_-]*/y

/**
 * Every token in `text`, in text order: `pypi-` and the longest run of base64url characters after
 * it, when that run is a canonical, well-formed V2 macaroon located at an index's host (DETECT-1,
 * DETECT-4). Any length the token parser accepts is found (DETECT-3).
 */
export function detect(text: unknown): Finding[] {
  if (typeof text !== 'string') return []
  const findings: Finding[] = []
  for (let at = text.indexOf(START); at >= 0; at = text.indexOf(START, at + 1)) {
    ALPHABET.lastIndex = at + START.length
    const end = at + START.length + (ALPHABET.exec(text)?.[0].length ?? 0)
    const candidate = text.slice(at, end)
    const parsed = parseToken(candidate)
    const index = parsed.ok ? indexOfLocation(parsed.token.macaroon.location) : null
    if (index === null) continue
    findings.push({ match: candidate, index })
    at = end - 1
  }
  return findings
}
