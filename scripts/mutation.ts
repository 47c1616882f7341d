/**
 * npm run mutation [-- --since REF] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]
 *
 * Mutation testing with StrykerJS (stryker.config.json; not the mutant gate of `npm run mutants`,
 * which checks the vectors against named plausible bugs). Runs Stryker on every file in scope, or
 * with --since on those changed since REF (and does nothing, quickly, when none did), then scores
 * each file, leaving out the mutants test/mutation/equivalent.json lists, records the scores in
 * test/mutation/scores.json and lists every other surviving mutant. --report scores an existing
 * Stryker JSON report instead of running Stryker; --scores and --equivalent name other files than
 * test/mutation/scores.json and test/mutation/equivalent.json.
 *
 * Exit status 0 when every measured file meets its threshold and no equivalent.json entry for a
 * measured file is stale; 1 otherwise; 2 on bad usage.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { changedSince, ROOT, scopePatterns } from './mutation/scope.js'
import { readReport, scoresOf, type Equivalent, type FileScore } from './mutation/scores.js'

const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json')
const DEFAULT_THRESHOLD = 95

export interface ScoresFile {
  readonly tool: string
  readonly files: Record<string, FileScore & { readonly threshold: number }>
  /** Files in scope in which Stryker finds nothing to mutate (types, re-exports). */
  readonly withoutMutants: readonly string[]
}

function usage(message: string): never {
  console.error(`mutation: ${message}\nusage: npm run mutation -- [--since REF] [--report FILE] [--json FILE] [--scores FILE] [--equivalent FILE]`)
  process.exit(2)
}

let values: { since?: string; report?: string; json?: string; scores?: string; equivalent?: string }
try {
  const options = { since: { type: 'string' }, report: { type: 'string' }, json: { type: 'string' }, scores: { type: 'string' }, equivalent: { type: 'string' } } as const
  ;({ values } = parseArgs({ options }))
} catch (err) {
  usage((err as Error).message)
}
const SCORES = values.scores ?? join(ROOT, 'test', 'mutation', 'scores.json')
const EQUIVALENT = values.equivalent ?? join(ROOT, 'test', 'mutation', 'equivalent.json')

const patterns = scopePatterns()
let files: string[] | null = null
if (values.since !== undefined) {
  const ref = values.since
  if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: ROOT }).status !== 0) usage(`--since ${ref}: no such commit`)
  files = changedSince(ref, patterns)
  if (files.length === 0) {
    console.log(`mutation: no file in the mutation scope changed since ${ref}; nothing to do`)
    if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ since: ref, files: {}, survivors: [], stale: [] }, null, 2) + '\n')
    process.exit(0)
  }
  console.log(`mutation: ${files.length} file(s) in scope changed since ${ref}: ${files.join(', ')}`)
}

let reportPath = values.report
if (reportPath === undefined) {
  const args = ['stryker', 'run', ...(files === null ? [] : ['--mutate', files.join(',')])]
  const run = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' })
  if (run.status !== 0) {
    console.error(`mutation: stryker exited with status ${run.status}`)
    process.exit(1)
  }
  reportPath = REPORT
}
if (!existsSync(reportPath)) usage(`no Stryker report at ${reportPath}`)

const equivalents = JSON.parse(readFileSync(EQUIVALENT, 'utf8')) as Equivalent[]
const report = readReport(reportPath)
const { scores, survivors, used } = scoresOf(report, equivalents)
const previous: ScoresFile = existsSync(SCORES) ? (JSON.parse(readFileSync(SCORES, 'utf8')) as ScoresFile) : { tool: '', files: {}, withoutMutants: [] }
const measured = Object.keys(scores)
const empty = Object.keys(report.files).filter((f) => !measured.includes(f))
const full = files === null && values.report === undefined
const merged: ScoresFile['files'] = full ? {} : { ...previous.files }
for (const file of measured) merged[file] = { ...(scores[file] as FileScore), threshold: previous.files[file]?.threshold ?? DEFAULT_THRESHOLD }
const sortedKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
const withoutMutants = [...new Set([...(full ? [] : previous.withoutMutants.filter((f) => !measured.includes(f))), ...empty])].sort()
const written: ScoresFile = { tool: 'StrykerJS 9.6.1, vitest runner, TypeScript checker, per-test coverage (stryker.config.json)', files: sortedKeys(merged), withoutMutants }
writeFileSync(SCORES, JSON.stringify(written, null, 2) + '\n')

const stale = equivalents.filter((e) => measured.includes(e.file) && !used.has(e))
const below = measured.filter((f) => (merged[f] as FileScore & { threshold: number }).score < (merged[f] as { threshold: number }).threshold)
console.log('\nfile                                   score  killed timeout survived no-cov equivalent')
for (const f of measured) {
  const s = merged[f] as FileScore & { threshold: number }
  console.log(`${f.padEnd(38)} ${s.score.toFixed(2).padStart(6)} ${String(s.killed).padStart(7)} ${String(s.timeout).padStart(7)} ${String(s.survived).padStart(8)} ${String(s.noCoverage).padStart(6)} ${String(s.equivalent).padStart(10)}${s.score < s.threshold ? `   BELOW ${s.threshold}` : ''}`)
}
for (const s of survivors) console.log(`SURVIVED ${s.file}:${s.line} ${s.mutator}: ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}${s.status === 'NoCoverage' ? ' (no test covers it)' : ''}`)
for (const e of stale) console.log(`STALE equivalent.json entry: ${e.file} ${e.mutator} ${JSON.stringify(e.original)} -> ${JSON.stringify(e.replacement)} matches no surviving mutant`)
if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ since: values.since ?? null, files: Object.fromEntries(measured.map((f) => [f, merged[f]])), survivors, stale }, null, 2) + '\n')
console.log(`\n${measured.length} file(s) measured, ${below.length} below threshold, ${survivors.length} unexplained survivor(s), ${stale.length} stale equivalent entr${stale.length === 1 ? 'y' : 'ies'}`)
process.exit(below.length > 0 || stale.length > 0 ? 1 : 0)
