/**
 * @module Xfail files: an implementation's known deviations (xfail-file.schema.json). An entry's
 * id is a vector id or a pattern where `*` matches any run of characters. Strict, as in
 * sigstore-conformance and tuf-conformance: a deviating vector becomes XFAIL, one that passes
 * anyway is XPASS (a failure), and an entry that matches no loaded vector is stale (a failure).
 *
 * An entry's `level` says where the deviation is (VEC-6, VEC-7): `verdict` makes
 * the vector XFAIL at both levels; `reason` says the verdict is right and only the reason code or
 * failure list differs, so the vector must PASS at the verdict level and is XFAIL at the reason
 * level. A reason entry on a vector whose verdict is wrong understated it: the vector stays FAIL.
 */
import { validateRef } from '../../caveats/schema-validator.js'
import type { VectorResult, XfailEntry, XfailFile } from '../../generated/types.js'
import type { Graded, Judgement } from './judgement.js'
import { wildcard } from './wildcard.js'
import { readJsonFile } from '../../json-file.js'
import { xfailFileSchema } from '../../generated/schemas.js'

/** An xfail file that cannot be used; the message names the file and the problem. */
export class XfailLoadError extends Error {
  override readonly name = 'XfailLoadError'
}

/** Reads and validates an xfail file. Throws XfailLoadError. */
export function loadXfailFile(path: string): XfailFile {
  const data = readJsonFile(path, (message) => new XfailLoadError(message))
  const unclassified = entriesWithoutClass(data)
  if (unclassified.length > 0) {
    throw new XfailLoadError(`${path}: ${unclassified.length} entr${unclassified.length === 1 ? 'y has' : 'ies have'} no "class" (${unclassified.slice(0, 3).join(', ')}${unclassified.length > 3 ? ', …' : ''}); give each the severity class of its effect, one of ${XFAIL_CLASSES.join(', ')} (xfail-file.schema.json)`)
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

/** The severity classes of xfail entries, most severe first (the schema's closed list). */
export const XFAIL_CLASSES: readonly XfailEntry['class'][] = (
  (xfailFileSchema as unknown as { definitions: { XfailEntry: { properties: { class: { enum: XfailEntry['class'][] } } } } }).definitions.XfailEntry.properties.class.enum
)

/** The ids of entries (objects with an id) that lack a class: the commonest mistake since classes became required. */
function entriesWithoutClass(data: unknown): string[] {
  const entries = (data as { entries?: unknown } | null)?.entries
  if (!Array.isArray(entries)) return []
  return entries.filter((e): e is { id: unknown } => typeof e === 'object' && e !== null && !('class' in e)).map((e) => JSON.stringify(e.id ?? null))
}

/** No known deviations. */
export const NO_XFAILS = new Xfails([])

/** One level's outcome after xfail, with its message. */
export type Final = Pick<VectorResult, 'outcome'> & { message?: string }

const plain = (j: Judgement): Final => (j.message === undefined ? { outcome: j.outcome } : { outcome: j.outcome, message: j.message })

/** FAIL or ERROR → XFAIL (message kept), PASS → XPASS, SKIP unchanged. */
function expectFailure(j: Judgement, passMessage: string): Final {
  if (j.outcome === 'SKIP') return plain(j)
  if (j.outcome === 'PASS') return { outcome: 'XPASS', message: passMessage }
  return { ...plain(j), outcome: 'XFAIL' }
}

/**
 * Applies an xfail entry to a response judged at both levels (see the module doc); without an
 * entry both levels are unchanged.
 */
export function applyXfail(g: Pick<Graded, 'verdict' | 'reason'>, entry: XfailEntry | undefined): { verdict: Final; reason: Final } {
  if (entry === undefined) return { verdict: plain(g.verdict), reason: plain(g.reason) }
  const xpass = `passed, but an xfail entry (${entry.id}) expects it to fail: ${entry.reason}`
  if (entry.level === 'verdict') {
    const onlyReason = g.verdict.outcome === 'PASS' && g.reason.outcome !== 'PASS'
    const verdictXpass = onlyReason ? `the verdict is right, but the xfail entry (${entry.id}) is at the verdict level: if only the reason differs, give it "level": "reason"` : xpass
    return { verdict: expectFailure(g.verdict, verdictXpass), reason: expectFailure(g.reason, xpass) }
  }
  if (g.verdict.outcome === 'PASS') return { verdict: plain(g.verdict), reason: expectFailure(g.reason, xpass) }
  if (g.verdict.outcome === 'SKIP') return { verdict: plain(g.verdict), reason: plain(g.reason) }
  const understated = { ...plain(g.verdict), message: `${g.verdict.message ?? ''} (the xfail entry ${entry.id} says only the reason differs)` }
  return { verdict: understated, reason: understated }
}
