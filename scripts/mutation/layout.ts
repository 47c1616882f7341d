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
