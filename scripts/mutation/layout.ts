/**
 * Rewrites a StrykerJS incremental file (a mutation-testing report, one line of JSON as Stryker
 * writes it) with one mutant, one test and one source per line, so that the committed file's diff
 * shows what changed and git stores each new version as a small delta. Stryker reads either form.
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** JSON text with objects and arrays broken into lines down to `depth` levels, the rest on one line each. */
export function layout(value: unknown, depth: number, indent = ''): string {
  const inner = `${indent} `
  if (depth === 0 || value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => inner + layout(v, depth - 1, inner)).join(',\n')}\n${indent}]`
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  return entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, depth - 1, inner)}`).join(',\n')}\n${indent}}`
}

/** root → files → file → mutants → one mutant per line; root → testFiles → file → tests → one test per line. */
export const INCREMENTAL_DEPTH = 4

export function layOutIncrementalFile(path: string): void {
  writeFileSync(path, layout(JSON.parse(readFileSync(path, 'utf8')), INCREMENTAL_DEPTH) + '\n')
}

/**
 * Forgets every result of the incremental file at `path` that is not a detection (a mutant that
 * survived or that no test covered), so that the next incremental run tests those mutants again
 * and reuses the rest. For a change Stryker cannot see (docs/mutation.md, "Incremental runs"): a
 * fix to the test configuration, a setup file, or a test that reaches a mutant without covering it
 * in Stryker's eyes. Returns how many results were forgotten.
 */
export function forgetSurvivors(path: string): number {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { mutants: { status: string }[] }> }
  let forgotten = 0
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage')
    forgotten += file.mutants.length - kept.length
    file.mutants = kept
  }
  writeFileSync(path, layout(report, INCREMENTAL_DEPTH) + '\n')
  return forgotten
}
