/**
 * @module runConformance: every selected vector through one adapter process, judged at the
 * verdict and the reason level (VEC-7), xfails applied, as a ConformanceResults object
 * (results.schema.json) that says whether the run passed (VEC-8) and why not. Every vector gets
 * exactly one outcome per level whatever the adapter does; an adapter that cannot start makes
 * every vector ERROR.
 */
import type { ConformanceResults, Vector, VectorResult } from '../generated/types.js'
import type { LoadedVector, VectorSuite } from '../vectors/load.js'
import { VERSION } from '../version.js'
import { judge, type Graded } from './judging/judge.js'
import { both, error, type Judgement } from './judging/judgement.js'
import { summarize } from './judging/outcomes.js'
import { runProblems } from './judging/run-problems.js'
import { wildcard } from './judging/wildcard.js'
import { applyXfail, NO_XFAILS, type Final, type Xfails } from './judging/xfail.js'
import { AdapterProcess, AdapterStartError, type Answer } from './process/adapter-process.js'
import type { Clock } from './process/clock.js'

export { runFailed } from './judging/run-problems.js'

export interface RunOptions {
  /** The shell command that starts the adapter. */
  readonly adapter: string
  readonly suite: VectorSuite
  readonly xfails?: Xfails
  /** Id patterns (`*` wildcards); a vector runs when it matches any. Absent: every vector. */
  readonly filter?: readonly string[]
  /** Per-request timeout in ms, from when a request becomes the oldest outstanding one. Default 10 000. */
  readonly timeoutMs?: number
  /** How long starting the adapter and answering hello may take, in ms (also after a restart). Default 30 000. */
  readonly startTimeoutMs?: number
  /** The clock timeouts are measured with (tests move one by hand). Default: the real one. */
  readonly clock?: Clock
  readonly window?: number
  readonly maxRestarts?: number
  /** How long to wait for the adapter to exit at the end before killing it (ms). Default 2000. */
  readonly graceMs?: number
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly onStderr?: (line: string) => void
  /** Called every `waitingEveryMs` while the adapter has not answered hello yet (AdapterOptions.onWaiting). */
  readonly onWaiting?: (waitedMs: number, limitMs: number) => void
  readonly waitingEveryMs?: number
  /** Called after each vector's outcome is known. */
  readonly onProgress?: (done: number, total: number) => void
}

/** The vectors a filter selects (all of them without one). */
export function selectVectors(suite: VectorSuite, filter: readonly string[] | undefined): readonly LoadedVector[] {
  if (filter === undefined || filter.length === 0) return suite.vectors
  const matchers = filter.map(wildcard)
  return suite.vectors.filter((v) => matchers.some((m) => m(v.vector.id)))
}

/** The request line body for a vector (the harness adds the id). The restrict key is never sent. */
export function requestOf(vector: Vector): Record<string, unknown> {
  switch (vector.op) {
    case 'verify':
      return { op: 'verify', token: vector.input.token, key: vector.input.key, context: vector.input.context }
    case 'inspect':
      return { op: 'inspect', token: vector.input.token }
    case 'mint':
      return { op: 'mint', ...vector.input }
    case 'restrict':
      return { op: 'restrict', token: vector.input.token, restrictions: vector.input.restrictions }
    case 'detect':
      return { op: 'detect', text: vector.input.text }
  }
}

/** Runs the suite against the adapter. Rejects only on harness bugs, never because of the adapter. */
export async function runConformance(options: RunOptions): Promise<ConformanceResults> {
  const started = performance.now()
  const xfails = options.xfails ?? NO_XFAILS
  const selected = selectVectors(options.suite, options.filter)
  const results: VectorResult[] = new Array<VectorResult>(selected.length)
  let adapter: AdapterProcess | null = null
  let startError: string | null = null
  try {
    adapter = await AdapterProcess.start({
      command: options.adapter,
      ...pick(options, ['timeoutMs', 'startTimeoutMs', 'clock', 'window', 'maxRestarts', 'graceMs', 'cwd', 'env', 'onStderr', 'onWaiting', 'waitingEveryMs']),
    })
  } catch (err) {
    if (!(err instanceof AdapterStartError)) throw err
    startError = err.message
  }
  await new Promise<void>((allDone) => {
    let done = 0
    const finish = (i: number, result: VectorResult) => {
      results[i] = result
      done++
      options.onProgress?.(done, selected.length)
      if (done === selected.length) allDone()
    }
    if (selected.length === 0) allDone()
    selected.forEach(({ vector, file }, i) => {
      const base = { id: vector.id, file, op: vector.op, expected: vector.expected as Record<string, unknown> }
      if (adapter === null) return finish(i, resultOf(base, both(error(`the adapter could not be started: ${startError}`))))
      if (!adapter.supports(vector.op)) return finish(i, resultOf(base, both({ outcome: 'SKIP', message: `the adapter does not list ${vector.op} in its hello ops` })))
      adapter.submit(JSON.stringify(requestOf(vector)), (answer) => finish(i, outcomeOf(vector, base, answer, xfails)))
    })
  })
  const restarts = adapter?.restarts ?? 0
  const warnings = adapter?.warnings.lines() ?? []
  await adapter?.close()
  const filtered = options.filter !== undefined && options.filter.length > 0
  const facts = {
    startError,
    ops: adapter === null ? [] : [...(adapter.hello.ops as string[])],
    summary: summarize(results.map((r) => r.outcome)),
    verdict_summary: summarize(results.map((r) => r.verdict)),
    stale_xfails: filtered ? [] : xfails.stale(options.suite.vectors.map((v) => v.vector.id)),
  }
  const problems = runProblems(facts)
  return {
    schema: 'results.schema.json',
    suite_version: suiteVersion(options.suite),
    implementation: adapter?.hello.implementation ?? { name: 'unknown', version: 'unknown' },
    adapter: options.adapter,
    ops: facts.ops,
    passed: problems.length === 0,
    problems,
    summary: facts.summary,
    verdict_summary: facts.verdict_summary,
    duration_ms: Math.round(performance.now() - started),
    restarts,
    stale_xfails: facts.stale_xfails,
    protocol_warnings: warnings,
    results,
  }
}

type Base = Pick<VectorResult, 'id' | 'file' | 'op' | 'expected'>

function outcomeOf(vector: Vector, base: Base, answer: Answer, xfails: Xfails): VectorResult {
  const entry = xfails.match(vector.id)
  const xfail = entry === undefined ? {} : { xfail: entry.reason }
  if (answer.kind === 'hang') {
    const hang: Final = { outcome: 'HANG', message: answer.message }
    return { ...resultOf(base, { verdict: hang, reason: hang }), ...xfail }
  }
  if (answer.kind === 'error') return { ...resultOf(base, applyXfail(both(error(answer.message)), entry)), ...xfail }
  const graded = judgeSafely(vector, answer.response)
  const checked = graded.failuresChecked === undefined ? {} : { failures_checked: graded.failuresChecked }
  const result = { ...resultOf(base, applyXfail(graded, entry)), ...xfail, ...checked }
  if (result.outcome === 'SKIP') return result
  const { id: _id, ...actual } = answer.response
  return { ...result, actual }
}

/** A result from both levels' outcomes: `outcome` and `message` are the reason level's. */
function resultOf(base: Base, levels: { verdict: Final | Judgement; reason: Final | Judgement }): VectorResult {
  const { verdict, reason } = levels
  const message = reason.message === undefined ? {} : { message: reason.message }
  const verdictMessage = verdict.message === undefined || verdict.message === reason.message ? {} : { verdict_message: verdict.message }
  return { ...base, outcome: reason.outcome, verdict: verdict.outcome, ...message, ...verdictMessage }
}

/** Judges, failing closed: a response the judge cannot handle is an ERROR, never a crash of the run. */
function judgeSafely(vector: Vector, response: Record<string, unknown>): Graded {
  try {
    return judge(vector, response)
  } catch (err) {
    return both(error(`the harness could not judge the response: ${String(err)}`))
  }
}

function suiteVersion(suite: VectorSuite): string {
  const versions = new Set(suite.files.map((f) => f.data.suite_version))
  return versions.size === 1 ? ([...versions][0] as string) : VERSION
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: Partial<Record<K, unknown>> = {}
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k]
  return out as { [P in K]?: Exclude<T[P], undefined> }
}
