/**
 * The `npm run mutation` command (scripts/mutation.ts), as a function of its arguments so that
 * tests call it in-process. See scripts/mutation.ts for the options and exit statuses.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { filesInScope, filesWithoutMutants, inScope, ROOT, scopePatterns } from './scope.js'
import { forgetSurvivors, layOutIncrementalFile } from './layout.js'
import { readReport, scoresOf, type Equivalent, type FileScore } from './scores.js'
import { inVectorsCore, vectorsScores, type VectorsScores } from './vectors.js'

export const TARGET = 95

/** The two runs: the project's own tests (`npm run mutation`) and the vectors alone (`--vectors`). */
const RUNS = {
  main: {
    config: 'stryker.config.json',
    report: join(ROOT, 'reports', 'mutation', 'mutation.json'),
    incremental: join(ROOT, 'test', 'mutation', 'stryker-incremental.json'),
    tool: 'StrykerJS 9.6.1, vitest runner, TypeScript checker, per-test coverage, incremental (stryker.config.json)',
  },
  vectors: {
    config: 'stryker.vectors.config.json',
    report: join(ROOT, 'reports', 'mutation', 'vectors.json'),
    incremental: join(ROOT, 'test', 'mutation', 'stryker-incremental.vectors.json'),
    tool: 'StrykerJS 9.6.1, the checked-in vectors alone through the reference adapter in-process, StringLiteral mutants of messages left out (stryker.vectors.config.json)',
  },
} as const

export interface ScoresFile {
  readonly tool: string
  /** The main score's target, per file. */
  readonly target: number
  readonly files: Record<string, FileScore & { readonly threshold: number }>
  /** Files in scope in which Stryker finds nothing to mutate (types, re-exports). */
  readonly withoutMutants: readonly string[]
  /** The vectors-alone score (npm run mutation:vectors); absent until first measured. */
  readonly vectors?: VectorsScores
}

export interface Output {
  out(line: string): void
  err(line: string): void
}

class Usage extends Error {}

const USAGE = 'usage: npm run mutation -- [--vectors] [--full | --files PATHS | --retest-survivors] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]'
const OPTIONS = { vectors: { type: 'boolean' }, full: { type: 'boolean' }, 'retest-survivors': { type: 'boolean' }, files: { type: 'string' }, report: { type: 'string' }, json: { type: 'string' }, scores: { type: 'string' }, equivalent: { type: 'string' } } as const

/**
 * Runs StrykerJS with a config over its whole scope: incrementally, or from scratch (`full`); or,
 * with `mutate`, from scratch over those files alone, leaving the committed incremental file as it
 * is. Returns its exit status.
 */
export type StrykerRun = (options: { readonly config: string; readonly full: boolean; readonly mutate?: readonly string[] }) => number | null

/** Runs the command; returns its exit status (0 every file meets its threshold, 1 not, 2 bad usage). */
export function mutationCommand(argv: readonly string[], io: Output, runStryker: StrykerRun = strykerRun): number {
  try {
    return run(argv, io, runStryker)
  } catch (err) {
    if (!(err instanceof Usage)) throw err
    io.err(`mutation: ${err.message}`)
    io.err(USAGE)
    return 2
  }
}

/**
 * Stryker's own incremental mode (stryker.config.json: `incremental`, `incrementalFile`) reuses the
 * result of each mutant whose code and covering tests did not change; `--force` re-tests every mutant.
 */
const strykerRun: StrykerRun = ({ config, full, mutate }) => {
  // A run over some files writes its own incremental file (reports/ is not committed): the committed
  // one must keep describing the whole scope.
  const some = mutate === undefined ? [] : ['--mutate', mutate.join(','), '--incrementalFile', join('reports', 'mutation', 'some-files-incremental.json'), '--force']
  return spawnSync('npx', ['stryker', 'run', config, ...(full ? ['--force'] : []), ...some], { cwd: ROOT, stdio: 'inherit' }).status
}

function run(argv: readonly string[], io: Output, runStryker: StrykerRun): number {
  let values: { vectors?: boolean; full?: boolean; 'retest-survivors'?: boolean; files?: string; report?: string; json?: string; scores?: string; equivalent?: string }
  try {
    ;({ values } = parseArgs({ args: [...argv], options: OPTIONS }))
  } catch (err) {
    throw new Usage((err as Error).message)
  }
  if (values.full === true && values.report !== undefined) throw new Usage('--full runs Stryker; --report scores an existing report instead: not both')
  if (values.files !== undefined && (values.full === true || values.report !== undefined)) throw new Usage('--files runs Stryker on some files: not with --full or --report')
  if (values['retest-survivors'] === true && (values.full === true || values.files !== undefined || values.report !== undefined)) {
    throw new Usage('--retest-survivors re-tests the incremental file\'s survivors: not with --full, --files or --report')
  }
  // --files: the in-scope files among those given (any list of paths, such as a commit's), mutated
  // from scratch; their scores are merged into the record, whose other files keep theirs.
  const some = values.files === undefined ? undefined : values.files.split(',').map((f) => f.trim()).filter((f) => f !== '' && inScope(f, scopePatterns()))
  if (some !== undefined && some.length === 0) {
    io.out(`no file in the mutation scope among: ${values.files}`)
    if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ full: false, files: {}, survivors: [], stale: [] }, null, 2) + '\n')
    return 0
  }
  const scoresPath = values.scores ?? join(ROOT, 'test', 'mutation', 'scores.json')
  const equivalentPath = values.equivalent ?? join(ROOT, 'test', 'mutation', 'equivalent.json')
  const which = values.vectors === true ? RUNS.vectors : RUNS.main

  let reportPath = values.report
  if (values['retest-survivors'] === true) {
    if (!existsSync(which.incremental)) throw new Usage(`--retest-survivors: no incremental file at ${which.incremental}`)
    io.out(`forgot ${forgetSurvivors(which.incremental)} surviving or uncovered result(s) of ${which.incremental}: they are tested again`)
  }
  if (reportPath === undefined) {
    const status = runStryker({ config: which.config, full: values.full === true, ...(some === undefined ? {} : { mutate: some }) })
    if (some === undefined && existsSync(which.incremental)) layOutIncrementalFile(which.incremental)
    if (status !== 0) {
      io.err(`mutation: stryker exited with status ${status}`)
      return 1
    }
    reportPath = which.report
  }
  if (!existsSync(reportPath)) throw new Usage(`no Stryker report at ${reportPath}`)

  const equivalents = JSON.parse(readFileSync(equivalentPath, 'utf8')) as Equivalent[]
  const report = readReport(reportPath)
  const previous: ScoresFile = existsSync(scoresPath) ? (JSON.parse(readFileSync(scoresPath, 'utf8')) as ScoresFile) : { tool: RUNS.main.tool, target: TARGET, files: {}, withoutMutants: [] }
  if (values.vectors === true) {
    // The vectors run also leaves out what no vector can reach (equivalent.vectors.json), next to the
    // file given as --equivalent (test/mutation/equivalent.json by default).
    const unreachablePath = join(dirname(equivalentPath), 'equivalent.vectors.json')
    const unreachable = existsSync(unreachablePath) ? (JSON.parse(readFileSync(unreachablePath, 'utf8')) as Equivalent[]) : []
    return recordVectors(report, equivalents, unreachable, previous, scoresPath, values.json, io)
  }
  const { scores, survivors, used } = scoresOf(report, equivalents)
  const measured = Object.keys(scores)
  // A ratchet: a file starts at the target; a file recorded below it keeps its recorded score,
  // rounded down, as its threshold, which rises with the score (up to the target) and never falls.
  const thresholdOf = (file: string, score: number) => {
    const previousThreshold = previous.files[file]?.threshold
    return previousThreshold === undefined ? TARGET : Math.max(previousThreshold, Math.min(TARGET, Math.floor(score)))
  }
  // A run over the whole scope reports every file (an incremental run's report holds the reused
  // results too), so its report replaces the record; only the thresholds carry over. A report of
  // some files (--files, or a --report of a run with --mutate) is merged: the other files keep theirs.
  const whole = values.report === undefined && some === undefined
  const measuredFiles: ScoresFile['files'] = Object.fromEntries(measured.map((f) => [f, { ...(scores[f] as FileScore), threshold: thresholdOf(f, (scores[f] as FileScore).score) }]))
  const files: ScoresFile['files'] = whole ? measuredFiles : Object.fromEntries(Object.entries({ ...previous.files, ...measuredFiles }).sort(([a], [b]) => a.localeCompare(b)))
  // with --report, which files the run was asked to mutate is not known: only its report says
  const mutated = values.report !== undefined ? [] : (some ?? filesInScope(scopePatterns()))
  const found = filesWithoutMutants(mutated, Object.keys(report.files), measured)
  const withoutMutants = whole ? found : [...new Set([...previous.withoutMutants, ...found])].filter((f) => !measured.includes(f)).sort()
  writeScores(scoresPath, { tool: RUNS.main.tool, target: TARGET, files, withoutMutants, ...(previous.vectors === undefined ? {} : { vectors: previous.vectors }) })

  // An entry can only be stale for a file this run measured.
  const stale = equivalents.filter((e) => !used.has(e) && (whole || measured.includes(e.file)))
  const below = measured.filter((f) => (files[f] as FileScore & { threshold: number }).score < (files[f] as { threshold: number }).threshold)
  io.out('\nfile                                   score  killed timeout survived no-cov equivalent')
  for (const f of measured) {
    const s = files[f] as FileScore & { threshold: number }
    const cells = [s.score.toFixed(2).padStart(6), String(s.killed).padStart(7), String(s.timeout).padStart(7), String(s.survived).padStart(8), String(s.noCoverage).padStart(6), String(s.equivalent).padStart(10)]
    io.out(`${f.padEnd(38)} ${cells.join(' ')}${s.score < s.threshold ? `   BELOW ${s.threshold}` : ''}`)
  }
  for (const s of survivors) io.out(`SURVIVED ${s.file}:${s.line} ${s.mutator}: ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}${s.status === 'NoCoverage' ? ' (no test covers it)' : ''}`)
  for (const e of stale) io.out(`STALE equivalent.json entry: ${e.file} ${e.mutator} ${JSON.stringify(e.original)} -> ${JSON.stringify(e.replacement)} matches no surviving mutant`)
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ full: values.full === true, files: measuredFiles, survivors, stale }, null, 2) + '\n')
  io.out(`\n${measured.length} file(s) measured, ${below.length} below threshold, ${survivors.length} unexplained survivor(s), ${stale.length} stale equivalent entr${stale.length === 1 ? 'y' : 'ies'}`)
  return below.length > 0 || stale.length > 0 ? 1 : 0
}

const writeScores = (path: string, scores: ScoresFile) => writeFileSync(path, JSON.stringify(scores, null, 2) + '\n')

/** `--vectors`: records the vectors-alone score beside the main one; 1 when the core is below its threshold. */
function recordVectors(report: ReturnType<typeof readReport>, equivalents: readonly Equivalent[], unreachable: readonly Equivalent[], previous: ScoresFile, scoresPath: string, json: string | undefined, io: Output): number {
  const { scores, survivors, used } = scoresOf(report, [...equivalents, ...unreachable], { excludeMessages: true })
  // An entry of equivalent.vectors.json that matches no surviving mutant is stale: a vector now
  // reaches what it said none could, or the code changed. equivalent.json's entries are checked by
  // the main run, not here.
  const stale = unreachable.filter((e) => !used.has(e))
  const vectors = vectorsScores(RUNS.vectors.tool, scores, previous.vectors?.core.threshold)
  writeScores(scoresPath, { ...previous, vectors })
  io.out('\nfile (the vectors alone)               score  killed timeout survived no-cov equivalent messages')
  for (const [f, s] of Object.entries(scores)) {
    const cells = [s.score.toFixed(2).padStart(6), String(s.killed).padStart(7), String(s.timeout).padStart(7), String(s.survived).padStart(8), String(s.noCoverage).padStart(6), String(s.equivalent).padStart(10), String(s.messages ?? 0).padStart(8)]
    io.out(`${f.padEnd(38)} ${cells.join(' ')}${inVectorsCore(f) ? '' : '   (outside the core)'}`)
  }
  const core = survivors.filter((s) => inVectorsCore(s.file))
  for (const s of core) io.out(`NOT PINNED BY A VECTOR ${s.file}:${s.line} ${s.mutator}: ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}${s.status === 'NoCoverage' ? ' (no vector reaches it)' : ''}`)
  for (const e of stale) io.out(`STALE equivalent.vectors.json entry: ${e.file} ${e.mutator} ${JSON.stringify(e.original)} -> ${JSON.stringify(e.replacement)} matches no surviving mutant`)
  if (json !== undefined) writeFileSync(json, JSON.stringify({ vectors, survivors: core, stale }, null, 2) + '\n')
  const below = vectors.core.score < vectors.core.threshold
  io.out(`\nthe vectors alone: ${vectors.core.score.toFixed(2)} % over the core (${vectors.core.files.join(', ')}; target ${vectors.target} %, threshold ${vectors.core.threshold} %), ${core.length} survivor(s) in the core${below ? '   BELOW' : ''}`)
  return below || stale.length > 0 ? 1 : 0
}
