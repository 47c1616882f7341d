/**
 * A vitest reporter that ends the run with two short lists: the slowest test files (where the
 * wall time went) and every skipped suite or test with the reason it gives. Suites that skip for
 * a missing tool say why in their name, `… (skipped: <reason>)`, or with a skip note; one that
 * gives no reason is listed as "no reason given", so that a silent skip shows.
 */
import { leftOut } from '../tiers.js'
import type { Reporter, TestCase, TestModule, TestSuite, Vitest } from 'vitest/node'

/** How many of the slowest files to list. */
const SLOWEST = 10

/** The parts of vitest's reported tasks this reporter reads (so that tests can build them by hand). */
export interface SkippableTask {
  readonly type: 'test' | 'suite'
  readonly name: string
  readonly fullName: string
  readonly module: { readonly relativeModuleId: string }
  skipped(): boolean
  note(): string | undefined
}

export interface TimedModule {
  readonly relativeModuleId: string
  /** Milliseconds from the start of the file's setup to the end of its last test. */
  readonly ms: number
}

/** Why a task was skipped: its skip note, or the `(skipped: …)` that ends its name; null when it gives none. */
export function reasonOf(task: Pick<SkippableTask, 'name' | 'note'>): string | null {
  const note = task.note()
  if (note !== undefined && note !== '') return note
  const m = /\(skipped: (.+)\)$/.exec(task.name)
  return m === null ? null : (m[1] as string)
}

/** The lines this reporter prints at the end of a run. */
export function summaryLines(modules: readonly TimedModule[], skipped: readonly SkippableTask[], filtered: boolean, leftOut: readonly string[] = []): string[] {
  const lines: string[] = []
  const slow = [...modules].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST)
  if (slow.length > 0) {
    lines.push(`slowest test files (setup, import and tests, each file on its own):`)
    for (const m of slow) lines.push(`  ${(m.ms / 1000).toFixed(1).padStart(6)} s  ${m.relativeModuleId}`)
  }
  if (filtered) {
    if (skipped.length > 0) lines.push(`${skipped.length} suites or tests not selected (-t): not listed`)
    return lines
  }
  if (leftOut.length > 0) lines.push(`left out by npm run test:quick (npm test runs them): ${leftOut.join(', ')}`)
  lines.push(skipped.length === 0 ? 'skipped: nothing' : `skipped (${skipped.length}):`)
  for (const t of skipped) lines.push(`  ${t.module.relativeModuleId} > ${t.fullName.replace(/ \(skipped: .+\)$/, '')}: ${reasonOf(t) ?? 'no reason given'}`)
  return lines
}

/** The highest skipped tasks of a module: a skipped suite stands for everything in it. */
function topSkipped(module: TestModule): SkippableTask[] {
  const out: SkippableTask[] = []
  const visit = (children: Iterable<TestSuite | TestCase>) => {
    for (const child of children) {
      const skipped = child.type === 'suite' ? child.state() === 'skipped' : child.result().state === 'skipped'
      if (skipped) {
        const note = child.type === 'test' ? (child.result() as { note?: string }).note : undefined
        out.push({ type: child.type, name: child.name, fullName: child.fullName, module, skipped: () => true, note: () => note })
      } else if (child.type === 'suite') visit(child.children)
    }
  }
  visit(module.children)
  return out
}

export default class SummaryReporter implements Reporter {
  private filtered = false

  onInit(vitest: Vitest): void {
    this.filtered = vitest.config.testNamePattern !== undefined
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const timed = modules.map((m): TimedModule => {
      const d = m.diagnostic()
      return { relativeModuleId: m.relativeModuleId, ms: d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration }
    })
    const skipped = modules.flatMap(topSkipped)
    process.stdout.write(`\n${summaryLines(timed, skipped, this.filtered, leftOut()).join('\n')}\n`)
  }
}
