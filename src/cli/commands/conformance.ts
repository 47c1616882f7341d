/** @module `pypi-token conformance run | matrix | fuzz`: the conformance harness on the command line. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ConformanceResults } from '../../generated/types.js'
import { loadXfailFile, Xfails, XfailLoadError } from '../../harness/judging/xfail.js'
import { AdapterConfigError, loadAdapterConfig, matrixTable, unmetRequirement, type MatrixColumn } from '../../harness/reports/matrix.js'
import { progressBar } from '../../harness/reports/progress.js'
import { messageOf } from '../../harness/reports/report-md.js'
import { REPORT_KINDS, writeReports, type ReportKind } from '../../harness/reports/reports.js'
import { countsByFile, fileTable, outcomeLabel, uncheckedFailuresNote, verdictLines } from '../../harness/reports/summary.js'
import { runConformance, runFailed, selectVectors } from '../../harness/run.js'
import { loadVectors, PACKAGE_VECTORS, VectorLoadError, type VectorSuite } from '../../vectors/load.js'
import { parse } from '../args.js'
import { FUZZ_USAGE, fuzzCommand } from './fuzz.js'
import { interopCommand, INTEROP_USAGE } from './interop.js'
import { EXIT, UsageError, type Io } from '../io.js'

export const RUN_USAGE = `pypi-token conformance run --adapter "<command>" [--xfail FILE] [--filter GLOB]... [--report json|md|html]... [--out DIR] [--timeout MS] [--vectors DIR]
  Runs every vector against an implementation's adapter (spec/adapter-protocol.md) and writes
  results.json / results.md / results.html (default: all three) to --out (default reports/).
  --vectors is the vectors directory (default: the vectors this package ships, ${PACKAGE_VECTORS}).
  --filter runs only the vectors whose id matches (* matches any run of characters; repeatable:
  a vector runs when any of them matches).
  --report is repeatable: each names one more report kind to write.
  --timeout is per request, from when it becomes the oldest unanswered one (default 10000).
  Every vector is graded at the verdict level (valid or invalid, a rejection or not) and at the
  reason level (also the reason code and reported failures). Exit status 0 when the run passed:
  the adapter started and lists verify, at least one vector ran (was not SKIP), nothing is FAIL,
  XPASS, ERROR or HANG at either level, and no xfail entry is stale; 1 otherwise; 2 on bad usage
  or unusable vector or xfail files.`

export const MATRIX_USAGE = `pypi-token conformance matrix [--adapters FILE] [--out DIR] [--vectors DIR] [--timeout MS] [--json]
  Runs every adapter of --adapters (default adapters/adapters.json in the working directory, as
  in this repository) whose requirements are met, with its xfail file when it exists, and prints
  a vector file x implementation table, a verdict and a reason column each. Reports go to
  --out/<name>/results.{json,md,html} (default reports/<name>/). --json prints the matrix as JSON
  instead: each implementation with its summaries and per-file counts, or why it was skipped.
  Exit status 0 when at least one adapter ran and every run passed; 1 otherwise; 2 on bad usage
  or unusable vector, xfail or adapters files.`

/** Each subcommand's help, for `pypi-token conformance <sub> --help` and `pypi-token help conformance <sub>`. */
export const CONFORMANCE_SUBCOMMANDS: Record<string, string> = { run: RUN_USAGE, matrix: MATRIX_USAGE, fuzz: FUZZ_USAGE, interop: INTEROP_USAGE }

export const CONFORMANCE_USAGE = `${RUN_USAGE}

${MATRIX_USAGE}

${FUZZ_USAGE}

${INTEROP_USAGE}`

/** Runs `conformance <subcommand>`. */
export async function conformanceCommand(io: Io, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'run') return runCommand(io, rest)
  if (sub === 'matrix') return matrixCommand(io, rest)
  if (sub === 'fuzz') return fuzzCommand(io, rest, withSigint)
  if (sub === 'interop') return interopCommand(io, rest)
  throw new UsageError(sub === undefined ? 'conformance: a subcommand is required: run, matrix, fuzz or interop' : `conformance: unknown subcommand ${JSON.stringify(sub)} (run, matrix, fuzz or interop)`)
}

function positiveInt(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`conformance: ${option} must be a positive whole number, not ${JSON.stringify(value)}`)
  return Number(value)
}

function usageErrors<T>(load: () => T): T {
  try {
    return load()
  } catch (err) {
    if (err instanceof VectorLoadError || err instanceof XfailLoadError || err instanceof AdapterConfigError) throw new UsageError(`conformance: ${err.message}`)
    throw err
  }
}

/** On Ctrl-C (or SIGTERM) exits at once; the child processes' exit hook kills the adapters. */
async function withSigint<T>(work: () => Promise<T>): Promise<T> {
  const onSigint = () => process.exit(130)
  const onSigterm = () => process.exit(143)
  process.once('SIGINT', onSigint)
  process.once('SIGTERM', onSigterm)
  try {
    return await work()
  } finally {
    process.removeListener('SIGINT', onSigint)
    process.removeListener('SIGTERM', onSigterm)
  }
}

async function runOne(io: Io, label: string, options: { adapter: string; suite: VectorSuite; xfails?: Xfails; filter?: string[]; timeoutMs: number }): Promise<ConformanceResults> {
  const progress = progressBar(process.stderr, label)
  try {
    return await withSigint(() =>
      runConformance({
        ...options,
        onStderr: (line) => io.err(`[${label.trim() || 'adapter'}] ${line}\n`),
        onWaiting: (waited, limit) => io.err(waitingLine(label, waited, limit)),
        onProgress: (d, t) => progress.update(d, t),
      }),
    )
  } finally {
    progress.end()
  }
}

/** The line printed while an adapter is slow to answer hello. */
export function waitingLine(label: string, waitedMs: number, limitMs: number): string {
  return `${label.trim() === '' ? '' : `${label.trim()}: `}waiting for the adapter to start and answer hello (${Math.round(waitedMs / 1000)} s so far; giving up after ${Math.round(limitMs / 1000)} s)\n`
}

/** Why the adapter could not be started, or null when it started. */
const startProblem = (results: ConformanceResults) => results.problems.find((p) => p.startsWith('the adapter could not be started: ')) ?? null

/** The table, the first few vectors that did not pass, and whether the run passed at each level. */
function printRun(io: Io, results: ConformanceResults, reportDir: string): void {
  const cause = startProblem(results)
  if (cause !== null) {
    // The cause first: every vector is the same ERROR, so the table and the vector lines say nothing more.
    const [verdict, ...rest] = verdictLines(results)
    io.out([cause, `no vector ran: all ${results.results.length} are ERROR (details in ${join(reportDir, 'results.md')})`, '', `${results.implementation.name} ${results.implementation.version}: ${verdict}`, ...rest].join('\n') + '\n')
    return
  }
  const lines = [fileTable(results), '']
  const bad = results.results.filter((r) => [r.outcome, r.verdict].some((o) => o !== 'PASS' && o !== 'SKIP' && o !== 'XFAIL'))
  for (const r of bad.slice(0, 20)) lines.push(`${outcomeLabel(r)} ${r.id}: ${messageOf(r)}`)
  if (bad.length > 20) lines.push(`… and ${bad.length - 20} more (see ${join(reportDir, 'results.md')})`)
  for (const id of results.stale_xfails) lines.push(`STALE xfail entry ${id}: it matches no vector`)
  for (const w of results.protocol_warnings ?? []) lines.push(`protocol warning: ${w}`)
  const unchecked = uncheckedFailuresNote(results.results)
  if (unchecked !== null) lines.push(`note: ${unchecked}`)
  if (lines.length > 2) lines.push('')
  const [verdict, ...rest] = verdictLines(results)
  lines.push(`${results.implementation.name} ${results.implementation.version}: ${verdict}`, ...rest)
  io.out(lines.join('\n') + '\n')
}

async function runCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values } = parse(
    'conformance',
    argv,
    {
      adapter: { type: 'string' },
      xfail: { type: 'string' },
      filter: { type: 'string', multiple: true },
      report: { type: 'string', multiple: true },
      out: { type: 'string' },
      timeout: { type: 'string' },
      vectors: { type: 'string' },
    },
    0,
  )
  if (values.adapter === undefined || values.adapter.trim() === '') throw new UsageError('conformance: run needs --adapter "<command>"')
  const kinds = values.report ?? [...REPORT_KINDS]
  const unknown = kinds.find((k) => !(REPORT_KINDS as readonly string[]).includes(k))
  if (unknown !== undefined) throw new UsageError(`conformance: --report must be json, md or html, not ${JSON.stringify(unknown)}`)
  const timeoutMs = positiveInt(values.timeout, '--timeout', 10_000)
  const suite = usageErrors(() => loadVectors(values.vectors ?? PACKAGE_VECTORS))
  const xfailPath = values.xfail
  const xfails = xfailPath === undefined ? undefined : new Xfails(usageErrors(() => loadXfailFile(xfailPath)).entries)
  const filter = values.filter
  if (filter !== undefined && selectVectors(suite, filter).length === 0) throw new UsageError(`conformance: --filter ${filter.join(', ')} matches no vector`)
  const results = await runOne(io, '', { adapter: values.adapter, suite, timeoutMs, ...(xfails === undefined ? {} : { xfails }), ...(filter === undefined ? {} : { filter }) })
  const out = values.out ?? 'reports'
  const written = writeReports(results, out, kinds as ReportKind[])
  printRun(io, results, out)
  io.err(`reports: ${written.join(', ')}\n`)
  return runFailed(results) ? EXIT.INVALID : EXIT.OK
}

async function matrixCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values } = parse('conformance', argv, { adapters: { type: 'string' }, out: { type: 'string' }, vectors: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' } }, 0)
  const entries = usageErrors(() => loadAdapterConfig(values.adapters ?? join('adapters', 'adapters.json')))
  const suite = usageErrors(() => loadVectors(values.vectors ?? PACKAGE_VECTORS))
  const timeoutMs = positiveInt(values.timeout, '--timeout', 10_000)
  const out = values.out ?? 'reports'
  const columns: MatrixColumn[] = []
  for (const entry of entries) {
    const unmet = unmetRequirement(entry, io.env)
    if (unmet !== null) {
      columns.push({ name: entry.name, skipped: unmet })
      continue
    }
    const xfailPath = entry.xfail !== undefined && existsSync(entry.xfail) ? entry.xfail : undefined
    const xfails = xfailPath === undefined ? undefined : new Xfails(usageErrors(() => loadXfailFile(xfailPath)).entries)
    const note = xfailPath !== undefined ? `xfail ${xfailPath}` : entry.xfail === undefined ? 'no xfail file' : `xfail file ${entry.xfail} does not exist: running without`
    io.err(`${entry.name}: ${entry.command} (${note})\n`)
    const results = await runOne(io, `${entry.name} `, { adapter: entry.command, suite, timeoutMs, ...(xfails === undefined ? {} : { xfails }) })
    writeReports(results, join(out, entry.name))
    for (const w of results.protocol_warnings ?? []) io.err(`${entry.name}: protocol warning: ${w}\n`)
    columns.push({ name: entry.name, results })
  }
  const ran = columns.filter((c) => 'results' in c)
  const failed = ran.length === 0 || ran.some((c) => runFailed(c.results))
  io.out(values.json === true ? `${JSON.stringify(matrixJson(columns, out, !failed), null, 2)}\n` : `${matrixTable(columns)}\n`)
  io.err(`reports: ${join(out, '<name>', 'results.{json,md,html}')}\n`)
  return failed ? EXIT.INVALID : EXIT.OK
}

/** The matrix as JSON: whether it passed, and per implementation its summaries and per-file counts at both levels, or why it was skipped. */
function matrixJson(columns: readonly MatrixColumn[], out: string, passed: boolean): object {
  return {
    passed,
    implementations: columns.map((c) => {
      if (!('results' in c)) return { name: c.name, skipped: c.skipped }
      const r = c.results
      const verdict = countsByFile(r.results, (v) => v.verdict)
      const reason = countsByFile(r.results)
      return {
        name: c.name,
        implementation: r.implementation,
        passed: r.passed,
        problems: r.problems,
        verdict_summary: r.verdict_summary,
        summary: r.summary,
        stale_xfails: r.stale_xfails,
        files: Object.fromEntries([...reason.keys()].map((file) => [file, { verdict: verdict.get(file), reason: reason.get(file) }])),
        report: join(out, c.name, 'results.json'),
      }
    }),
  }
}
