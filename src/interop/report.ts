/**
 * @module The interop matrix as people read it: minter → restricter rows × verifier columns, each
 * cell counting the cases that agree with the spec, deviate at the verdict level, deviate only at
 * the reason level, or were skipped; then every deviation, explained or not, with its chain shrunk
 * to a minimal case. Text for the terminal, Markdown and HTML for reports/interop/, and the JSON
 * results (interop-results.schema.json), validated before they are written.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateRef } from '../caveats/schema-validator.js'
import type { InteropChain, InteropDeviation, InteropResults } from '../generated/types.js'
import { escapeHtml } from '../harness/reports/report-html.js'
import { alignColumns } from '../harness/reports/summary.js'
import { parseToken } from '../token/parse.js'
import { textOrHex } from '../bytes.js'

/** One cell: `34 agree, 62 differ, 4 reason only, 12 skipped` (zeros left out), plus unexplained ones. */
export function cellOf(c: InteropChain): string {
  const parts = ([['agree', c.agree], ['differ', c.verdict], ['reason only', c.reason], ['skipped', c.skipped]] as const).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`)
  return `${parts.join(', ') || '-'}${c.unexplained > 0 ? ` (${c.unexplained} UNEXPLAINED)` : ''}`
}

/** The rows and columns of the matrix: header, then one row per minter → restricter. */
export function matrixRows(r: InteropResults): string[][] {
  const verifiers = [...new Set(r.chains.map((c) => c.verifier))]
  const rows = [...new Set(r.chains.map((c) => `${c.minter} → ${c.restricter ?? '—'}`))]
  return [
    ['minter → restricter', ...verifiers.map((v) => `verified by ${v}`)],
    ...rows.map((row) => [row, ...verifiers.map((v) => {
      const chain = r.chains.find((c) => `${c.minter} → ${c.restricter ?? '—'}` === row && c.verifier === v)
      return chain === undefined ? '' : cellOf(chain)
    })]),
  ]
}

export const LEGEND = [
  'agree: every step did what the spec prescribes for its input',
  'differ: a step accepted, refused, crashed on or wrote something else than the spec prescribes (the verdict level)',
  'reason only: the same verdicts, another reason code (the reason level)',
  'skipped: a step answered unsupported (a restriction it cannot write, a request it cannot represent)',
]

/** The caveats of a token, as text, or why it does not parse. */
function caveatsOf(token: string): string[] | string {
  const parsed = parseToken(token, { anyPrefix: true })
  if (!parsed.ok) return token
  return parsed.token.macaroon.caveats.map((c) => {
    const t = textOrHex(c.id)
    return typeof t === 'string' ? t : `hex ${t.hex}`
  })
}

/** A step's answer or the spec's, in words: verdicts as they are, tokens by the caveats they add. */
function said(step: InteropDeviation['minimal']['steps'][number], text: string): string {
  if (!text.startsWith('pypi-')) return text
  const now = caveatsOf(text)
  if (typeof now === 'string') return now
  const before = step.role === 'restrict' ? caveatsOf(String(step.request.token)) : []
  const added = now.slice(typeof before === 'string' ? 0 : before.length)
  return `${step.role === 'mint' ? 'a token with' : 'appends'} ${added.length === 0 ? 'no caveats' : added.join(' ')}`
}

/** The minimal chain of a deviation, one line per step. */
export function minimalLines(d: InteropDeviation): string[] {
  const m = d.minimal
  const c = m.case as { issued?: { kind?: string; caveats?: string[] }; restrictions?: unknown[]; context?: unknown }
  const lines = [
    `minimal chain ${m.chain} (${m.shrinks} shrinks; seed ${m.seed}, path ${m.path || '-'}):`,
    `  issued ${c.issued?.kind ?? '?'} token ${(c.issued?.caveats ?? []).join(' ') || '(no caveats)'}; narrowed with ${JSON.stringify(c.restrictions ?? [])}`,
    `  request ${JSON.stringify(c.context)}`,
  ]
  for (const s of m.steps) {
    const answer = said(s, s.answer)
    const spec = said(s, s.spec)
    lines.push(`  ${s.role.padEnd(8)} ${s.implementation}: ${answer}${answer === spec ? ' (as the spec)' : `; the spec: ${spec}`}`)
  }
  return lines
}

/** The whole text report: the matrix, the legend, each deviation and the run's verdict. */
export function interopText(r: InteropResults): string {
  const lines = [
    `Interop matrix: ${r.runs} generated cases (seed ${r.seed}) through ${r.chains.length} chains; minters mint the caveats the index writes for each token kind.`,
    '',
    r.chains.length === 0 ? 'No chain could run.' : alignColumns(matrixRows(r), Number.POSITIVE_INFINITY),
    '',
    ...LEGEND,
  ]
  for (const d of r.deviations) {
    lines.push('', `${d.id} — ${d.level} level, ${d.count} chain run${d.count === 1 ? '' : 's'}`)
    lines.push(d.explanation === null ? '  UNEXPLAINED: no entry of the explanations file covers it' : `  explained: ${d.explanation.reason} Effect: ${d.explanation.effect} (${d.explanation.spec.join(', ')})`)
    lines.push(...minimalLines(d).map((l) => `  ${l}`))
  }
  if (r.unseen_explanations.length > 0) lines.push('', `explanations no case of this run needed: ${r.unseen_explanations.join('; ')}`)
  lines.push('', r.passed ? 'interop: PASSED (every deviation is explained)' : 'interop: FAILED', ...r.problems.map((p) => `  ${p}`))
  return lines.join('\n')
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|')

export function interopMarkdown(r: InteropResults): string {
  const [head, ...rows] = matrixRows(r)
  const table = head === undefined ? 'No chain could run.' : [`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`)].join('\n')
  const devs = r.deviations.map((d) =>
    [`### ${d.id}`, '', `${d.level} level, ${d.count} chain runs. ${d.explanation === null ? '**Unexplained.**' : `${d.explanation.reason} *Effect:* ${d.explanation.effect} (${d.explanation.spec.join(', ')})`}`, '', '```text', ...minimalLines(d), '```'].join('\n'),
  )
  return [`# Interop matrix`, '', `${r.runs} generated cases (seed ${r.seed}) through ${r.chains.length} chains, suite ${r.suite_version}: **${r.passed ? 'PASSED' : 'FAILED'}**.`, '', table, '', ...LEGEND.map((l) => `- ${l}`), '', '## Deviations', '', ...devs, ...r.problems.map((p) => `- not passed: ${p}`)].join('\n') + '\n'
}

export function interopHtml(r: InteropResults): string {
  const e = escapeHtml
  const [head, ...rows] = matrixRows(r)
  const table = `<table><tr>${(head ?? []).map((h) => `<th>${e(h)}</th>`).join('')}</tr>${rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th>${e(c)}</th>` : `<td class="${c.includes('UNEXPLAINED') ? 'bad' : ''}">${e(c)}</td>`)).join('')}</tr>`).join('\n')}</table>`
  const devs = r.deviations.map((d) => `<h3>${e(d.id)}</h3><p>${d.level} level, ${d.count} chain runs. ${d.explanation === null ? '<strong class="bad">Unexplained.</strong>' : `${e(d.explanation.reason)} <em>Effect:</em> ${e(d.explanation.effect)}`}</p><pre>${e(minimalLines(d).join('\n'))}</pre>`).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Interop matrix</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}pre{font:12px ui-monospace,monospace;white-space:pre-wrap}.bad{color:#cf222e}</style></head><body>
<h1>Interop matrix</h1>
<p>${r.runs} generated cases (seed ${r.seed}) through ${r.chains.length} chains, suite ${e(r.suite_version)}: <strong>${r.passed ? 'PASSED' : 'FAILED'}</strong>.</p>
${table}
<ul>${LEGEND.map((l) => `<li>${e(l)}</li>`).join('')}${r.problems.map((p) => `<li class="bad">not passed: ${e(p)}</li>`).join('')}</ul>
<h2>Deviations</h2>
${devs}
</body></html>
`
}

/** Validates the results and writes interop.json, interop.md and interop.html into `dir`; returns the paths. */
export function writeInteropReports(r: InteropResults, dir: string): string[] {
  const valid = validateRef('interop-results.schema.json', r)
  if (!valid.ok) throw new Error(`harness bug: the interop results do not match interop-results.schema.json: ${valid.message}`)
  mkdirSync(dir, { recursive: true })
  const files: [string, string][] = [
    ['interop.json', JSON.stringify(r, null, 2) + '\n'],
    ['interop.md', interopMarkdown(r)],
    ['interop.html', interopHtml(r)],
  ]
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  })
}
