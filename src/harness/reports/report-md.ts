/** @module The Markdown report: summary, a per-file table, and every vector that did not pass, with its message. */
import type { ConformanceResults, VectorResult } from '../../generated/types.js'
import { OUTCOMES, runFailed } from '../judging/outcomes.js'
import { countsByFile, summaryLine } from './summary.js'

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``)

/** Renders results as a Markdown document. */
export function markdownReport(r: ConformanceResults): string {
  const out: string[] = []
  out.push(`# Conformance results: ${r.implementation.name} ${r.implementation.version}`, '')
  out.push(`Adapter ${code(r.adapter)}, suite ${r.suite_version}, ${(r.duration_ms / 1000).toFixed(1)} s, ${r.restarts} restart${r.restarts === 1 ? '' : 's'}.`, '')
  out.push(`**${runFailed(r) ? 'FAILED' : 'PASSED'}**: ${summaryLine(r.summary)}${r.stale_xfails.length > 0 ? `, ${r.stale_xfails.length} stale xfail entries` : ''}.`, '')
  out.push(`| ${OUTCOMES.join(' | ')} |`, `|${OUTCOMES.map(() => '---:|').join('')}`, `| ${OUTCOMES.map((o) => r.summary[o]).join(' | ')} |`, '')
  if (r.stale_xfails.length > 0) {
    out.push('## Stale xfail entries', '', 'These entries match no vector; remove them (a stale entry fails the run).', '')
    for (const id of r.stale_xfails) out.push(`- ${code(id)}`)
    out.push('')
  }
  if ((r.protocol_warnings ?? []).length > 0) {
    out.push('## Protocol warnings', '', 'Faults attributed to no vector (they do not fail the run).', '')
    for (const w of r.protocol_warnings ?? []) out.push(`- ${w.replace(/\r?\n/g, ' ')}`)
    out.push('')
  }
  out.push('## By file', '', `| file | ${OUTCOMES.join(' | ')} |`, `|---|${OUTCOMES.map(() => '---:|').join('')}`)
  for (const [file, c] of countsByFile(r.results)) out.push(`| ${code(file)} | ${OUTCOMES.map((o) => (c[o] === 0 ? '' : String(c[o]))).join(' | ')} |`)
  out.push('')
  const notPassing = r.results.filter((x) => x.outcome !== 'PASS')
  out.push('## Not passing', '')
  if (notPassing.length === 0) out.push('Every vector passed.')
  else {
    out.push('| vector | file | outcome | message |', '|---|---|---|---|')
    for (const x of notPassing) out.push(`| ${code(x.id)} | ${code(x.file)} | ${x.outcome} | ${cell(messageOf(x))} |`)
  }
  return out.join('\n') + '\n'
}

/** The message of a result, with the xfail reason when there is one. */
export function messageOf(x: VectorResult): string {
  const message = x.message ?? ''
  return x.xfail === undefined || x.outcome === 'XPASS' ? message : `${message}${message === '' ? '' : ' '}(xfail: ${x.xfail})`
}
