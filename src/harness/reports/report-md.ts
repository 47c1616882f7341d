/**
 * @module The Markdown report: whether the run passed and why not, the counts at both levels
 * (VEC-7), a per-file table, and every vector that did not pass, with its message.
 */
import type { ConformanceResults, VectorResult } from '../../generated/types.js'
import { OUTCOMES } from '../judging/outcomes.js'
import { countsByFile, LEVELS, summaryLine, uncheckedFailuresNote } from './summary.js'

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``)

/** Renders results as a Markdown document. */
export function markdownReport(r: ConformanceResults): string {
  const out: string[] = []
  const section = (title: string, note: string, items: readonly string[]) => {
    if (items.length > 0) out.push(`## ${title}`, '', note, '', ...items, '')
  }
  out.push(`# Conformance results: ${r.implementation.name} ${r.implementation.version}`, '')
  out.push(`Adapter ${code(r.adapter)} (ops: ${r.ops.length === 0 ? 'none' : r.ops.join(', ')}), suite ${r.suite_version}, ${(r.duration_ms / 1000).toFixed(1)} s, ${r.restarts} restart${r.restarts === 1 ? '' : 's'}.`, '')
  out.push(`**${r.passed ? 'PASSED' : 'FAILED'}**`, '')
  for (const level of LEVELS) out.push(`- ${level.name} level: ${summaryLine(level.summary(r))}`)
  for (const p of r.problems) out.push(`- not passed: ${cell(p)}`)
  out.push('', `| level | ${OUTCOMES.join(' | ')} |`, `|---|${OUTCOMES.map(() => '---:|').join('')}`)
  for (const level of LEVELS) out.push(`| ${level.name} | ${OUTCOMES.map((o) => level.summary(r)[o]).join(' | ')} |`)
  out.push('')
  section('Stale xfail entries', 'These entries match no vector; remove them (a stale entry fails the run).', r.stale_xfails.map((id) => `- ${code(id)}`))
  section('Protocol warnings', 'Faults attributed to no vector (they do not fail the run).', (r.protocol_warnings ?? []).map((w) => `- ${w.replace(/\r?\n/g, ' ')}`))
  const unchecked = uncheckedFailuresNote(r.results)
  if (unchecked !== null) out.push('## Failure lists not checked', '', `${unchecked}.`, '')
  out.push('## By file', '', `| file | level | ${OUTCOMES.join(' | ')} |`, `|---|---|${OUTCOMES.map(() => '---:|').join('')}`)
  const [verdict, reason] = LEVELS.map((l) => countsByFile(r.results, l.of))
  for (const [file, c] of verdict ?? []) {
    out.push(`| ${code(file)} | verdict | ${OUTCOMES.map((o) => (c[o] === 0 ? '' : String(c[o]))).join(' | ')} |`)
    const rc = reason?.get(file) ?? c
    out.push(`|  | reason | ${OUTCOMES.map((o) => (rc[o] === 0 ? '' : String(rc[o]))).join(' | ')} |`)
  }
  out.push('')
  const notPassing = r.results.filter((x) => x.outcome !== 'PASS')
  out.push('## Not passing', '')
  if (notPassing.length === 0) out.push('Every vector passed at both levels.')
  else {
    out.push('| vector | file | verdict | reason | message |', '|---|---|---|---|---|')
    for (const x of notPassing) out.push(`| ${code(x.id)} | ${code(x.file)} | ${x.verdict} | ${x.outcome} | ${cell(messageOf(x))} |`)
  }
  return out.join('\n') + '\n'
}

/** The message of a result: the verdict's when it differs, then the reason level's, then the xfail reason. */
export function messageOf(x: VectorResult): string {
  const parts = [x.verdict_message === undefined ? '' : `verdict: ${x.verdict_message}`, x.message ?? ''].filter((p) => p !== '')
  const message = parts.join('; ')
  const xpass = x.outcome === 'XPASS' || x.verdict === 'XPASS'
  return x.xfail === undefined || xpass ? message : `${message}${message === '' ? '' : ' '}(xfail: ${x.xfail})`
}
