/**
 * @module PROP-27, PROP-28: the gate judges against the base, and a proposal adds, it never edits:
 * the change set may not touch an existing vector file, a vector builder or the core spec.
 */
import type { BaseResult } from '../base.js'
import { judged, type CheckResult } from '../check.js'

const STATUS: Readonly<Record<string, string>> = { M: 'modified', D: 'deleted', A: 'added', T: 'type changed', '?': 'untracked, new' }

export function checkBase(result: BaseResult): CheckResult {
  if (!result.ok) return judged('base', [`cannot judge against a base: ${result.message}`], '')
  const { base } = result
  const at = `${base.resolved} (merge-base ${base.mergeBase.slice(0, 12)})`
  const problems = base.changes.map((c) => `the change set edits ${c.what}: ${c.path} (${STATUS[c.status] ?? c.status} since ${at}); a proposal adds, it never edits (PROP-28)`)
  return judged('base', problems, `judged against ${at}: the existing vectors, the core spec with its tag registry and the vector builders come from it, and the change set touches none of them`)
}
