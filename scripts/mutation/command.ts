/**
 * The `npm run mutation` command (scripts/mutation.ts), as a function of its arguments so that
 * tests call it in-process. See scripts/mutation.ts for the options and exit statuses.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { changedSince, filesInScope, filesWithoutMutants, ROOT, scopePatterns } from './scope.js'
import { readReport, scoresOf, type Equivalent, type FileScore } from './scores.js'

const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json')
const DEFAULT_THRESHOLD = 95
const TOOL = 'StrykerJS 9.6.1, vitest runner, TypeScript checker, per-test coverage (stryker.config.json)'

export interface ScoresFile {
  readonly tool: string
  readonly files: Record<string, FileScore & { readonly threshold: number }>
  /** Files in scope in which Stryker finds nothing to mutate (types, re-exports). */
  readonly withoutMutants: readonly string[]
}

export interface Output {
  out(line: string): void
  err(line: string): void
}

class Usage extends Error {}

const USAGE = 'usage: npm run mutation -- [--since REF] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]'
const OPTIONS = { since: { type: 'string' }, report: { type: 'string' }, json: { type: 'string' }, scores: { type: 'string' }, equivalent: { type: 'string' } } as const

/** Runs the command; returns its exit status (0 every measured file meets its threshold, 1 not, 2 bad usage). */
export function mutationCommand(argv: readonly string[], io: Output, runStryker = strykerRun): number {
  try {
    return run(argv, io, runStryker)
  } catch (err) {
    if (!(err instanceof Usage)) throw err
    io.err(`mutation: ${err.message}`)
    io.err(USAGE)
    return 2
  }
}

/** Runs StrykerJS (all files in scope, or these), writing its JSON report; returns its exit status. */
function strykerRun(files: readonly string[] | null): number | null {
  return spawnSync('npx', ['stryker', 'run', ...(files === null ? [] : ['--mutate', files.join(',')])], { cwd: ROOT, stdio: 'inherit' }).status
}

function run(argv: readonly string[], io: Output, runStryker: (files: readonly string[] | null) => number | null): number {
  let values: { since?: string; report?: string; json?: string; scores?: string; equivalent?: string }
  try {
    ;({ values } = parseArgs({ args: [...argv], options: OPTIONS }))
  } catch (err) {
    throw new Usage((err as Error).message)
  }
  const scoresPath = values.scores ?? join(ROOT, 'test', 'mutation', 'scores.json')
  const equivalentPath = values.equivalent ?? join(ROOT, 'test', 'mutation', 'equivalent.json')
  const writeJson = (data: unknown) => values.json !== undefined && writeFileSync(values.json, JSON.stringify(data, null, 2) + '\n')

  let files: string[] | null = null
  if (values.since !== undefined) {
    const ref = values.since
    if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: ROOT }).status !== 0) throw new Usage(`--since ${ref}: no such commit`)
    files = changedSince(ref, scopePatterns())
    if (files.length === 0) {
      io.out(`mutation: no file in the mutation scope changed since ${ref}; nothing to do`)
      writeJson({ since: ref, files: {}, survivors: [], stale: [] })
      return 0
    }
    io.out(`mutation: ${files.length} file(s) in scope changed since ${ref}: ${files.join(', ')}`)
  }

  let reportPath = values.report
  if (reportPath === undefined) {
    const status = runStryker(files)
    if (status !== 0) {
      io.err(`mutation: stryker exited with status ${status}`)
      return 1
    }
    reportPath = REPORT
  }
  if (!existsSync(reportPath)) throw new Usage(`no Stryker report at ${reportPath}`)

  const equivalents = JSON.parse(readFileSync(equivalentPath, 'utf8')) as Equivalent[]
  const report = readReport(reportPath)
  const { scores, survivors, used } = scoresOf(report, equivalents)
  const previous: ScoresFile = existsSync(scoresPath) ? (JSON.parse(readFileSync(scoresPath, 'utf8')) as ScoresFile) : { tool: TOOL, files: {}, withoutMutants: [] }
  const measured = Object.keys(scores)
  const full = files === null && values.report === undefined // a run over every file replaces the record
  const merged: ScoresFile['files'] = full ? {} : { ...previous.files }
  // A ratchet: a file starts at the target; a file recorded below it keeps its recorded score,
  // rounded down, as its threshold, which rises with the score (up to the target) and never falls.
  const thresholdOf = (file: string, score: number) => {
    const previousThreshold = previous.files[file]?.threshold
    return previousThreshold === undefined ? DEFAULT_THRESHOLD : Math.max(previousThreshold, Math.min(DEFAULT_THRESHOLD, Math.floor(score)))
  }
  for (const file of measured) merged[file] = { ...(scores[file] as FileScore), threshold: thresholdOf(file, (scores[file] as FileScore).score) }
  // with --report, which files the run was asked to mutate is not known: only its report says
  const mutated = values.report !== undefined ? [] : (files ?? filesInScope(scopePatterns()))
  const empty = filesWithoutMutants(mutated, Object.keys(report.files), measured)
  const withoutMutants = [...new Set([...(full ? [] : previous.withoutMutants.filter((f) => !measured.includes(f))), ...empty])].sort()
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(scoresPath, JSON.stringify({ tool: TOOL, files: sorted, withoutMutants } satisfies ScoresFile, null, 2) + '\n')

  const stale = equivalents.filter((e) => measured.includes(e.file) && !used.has(e))
  const below = measured.filter((f) => (merged[f] as FileScore & { threshold: number }).score < (merged[f] as { threshold: number }).threshold)
  io.out('\nfile                                   score  killed timeout survived no-cov equivalent')
  for (const f of measured) {
    const s = merged[f] as FileScore & { threshold: number }
    const cells = [s.score.toFixed(2).padStart(6), String(s.killed).padStart(7), String(s.timeout).padStart(7), String(s.survived).padStart(8), String(s.noCoverage).padStart(6), String(s.equivalent).padStart(10)]
    io.out(`${f.padEnd(38)} ${cells.join(' ')}${s.score < s.threshold ? `   BELOW ${s.threshold}` : ''}`)
  }
  for (const s of survivors) io.out(`SURVIVED ${s.file}:${s.line} ${s.mutator}: ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}${s.status === 'NoCoverage' ? ' (no test covers it)' : ''}`)
  for (const e of stale) io.out(`STALE equivalent.json entry: ${e.file} ${e.mutator} ${JSON.stringify(e.original)} -> ${JSON.stringify(e.replacement)} matches no surviving mutant`)
  writeJson({ since: values.since ?? null, files: Object.fromEntries(measured.map((f) => [f, merged[f]])), survivors, stale })
  io.out(`\n${measured.length} file(s) measured, ${below.length} below threshold, ${survivors.length} unexplained survivor(s), ${stale.length} stale equivalent entr${stale.length === 1 ? 'y' : 'ies'}`)
  return below.length > 0 || stale.length > 0 ? 1 : 0
}
