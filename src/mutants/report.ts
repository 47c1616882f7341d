/** @module The gate's text output: one line per mutant, then a summary line. */
import type { BaselineResult, GateReport, MutantResult } from './gate.js'

/** How many failing vector ids a KILLED line shows. */
const SHOWN = 3

const LABEL: Record<MutantResult['status'], string> = {
  KILLED: 'KILLED',
  SURVIVED: 'SURVIVED',
  NOT_APPLYING: 'NO LONGER APPLIES',
  BROKEN: 'BROKEN',
}

export function baselineLine(b: BaselineResult): string {
  if (b.passed) return `baseline      the unmutated reference passes all ${b.vectors} vectors (${seconds(b.duration_ms)})`
  const shown = b.failed_vectors.slice(0, SHOWN).join(', ')
  return `BASELINE FAILS  ${b.message ?? ''}${shown === '' ? '' : `: ${shown}${b.failed_count > SHOWN ? ', …' : ''}`}`
}

export function mutantLine(r: MutantResult, nameWidth = 40): string {
  const head = `${LABEL[r.status].padEnd(9)} ${r.name.padEnd(nameWidth)}`
  switch (r.status) {
    case 'KILLED': {
      const more = r.failed_count > SHOWN ? `, … (${r.failed_count} vectors)` : ''
      const crashes = Object.entries(r.failed_outcomes).filter(([o]) => o !== 'FAIL')
      const note = crashes.length === 0 ? '' : ` [${crashes.map(([o, n]) => `${n} ${o}`).join(', ')}${(r.failed_outcomes.FAIL ?? 0) === 0 ? ': crashing, not caught?' : ''}]`
      return `${head} ${r.failed_vectors.slice(0, SHOWN).join(', ')}${more}${note}`
    }
    case 'SURVIVED':
      return `${head} no vector fails — ${r.description} (targets: ${r.targets.join(', ')})`
    default:
      return `${head} ${r.message ?? ''}`
  }
}

export function summaryLine(report: GateReport): string {
  const s = report.summary
  const verdict = report.ok ? 'PASSED' : 'FAILED'
  if (!report.baseline.passed) return `mutant gate ${verdict}: the unmutated reference does not pass every vector, no mutant was run (${seconds(report.duration_ms)})`
  return (
    `mutant gate ${verdict}: ${s.killed} killed, ${s.survived} survived, ${s.not_applying} no longer apply, ${s.broken} broken ` +
    `(${report.mutants.length} mutants, ${report.jobs} at a time, ${seconds(report.duration_ms)})`
  )
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
