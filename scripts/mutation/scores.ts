/**
 * Per-file mutation scores from a StrykerJS JSON report, with the mutants test/mutation/equivalent.json
 * lists as equivalent (they cannot change behaviour) left out of the denominator. The score is
 * Stryker's: detected (killed or timed out) over valid mutants (detected, survived, no coverage);
 * mutants that do not compile are not valid.
 */
import { readFileSync } from 'node:fs'

/** A mutant that cannot change behaviour, identified by the code it replaces rather than a line number. */
export interface Equivalent {
  readonly file: string
  readonly mutator: string
  /** The source text the mutant replaces. */
  readonly original: string
  readonly replacement: string
  /** One line: why no input can tell the mutant from the original. */
  readonly reason: string
}

interface ReportMutant {
  readonly mutatorName: string
  readonly replacement: string
  readonly status: string
  readonly location: { readonly start: { readonly line: number; readonly column: number }; readonly end: { readonly line: number; readonly column: number } }
}

export interface StrykerReport {
  readonly files: Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>
}

export interface FileScore {
  readonly score: number
  readonly killed: number
  readonly timeout: number
  readonly survived: number
  readonly noCoverage: number
  readonly equivalent: number
  /** StringLiteral mutants of message text, left out (only when scoring with `excludeMessages`). */
  readonly messages?: number
}

/** A surviving (or uncovered) mutant no entry of equivalent.json explains. */
export interface Survivor {
  readonly file: string
  readonly line: number
  readonly mutator: string
  readonly original: string
  readonly replacement: string
  readonly status: string
}

export function readReport(path: string): StrykerReport {
  return JSON.parse(readFileSync(path, 'utf8')) as StrykerReport
}

/** The source text a mutant replaces (locations are 1-based lines, 1-based columns). */
export function originalText(source: string, m: ReportMutant): string {
  const lines = source.split('\n')
  const { start, end } = m.location
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
  const middle = lines.slice(start.line, end.line - 1)
  return [(lines[start.line - 1] ?? '').slice(start.column - 1), ...middle, (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n')
}

/**
 * Whether a mutant only changes a message: a StringLiteral mutant whose literal (string or template)
 * contains a space. Reason codes, JSON keys, prefixes and tags (`'exp'`, `'CAVEAT_MALFORMED'`,
 * `'pypi-'`) hold no space and stay counted; sentences hold spaces. A syntactic rule, applied to every
 * such mutant whatever its status, so that leaving them out cannot favour the survivors.
 */
export function isMessage(mutatorName: string, original: string): boolean {
  return mutatorName === 'StringLiteral' && original.includes(' ')
}

const matches = (e: Equivalent, file: string, m: ReportMutant, original: string) => e.file === file && e.mutator === m.mutatorName && e.replacement === m.replacement && e.original === original

/** detected / valid as a percentage, rounded down to hundredths. */
export const percent = (detected: number, valid: number) => Math.floor((10000 * detected) / valid) / 100

/** The sum of some files' counts, scored as one. */
export function aggregate(scores: readonly FileScore[]): FileScore {
  const sum = (k: 'killed' | 'timeout' | 'survived' | 'noCoverage' | 'equivalent' | 'messages') => scores.reduce((n, s) => n + (s[k] ?? 0), 0)
  const c = { killed: sum('killed'), timeout: sum('timeout'), survived: sum('survived'), noCoverage: sum('noCoverage'), equivalent: sum('equivalent'), messages: sum('messages') }
  const valid = c.killed + c.timeout + c.survived + c.noCoverage
  return { score: valid === 0 ? 0 : percent(c.killed + c.timeout, valid), ...c }
}

/** Scores of every file of the report that has valid mutants, the unexplained survivors, and the entries that matched. */
export function scoresOf(report: StrykerReport, equivalents: readonly Equivalent[], { excludeMessages = false } = {}): { scores: Record<string, FileScore>; survivors: Survivor[]; used: Set<Equivalent> } {
  const scores: Record<string, FileScore> = {}
  const survivors: Survivor[] = []
  const used = new Set<Equivalent>()
  for (const [file, data] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0 }
    let messages = 0
    for (const m of data.mutants) {
      if (excludeMessages && ['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status) && isMessage(m.mutatorName, originalText(data.source, m))) messages++
      else if (m.status === 'Killed') c.killed++
      else if (m.status === 'Timeout') c.timeout++
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const original = originalText(data.source, m)
        const entry = equivalents.find((e) => matches(e, file, m, original))
        if (entry !== undefined) {
          c.equivalent++
          used.add(entry)
        } else {
          if (m.status === 'Survived') c.survived++
          else c.noCoverage++
          survivors.push({ file, line: m.location.start.line, mutator: m.mutatorName, original, replacement: m.replacement, status: m.status })
        }
      }
    }
    const valid = c.killed + c.timeout + c.survived + c.noCoverage
    if (valid > 0) scores[file] = { score: percent(c.killed + c.timeout, valid), ...c, ...(excludeMessages ? { messages } : {}) }
  }
  return { scores, survivors, used }
}
