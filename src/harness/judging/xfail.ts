/**
 * @module Xfail files: an implementation's known deviations (xfail-file.schema.json). An entry's
 * id is a vector id or a pattern where `*` matches any run of characters. Strict, as in
 * sigstore-conformance and tuf-conformance: a deviating vector becomes XFAIL, one that passes
 * anyway is XPASS (a failure), and an entry that matches no loaded vector is stale (a failure).
 */
import { readFileSync } from 'node:fs'
import { validateRef } from '../../caveats/schema-validator.js'
import type { VectorResult, XfailEntry, XfailFile } from '../../generated/types.js'
import type { Judgement } from './judgement.js'
import { wildcard } from './wildcard.js'

/** An xfail file that cannot be used; the message names the file and the problem. */
export class XfailLoadError extends Error {
  override readonly name = 'XfailLoadError'
}

/** Reads and validates an xfail file. Throws XfailLoadError. */
export function loadXfailFile(path: string): XfailFile {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new XfailLoadError(`${path}: ${code === undefined ? `not JSON (${(err as Error).message})` : `cannot be read (${code})`}`)
  }
  const valid = validateRef('xfail-file.schema.json', data)
  if (!valid.ok) throw new XfailLoadError(`${path}: does not match xfail-file.schema.json: ${valid.message}`)
  return data as XfailFile
}

/** The entries of one xfail file, compiled for matching. */
export class Xfails {
  private readonly compiled: { entry: XfailEntry; matches: (id: string) => boolean }[]

  constructor(readonly entries: readonly XfailEntry[]) {
    this.compiled = entries.map((entry) => ({ entry, matches: wildcard(entry.id) }))
  }

  /** The first entry matching a vector id, if any. */
  match(id: string): XfailEntry | undefined {
    for (const c of this.compiled) if (c.matches(id)) return c.entry
    return undefined
  }

  /** The ids of entries that match none of `ids` (stale entries). */
  stale(ids: readonly string[]): string[] {
    return this.compiled.filter((c) => !ids.some((id) => c.matches(id))).map((c) => c.entry.id)
  }
}

/** No known deviations. */
export const NO_XFAILS = new Xfails([])

type Final = Pick<VectorResult, 'outcome'> & { message?: string; xfail?: string }

/**
 * Applies an xfail entry to a judgement: FAIL or ERROR → XFAIL (message kept), PASS → XPASS.
 * SKIP (and anything without an entry) is unchanged.
 */
export function applyXfail(j: Judgement, entry: XfailEntry | undefined): Final {
  const base: Final = j.message === undefined ? { outcome: j.outcome } : { outcome: j.outcome, message: j.message }
  if (entry === undefined || j.outcome === 'SKIP') return entry === undefined ? base : { ...base, xfail: entry.reason }
  if (j.outcome === 'PASS') return { outcome: 'XPASS', message: `passed, but an xfail entry (${entry.id}) expects it to fail: ${entry.reason}`, xfail: entry.reason }
  return { ...base, outcome: 'XFAIL', xfail: entry.reason }
}
