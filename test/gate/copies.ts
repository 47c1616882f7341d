/** Broken copies of a proposal, made in a temporary folder and gated (test/fixtures/broken-proposals/). */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { runProposalGate, type ProposalGateOptions, type ProposalGateReport } from '../../src/gate/gate.js'
import { patch } from '../../src/mutants/mutant.js'
import type { BrokenCopy } from '../fixtures/broken-proposals/broken-copy.js'

export const ROOT = join(import.meta.dirname, '..', '..')

/** The deployed implementation every test can run without setup: the reference without the proposal. */
/** Judged against HEAD (PROP-27), so that a branch's committed edits of spec/ or vectors/ are the base, not the change set. */
export const QUICK: Partial<ProposalGateOptions> = { deployed: ['reference'], lawRuns: 200, seed: 1, base: 'HEAD' }

/** A copy of proposals/<slug> and of CHANGELOG.md in `temp`, with the edits made (each `find` exactly once). */
export function makeCopy(slug: string, broken: Pick<BrokenCopy, 'edits' | 'breakage'>, temp: string): { dir: string; changelog: string } {
  const base = join(temp, broken.breakage)
  const dir = join(base, slug)
  mkdirSync(base, { recursive: true })
  cpSync(join(ROOT, 'proposals', slug), dir, { recursive: true })
  const changelog = join(base, 'CHANGELOG.md')
  copyFileSync(join(ROOT, 'CHANGELOG.md'), changelog)
  for (const edit of broken.edits) {
    const path = edit.file === 'CHANGELOG.md' ? changelog : join(dir, edit.file)
    const result = patch(readFileSync(path, 'utf8'), { ...edit, name: `fixture/${broken.breakage}`, description: '', targets: [] })
    if (!result.ok) throw new Error(`the fixture ${slug}/${broken.breakage} no longer applies: ${result.message}`)
    writeFileSync(path, result.text)
  }
  return { dir, changelog }
}

/** Gates a broken copy of proposals/<slug>. */
export async function gateCopy(slug: string, broken: BrokenCopy, options: Partial<ProposalGateOptions> = QUICK): Promise<ProposalGateReport> {
  const temp = mkdtempSync(join(tmpdir(), 'broken-proposal-'))
  try {
    const { dir, changelog } = makeCopy(slug, broken, temp)
    return await runProposalGate({ root: ROOT, proposal: dir, changelog, ...options })
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** The report is exactly the verdict the broken copy declares. */
export function expectVerdict(report: ProposalGateReport, broken: BrokenCopy): void {
  const status = (name: string) => (name in broken.fails ? 'FAIL' : broken.notRun?.includes(name as never) ? 'NOT_RUN' : 'PASS')
  const problems = (c: ProposalGateReport['checks'][number]) => (c.status === 'FAIL' ? c.problems.join(' | ') : c.summary)
  expect(Object.fromEntries(report.checks.map((c) => [c.name, `${c.status}: ${problems(c)}`.slice(0, 400)]))).toEqual(
    Object.fromEntries(report.checks.map((c) => [c.name, expect.stringMatching(new RegExp(`^${status(c.name)}: `))])),
  )
  for (const [name, phrase] of Object.entries(broken.fails)) {
    expect(report.checks.find((c) => c.name === name)?.problems.join('\n')).toContain(phrase)
  }
  expect(report.ok).toBe(false)
}
