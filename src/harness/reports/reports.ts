/** @module Writing a run's reports: results.json (validated first), results.md, results.html. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateRef } from '../../caveats/schema-validator.js'
import type { ConformanceResults } from '../../generated/types.js'
import { htmlReport } from './report-html.js'
import { markdownReport } from './report-md.js'

/** The report formats. */
export const REPORT_KINDS = ['json', 'md', 'html'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

const RENDER: Record<ReportKind, (r: ConformanceResults) => string> = {
  json: (r) => JSON.stringify(r, null, 2) + '\n',
  md: markdownReport,
  html: htmlReport,
}

/** Validates the results, writes each requested report into `dir` and returns the paths written. */
export function writeReports(results: ConformanceResults, dir: string, kinds: readonly ReportKind[] = REPORT_KINDS): string[] {
  assertValidResults(results)
  mkdirSync(dir, { recursive: true })
  return [...new Set(kinds)].map((kind) => {
    const path = join(dir, `results.${kind}`)
    writeFileSync(path, RENDER[kind](results))
    return path
  })
}

/** Throws when results do not match results.schema.json (a harness bug). */
export function assertValidResults(results: ConformanceResults): void {
  const valid = validateRef('results.schema.json', results)
  if (!valid.ok) throw new Error(`harness bug: the results do not match results.schema.json: ${valid.message}`)
}
