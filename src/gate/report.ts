/** @module The gate's report: one line per check for a terminal, and Markdown for a CI step summary. */
import type { CheckResult } from './check.js'
import type { ProposalGateReport } from './gate.js'

const LABEL: Record<CheckResult['status'], string> = { PASS: 'PASS', FAIL: 'FAIL', NOT_RUN: 'NOT RUN' }
const WIDTH = 16

/** `PASS    schema            tag 5, …`, and for a failure one indented line per reason. */
export function checkLines(r: CheckResult): string {
  const head = `${LABEL[r.status].padEnd(8)}${r.name.padEnd(WIDTH)}`
  if (r.status !== 'FAIL') return `${head}  ${r.summary}`
  return [`${head}  ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`, ...r.problems.map((p) => `${' '.repeat(8 + WIDTH)}  - ${p}`)].join('\n')
}

export function headLine(report: Pick<ProposalGateReport, 'proposal'>): string {
  const { slug, tag, path } = report.proposal
  return `gate ${path}${slug === '' ? '' : `: ${slug}${tag === null ? '' : `, tag ${tag}`}`}`
}

export function summaryLine(report: ProposalGateReport): string {
  const count = (s: CheckResult['status']) => report.checks.filter((c) => c.status === s).length
  return `gate ${report.ok ? 'PASSED' : 'FAILED'}: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('NOT_RUN')} not run (${(report.duration_ms / 1000).toFixed(1)} s)`
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** A Markdown table of the checks, for `$GITHUB_STEP_SUMMARY`. */
export function markdownReport(report: ProposalGateReport): string {
  const rows = report.checks.map((c) => `| ${c.status === 'PASS' ? '✅' : c.status === 'FAIL' ? '❌' : '⏭️'} ${LABEL[c.status]} | \`${c.name}\` | ${cell(c.status === 'FAIL' ? c.problems.join('; ') : c.summary)} |`)
  return [`## ${cell(headLine(report))}`, '', summaryLine(report), '', '| result | check | details |', '|---|---|---|', ...rows, ''].join('\n')
}
