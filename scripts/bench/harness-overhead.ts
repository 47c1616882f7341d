/**
 * What the conformance harness costs: for each adapter, vectors per second through the harness
 * (runConformance: start the adapter, pipeline the requests, match and judge the answers) divided
 * by the rate of the adapter's own request handler called in-process on the same request lines.
 * 1.00 means the harness adds nothing; the target is at least 0.90 (at most 10% overhead).
 *
 * Rates are per CPU second, so that a busy machine does not decide them. The harness and the
 * adapter are two processes working on a pipeline, so on a machine with a core for each the run
 * takes as long as the busier of the two: the harness rate is n ÷ max(harness CPU, adapter CPU),
 * the adapter's CPU read from /proc (cutime + cstime of the waited-for child) after its start-up
 * (a one-vector run) is taken off. The wall-clock rate of the same runs is reported beside it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answerLine } from '../../src/adapter/jsonl.js'
import type { VectorFile, VerifyVector } from '../../src/generated/types.js'
import { runConformance } from '../../src/harness/run.js'
import { suiteOf, type VectorSuite } from '../../src/vectors/load.js'
import { cpuMs, median } from './measure.js'
import { CONTEXT, KEY_HEX, TOKEN } from './tokens.js'

export interface Adapter {
  readonly name: string
  readonly command: string
  /** How many vectors a harness round sends (the slow adapters get fewer). */
  readonly vectors: number
  /** The adapter's in-process rate on these request lines (requests/s). */
  readonly inProcess: (lines: readonly string[]) => number
}

/** `n` verify vectors of the 3-caveat token, alternately valid and (without a user) invalid. */
function vectors(n: number): VerifyVector[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench::verify-${i}`,
    description: 'benchmark',
    spec: ['VERIFY-1'],
    flags: [],
    op: 'verify',
    input: { token: TOKEN, key: KEY_HEX, context: i % 2 === 0 ? CONTEXT : { ...CONTEXT, user_id: null } },
    expected: i % 2 === 0 ? { result: 'valid' } : { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' },
  }))
}

function suite(list: VerifyVector[]): VectorSuite {
  const file: VectorFile = {
    schema: 'vector-file.schema.json',
    topic: 'bench',
    title: 'benchmark',
    description: 'benchmark',
    suite_version: '0.0.0',
    provenance: { generator: 'scripts/bench/harness-overhead.ts', seed: null, sources: [] },
    number_of_vectors: list.length,
    notes: {},
    vectors: list,
  }
  return suiteOf([{ file: 'bench.json', data: file }])
}

/** The request lines the harness sends for these vectors (ids differ; the work does not). */
const requestLines = (list: VerifyVector[]) => list.map((v, i) => JSON.stringify({ id: i + 1, op: 'verify', ...v.input }))

/** CPU milliseconds of this process's children that have ended (fields 16 and 17 of /proc/self/stat, in clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ')
  return (Number(fields[13]) + Number(fields[14])) * 10
}

interface HarnessRun {
  readonly harnessMs: number
  readonly adapterMs: number
  readonly wallMs: number
}

/** One run through the harness; throws unless every vector got its verdict. */
async function throughHarness(command: string, list: VerifyVector[]): Promise<HarnessRun> {
  const [cpu0, children0, wall0] = [cpuMs(), childrenCpuMs(), performance.now()]
  const results = await runConformance({ adapter: command, suite: suite(list), timeoutMs: 120_000 })
  const run = { harnessMs: cpuMs() - cpu0, adapterMs: childrenCpuMs() - children0, wallMs: performance.now() - wall0 }
  if (results.verdict_summary.PASS !== list.length) throw new Error(`${command}: ${JSON.stringify(results.verdict_summary)} (expected ${list.length} verdict-level PASS)`)
  return run
}

/** The reference adapter's handler (answerLine), in this process, per CPU second. */
export function referenceInProcess(lines: readonly string[]): number {
  const rounds: number[] = []
  for (let r = 0; r < 5; r++) {
    const start = cpuMs()
    for (const line of lines) answerLine(line)
    rounds.push(lines.length / ((cpuMs() - start) / 1000))
  }
  return median(rounds)
}

/** A Python adapter's handler in its own virtualenv (scripts/bench/peers.py). */
export function pythonInProcess(python: string, name: string, env: NodeJS.ProcessEnv = process.env): (lines: readonly string[]) => number {
  return (lines) => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'requests.jsonl')
    writeFileSync(file, lines.join('\n') + '\n')
    const r = spawnSync(python, ['scripts/bench/peers.py', 'adapter', name, file], { encoding: 'utf8', env })
    if (r.status !== 0) throw new Error(`${name} in-process benchmark failed: ${r.stderr}`)
    return (JSON.parse(r.stdout) as { rate: number }).rate
  }
}

export interface OverheadRow {
  readonly name: string
  /** Vectors per second through the harness: n ÷ max(harness CPU, adapter CPU after start-up). */
  readonly harness: number
  /** The adapter's handler, in-process, per CPU second. */
  readonly inProcess: number
  /** harness ÷ in-process. */
  readonly ratio: number
  /** CPU per vector of each side (µs), and the wall-clock rate of the same runs. */
  readonly harnessMicros: number
  readonly adapterMicros: number
  readonly wall: number
}

export async function harnessOverhead(adapters: readonly Adapter[], rounds: number): Promise<OverheadRow[]> {
  const rows: OverheadRow[] = []
  for (const a of adapters) {
    const list = vectors(a.vectors)
    const startup = await throughHarness(a.command, list.slice(0, 1))
    const runs: HarnessRun[] = []
    for (let r = 0; r < rounds; r++) runs.push(await throughHarness(a.command, list))
    const harnessMs = median(runs.map((r) => r.harnessMs - startup.harnessMs))
    const adapterMs = median(runs.map((r) => r.adapterMs - startup.adapterMs))
    const harness = list.length / (Math.max(harnessMs, adapterMs) / 1000)
    const inProcess = a.inProcess(requestLines(list))
    rows.push({ name: a.name, harness, inProcess, ratio: harness / inProcess, harnessMicros: (1000 * harnessMs) / list.length, adapterMicros: (1000 * adapterMs) / list.length, wall: median(runs.map((r) => list.length / (r.wallMs / 1000))) })
  }
  return rows
}

/** The adapters this machine can run: the reference always, the Python ones when their virtualenvs (and Warehouse) are there. */
export function availableAdapters(): Adapter[] {
  const list: Adapter[] = [{ name: 'reference', command: 'node dist/adapter/main.js', vectors: 50_000, inProcess: referenceInProcess }]
  const pypitoken = 'adapters/pypitoken/.venv/bin/python'
  if (existsSync(pypitoken)) list.push({ name: 'pypitoken', command: `${pypitoken} adapters/pypitoken/adapter.py`, vectors: 600, inProcess: pythonInProcess(pypitoken, 'pypitoken') })
  const warehouse = 'adapters/warehouse/.venv/bin/python'
  if (existsSync(warehouse) && process.env.WAREHOUSE_SRC) list.push({ name: 'warehouse', command: `${warehouse} adapters/warehouse/adapter.py`, vectors: 5_000, inProcess: pythonInProcess(warehouse, 'warehouse') })
  return list
}
