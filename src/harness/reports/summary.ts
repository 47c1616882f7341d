/** @module Outcome counts per vector file, and the plain-text table printed after a run. */
import type { ConformanceResults, VectorResult } from '../../generated/types.js'
import { OUTCOMES, type Outcome } from '../judging/outcomes.js'

export type Counts = Record<Outcome, number>

/** A zero count for every outcome. */
export const zeroCounts = (): Counts => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Counts

/** Counts per file, in the order files first appear in the results. */
export function countsByFile(results: readonly VectorResult[]): Map<string, Counts> {
  const out = new Map<string, Counts>()
  for (const r of results) {
    let c = out.get(r.file)
    if (c === undefined) out.set(r.file, (c = zeroCounts()))
    c[r.outcome]++
  }
  return out
}

const total = (c: Counts) => OUTCOMES.reduce((n, o) => n + c[o], 0)

/** Rows of text cells padded into aligned columns (first column left-aligned, others right-aligned). */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n')
}

/** The per-file table: one row per vector file, one column per outcome (`-` for zero), and a total row. */
export function fileTable(results: Pick<ConformanceResults, 'results' | 'summary'>): string {
  const cell = (n: number) => (n === 0 ? '-' : String(n))
  const rows: string[][] = [['file', ...OUTCOMES, 'total']]
  for (const [file, c] of countsByFile(results.results)) rows.push([file, ...OUTCOMES.map((o) => cell(c[o])), String(total(c))])
  rows.push(['total', ...OUTCOMES.map((o) => cell(results.summary[o])), String(total(results.summary))])
  return alignColumns(rows)
}

/** One line: `15 vectors: 10 PASS, 5 FAIL`; zero counts are left out. */
export function summaryLine(summary: Counts): string {
  const parts = OUTCOMES.filter((o) => summary[o] > 0).map((o) => `${summary[o]} ${o}`)
  return `${total(summary)} vectors${parts.length === 0 ? '' : `: ${parts.join(', ')}`}`
}
