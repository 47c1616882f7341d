/**
 * @module The mutant gate: the unmutated reference must pass every vector, and every mutant must
 * make the run fail (KILLED). A SURVIVED mutant is a plausible bug no vector catches; a mutant
 * that no longer applies (or does not build) is a catalog that rotted. Either fails the gate.
 */
import type { ConformanceResults } from '../generated/types.js'
import { runConformance, runFailed } from '../harness/run.js'
import type { VectorSuite } from '../vectors/load.js'
import { prepareAdapter, removeDir, type Workspace } from './apply.js'
import type { Mutant } from './mutant.js'

export type MutantStatus = 'KILLED' | 'SURVIVED' | 'NOT_APPLYING' | 'BROKEN'

export interface MutantResult {
  readonly name: string
  readonly file: string
  readonly description: string
  readonly targets: readonly string[]
  readonly status: MutantStatus
  /** How many vectors failed (FAIL, XPASS, ERROR or HANG) against the mutant. */
  readonly failed_count: number
  /** The first failing vector ids (at most {@link MAX_LISTED}). */
  readonly failed_vectors: readonly string[]
  /** Every failing vector id (the proposal gate's PROP-17). */
  readonly failed_ids?: readonly string[]
  /** Failing vectors by outcome: a mutant killed only by ERROR or HANG may be crashing, not caught. */
  readonly failed_outcomes: Readonly<Record<string, number>>
  readonly message: string | null
  readonly duration_ms: number
  /** The temporary directory, when kept. */
  readonly dir: string | null
}

export interface BaselineResult {
  readonly passed: boolean
  readonly vectors: number
  readonly failed_count: number
  readonly failed_vectors: readonly string[]
  readonly message: string | null
  readonly duration_ms: number
  readonly dir: string | null
}

export interface GateReport {
  readonly ok: boolean
  readonly baseline: BaselineResult
  readonly mutants: readonly MutantResult[]
  readonly summary: { readonly killed: number; readonly survived: number; readonly not_applying: number; readonly broken: number }
  readonly jobs: number
  readonly duration_ms: number
}

export interface GateOptions {
  /** Repository root: its `src/` is copied and its `node_modules/` resolves dependencies. */
  readonly root: string
  readonly suite: VectorSuite
  readonly mutants: readonly Mutant[]
  /** Mutants run at a time. Default 2. */
  readonly jobs?: number
  /** Keep the temporary directories (their paths are in the report). */
  readonly keep?: boolean
  /** Where the temporary copies are made. Default: the OS temporary directory. */
  readonly tempDir?: string
  /** What the copies hold besides `src/` (default: nothing), and what they bundle. */
  readonly workspace?: Workspace
  /** Per-request adapter timeout. Default 5000 ms. */
  readonly timeoutMs?: number
  /**
   * The unmutated run, when the caller has made it already with the same workspace on a suite
   * holding `suite` (the proposal gate's reference run): it is not bundled and run a second time.
   */
  readonly baseline?: BaselineResult
  readonly onBaseline?: (baseline: BaselineResult) => void
  /** Called once per mutant, in the order of `mutants`. */
  readonly onResult?: (result: MutantResult) => void
}

export const MAX_LISTED = 10

const FAILING = new Set(['FAIL', 'XPASS', 'ERROR', 'HANG'])

function failing(results: ConformanceResults): { id: string; outcome: string }[] {
  return results.results.filter((r) => FAILING.has(r.outcome)).map(({ id, outcome }) => ({ id, outcome }))
}

function countOutcomes(failed: readonly { outcome: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { outcome } of failed) counts[outcome] = (counts[outcome] ?? 0) + 1
  return counts
}

/** Builds an adapter (the baseline when `mutant` is null) and runs the suite against it. */
async function runOne(options: GateOptions, mutant: Mutant | null) {
  const started = performance.now()
  const prepared = await prepareAdapter(options.root, mutant, options.tempDir, options.workspace, options.keep === true)
  const elapsed = () => Math.round(performance.now() - started)
  const keptDir = (dir: string | null) => (options.keep === true ? dir : (removeDir(dir), null))
  if (!prepared.ok) return { kind: prepared.kind, failed: [] as { id: string; outcome: string }[], results: null, message: prepared.message, duration_ms: elapsed(), dir: keptDir(prepared.dir) }
  try {
    const results = await runConformance({
      adapter: prepared.command,
      suite: options.suite,
      timeoutMs: options.timeoutMs ?? 5000,
      cwd: options.root,
      onStderr: () => {},
    })
    return { kind: runFailed(results) ? 'failed' : 'passed', failed: failing(results), results, message: null, duration_ms: elapsed(), dir: keptDir(prepared.dir) }
  } catch (err) {
    keptDir(prepared.dir)
    throw err
  }
}

async function mutantResult(options: GateOptions, mutant: Mutant): Promise<MutantResult> {
  const run = await runOne(options, mutant)
  const status: MutantStatus = run.kind === 'failed' ? 'KILLED' : run.kind === 'passed' ? 'SURVIVED' : run.kind === 'broken' ? 'BROKEN' : 'NOT_APPLYING'
  const failed = run.failed
  const message = run.message ?? (status === 'SURVIVED' ? `every vector passed against mutant ${mutant.name}: a vector is missing (targets: ${mutant.targets.join(', ')})` : null)
  return {
    name: mutant.name,
    file: mutant.file,
    description: mutant.description,
    targets: mutant.targets,
    status,
    failed_count: failed.length,
    failed_vectors: failed.slice(0, MAX_LISTED).map((f) => f.id),
    failed_ids: failed.map((f) => f.id),
    failed_outcomes: countOutcomes(failed),
    message,
    duration_ms: run.duration_ms,
    dir: run.dir,
  }
}

/** Runs `tasks` with at most `jobs` at a time; `emit` sees results in task order. */
async function pool<T>(count: number, jobs: number, task: (i: number) => Promise<T>, emit: (r: T) => void): Promise<T[]> {
  const results = new Array<T>(count)
  const ready = new Array<boolean>(count).fill(false)
  let next = 0
  let emitted = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      results[i] = await task(i)
      ready[i] = true
      while (emitted < count && ready[emitted]) emit(results[emitted++] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, count)) }, worker))
  return results
}

/** Bundles the unmutated workspace and runs the suite against it. */
async function runBaseline(options: GateOptions): Promise<BaselineResult> {
  const base = await runOne(options, null)
  return {
    passed: base.kind === 'passed',
    vectors: options.suite.vectors.length,
    failed_count: base.failed.length,
    failed_vectors: base.failed.slice(0, MAX_LISTED).map((f) => f.id),
    message:
      base.message ??
      (base.kind === 'passed' ? null : `the unmutated reference fails ${base.failed.length} vector(s), so killing a mutant would prove nothing`),
    duration_ms: base.duration_ms,
    dir: base.dir,
  }
}

/** Runs the gate. Mutants only run when the unmutated baseline passes every vector. */
export async function runGate(options: GateOptions): Promise<GateReport> {
  const started = performance.now()
  const jobs = options.jobs ?? 2
  const baseline = options.baseline ?? (await runBaseline(options))
  options.onBaseline?.(baseline)
  const mutants = baseline.passed ? await pool(options.mutants.length, jobs, (i) => mutantResult(options, options.mutants[i] as Mutant), (r) => options.onResult?.(r)) : []
  const count = (s: MutantStatus) => mutants.filter((m) => m.status === s).length
  const summary = { killed: count('KILLED'), survived: count('SURVIVED'), not_applying: count('NOT_APPLYING'), broken: count('BROKEN') }
  return {
    ok: baseline.passed && summary.killed === mutants.length,
    baseline,
    mutants,
    summary,
    jobs,
    duration_ms: Math.round(performance.now() - started),
  }
}
