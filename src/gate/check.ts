/** @module One check of the gate and its result (PROP-10). */

export const CHECKS = ['files', 'schema', 'spec-ids', 'vectors', 'laws', 'mutants', 'derived-mutants', 'drawn', 'restrict-law', 'ids', 'existing-vectors', 'deployed', 'missing-context', 'semver', 'module-code', 'determinism', 'redos', 'caveat-size', 'base'] as const
export type CheckName = (typeof CHECKS)[number]

export interface CheckResult {
  readonly name: CheckName
  /** NOT_RUN: a check this one needs failed. */
  readonly status: 'PASS' | 'FAIL' | 'NOT_RUN'
  /** One line: what passed, or why it did not run. */
  readonly summary: string
  /** Every reason it failed, each precise enough to act on. */
  readonly problems: readonly string[]
}

export const passed = (name: CheckName, summary: string): CheckResult => ({ name, status: 'PASS', summary, problems: [] })

/** PASS when there are no problems, FAIL otherwise. */
export const judged = (name: CheckName, problems: readonly string[], summary: string): CheckResult =>
  problems.length === 0 ? passed(name, summary) : { name, status: 'FAIL', summary, problems }

export const notRun = (name: CheckName, needs: readonly CheckName[]): CheckResult => ({ name, status: 'NOT_RUN', summary: `not run: needs ${needs.join(', ')} to pass`, problems: [] })

/** At most `max` items, then how many more. */
export function listed(items: readonly string[], max = 5): string {
  return items.slice(0, max).join('; ') + (items.length > max ? `; … and ${items.length - max} more` : '')
}
