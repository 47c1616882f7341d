/**
 * @module Outcome counts per vector file and level, the plain-text table printed after a run, and
 * the one-line summaries every report shares.
 */
import type { ConformanceResults, Summary, VectorResult } from '../../generated/types.js'
import { OUTCOMES, type Outcome } from '../judging/outcomes.js'

export type Counts = Summary

/** The two conformance levels (VEC-7), in report order, and where each result keeps its outcome. */
export const LEVELS = [
  { name: 'verdict', of: (r: VectorResult) => r.verdict, summary: (r: Pick<ConformanceResults, 'verdict_summary'>) => r.verdict_summary },
  { name: 'reason', of: (r: VectorResult) => r.outcome, summary: (r: Pick<ConformanceResults, 'summary'>) => r.summary },
] as const

/** A zero count for every outcome. */
export const zeroCounts = (): Counts => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>

/** Counts per file at one level (default: the reason level), in the order files first appear in the results. */
export function countsByFile(results: readonly VectorResult[], level: (r: VectorResult) => VectorResult['outcome'] = (r) => r.outcome): Map<string, Counts> {
  const out = new Map<string, Counts>()
  for (const r of results) {
    let c = out.get(r.file)
    if (c === undefined) out.set(r.file, (c = zeroCounts()))
    c[level(r)]++
  }
  return out
}

/** How many vectors the counts cover. */
export const total = (c: Counts): number => OUTCOMES.reduce((n, o) => n + c[o], 0)

/** The share of SKIPs, e.g. `1.9%`. */
export const skipShare = (c: Counts): string => `${total(c) === 0 ? '0.0' : ((c.SKIP / total(c)) * 100).toFixed(1)}%`

/** Rows of text cells padded into aligned columns: the first `left` columns left-aligned, the others right-aligned. */
export function alignColumns(rows: readonly (readonly string[])[], left = 1): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map((row) => row.map((cell, i) => (i < left ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n')
}

/** The per-file table: two rows per vector file (verdict and reason level), one column per outcome (`-` for zero), and total rows. */
export function fileTable(results: Pick<ConformanceResults, 'results' | 'summary' | 'verdict_summary'>): string {
  const cell = (n: number) => (n === 0 ? '-' : String(n))
  const row = (file: string, level: string, c: Counts) => [file, level, ...OUTCOMES.map((o) => cell(c[o])), String(total(c))]
  const [verdict, reason] = LEVELS.map((l) => countsByFile(results.results, l.of))
  const rows: string[][] = [['file', 'level', ...OUTCOMES, 'total']]
  for (const [file, c] of verdict ?? []) rows.push(row(file, 'verdict', c), row('', 'reason', reason?.get(file) ?? zeroCounts()))
  rows.push(row('total', 'verdict', results.verdict_summary), row('', 'reason', results.summary))
  return alignColumns(rows, 2)
}

/** One line: `15 vectors: 10 PASS, 5 FAIL, 6 SKIP (40.0%)`; zero counts are left out. */
export function summaryLine(summary: Counts): string {
  const parts = OUTCOMES.filter((o) => summary[o] > 0).map((o) => `${summary[o]} ${o}${o === 'SKIP' ? ` (${skipShare(summary)})` : ''}`)
  return `${total(summary)} vectors${parts.length === 0 ? '' : `: ${parts.join(', ')}`}`
}

/** `PASSED` or `FAILED`, then a line per level and one per problem, each indented by `indent`. */
export function verdictLines(r: Pick<ConformanceResults, 'passed' | 'problems' | 'summary' | 'verdict_summary'>, indent = '  '): string[] {
  return [
    r.passed ? 'PASSED' : 'FAILED',
    `${indent}verdict level: ${summaryLine(r.verdict_summary)}`,
    `${indent}reason level:  ${summaryLine(r.summary)}`,
    ...r.problems.map((p) => `${indent}not passed: ${p}`),
  ]
}

/** How many vectors expect a failure list the adapter did not report (so only their reason was compared). */
export const uncheckedFailures = (results: readonly VectorResult[]): number => results.filter((r) => r.failures_checked === false).length

/** The note about unchecked failure lists, or null when there is none. */
export function uncheckedFailuresNote(results: readonly VectorResult[]): string | null {
  const n = uncheckedFailures(results)
  return n === 0 ? null : `${n} vector${n === 1 ? ' expects' : 's expect'} a list of failures (VERIFY-5); the adapter reports none, so only the reason was compared`
}

/** The label of one result in a list: `FAIL`, or `FAIL (verdict PASS)` when the levels differ. */
export const outcomeLabel = (r: VectorResult): string => (r.verdict === r.outcome ? r.outcome : `${r.outcome} (verdict ${r.verdict})`)
