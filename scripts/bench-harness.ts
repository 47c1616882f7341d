/**
 * Harness throughput (called by scripts/bench.ts after `npm run build`): a large batch of verify
 * vectors for one 3-caveat token, run through `runConformance` against a persistent, pipelined
 * adapter process. Measures the compiled harness in dist/ end to end (adapter start-up, request
 * writing, response matching, judging), as vectors per second.
 *
 * Targets: >= 20,000 vectors/s against the reference adapter. The pypitoken adapter is measured
 * too when its virtualenv exists; pypitoken itself re-validates JSON schemas on every check and is
 * the bottleneck there, far below the harness's capacity.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { runConformance } from '../dist/harness/run.js'
import { suiteOf, type VectorSuite } from '../dist/vectors/load.js'
import { mint, type VectorFile, type VerifyVector } from '../dist/index.js'

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'
/** The token of scripts/bench.ts, minted here at index.example: [1,["requests"]], [0,1900000000,1600000000], [3,"00000000-0000-0000-0000-000000000001"]. */
function benchToken(): string {
  const caveats = ['[1,["requests"]]', '[0,1900000000,1600000000]', '[3,"00000000-0000-0000-0000-000000000001"]']
  const m = mint({ key: Buffer.from(KEY_HEX, 'hex'), identifier: 'some-uuid-string', location: 'index.example', caveats })
  if (!m.ok) throw new Error(m.message)
  return m.token
}
const TOKEN = benchToken()
/** The same identifier without caveats: a check pypitoken can do quickly. */
const BARE = (() => {
  const m = mint({ key: Buffer.from(KEY_HEX, 'hex'), identifier: 'some-uuid-string', location: 'index.example' })
  if (!m.ok) throw new Error(m.message)
  return m.token
})()
const CONTEXT = { now: 1700000000, project: { name: 'requests', normalized_name: 'requests', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }, user_id: '00000000-0000-0000-0000-000000000001', oidc_publisher: null }

/** `n` verify vectors (alternately valid and invalid for a caveated token) in one in-memory vector file. */
function batch(n: number, token = TOKEN): VectorSuite {
  const bare = token === BARE
  const vectors: VerifyVector[] = Array.from({ length: n }, (_, i) => ({
    id: `bench::verify-${i}`,
    description: 'benchmark',
    spec: ['VERIFY-1'],
    flags: [],
    op: 'verify',
    input: { token, key: KEY_HEX, context: i % 2 === 0 || bare ? CONTEXT : { ...CONTEXT, user_id: null } },
    expected: i % 2 === 0 || bare ? { result: 'valid' } : { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' },
  }))
  const file: VectorFile = {
    schema: 'vector-file.schema.json',
    topic: 'bench',
    title: 'benchmark',
    description: 'benchmark',
    suite_version: '0.0.0',
    provenance: { generator: 'scripts/bench-harness.ts', seed: null, sources: [] },
    number_of_vectors: n,
    notes: {},
    vectors,
  }
  return suiteOf([{ file: 'bench.json', data: file }])
}

/** Vectors per second for one run of `n` vectors; throws unless every vector passed. */
async function throughput(adapter: string, n: number, token = TOKEN): Promise<number> {
  const suite = batch(n, token)
  const started = performance.now()
  const results = await runConformance({ adapter, suite, timeoutMs: 60_000 })
  const seconds = (performance.now() - started) / 1000
  if (results.summary.PASS !== n) throw new Error(`${adapter}: ${JSON.stringify(results.summary)} (expected ${n} PASS)`)
  return n / seconds
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** Harness throughput against the reference adapter and, when set up, the pypitoken adapter. */
export async function harnessBenchmarks(): Promise<void> {
  const n = Number(process.env.BENCH_HARNESS_VECTORS ?? 100_000)
  const rounds = Number(process.env.BENCH_HARNESS_ROUNDS ?? 3)
  const reference: number[] = []
  for (let i = 0; i < rounds; i++) reference.push(await throughput('node dist/adapter/main.js', n))
  const ref = median(reference)
  console.log(`\nconformance harness, ${n} verify vectors of a 3-caveat token (median of ${rounds} runs, vectors/s)`)
  console.log(`  reference adapter (node dist/adapter/main.js)   ${Math.round(ref).toString().padStart(8)}   target >= 20000: ${ref >= 20_000 ? 'met' : 'NOT met'}`)
  const python = 'adapters/pypitoken/.venv/bin/python'
  if (!existsSync(python)) {
    console.log('  pypitoken adapter: skipped (run `npm run adapters:setup`)')
    return
  }
  const m = Number(process.env.BENCH_HARNESS_PYPITOKEN_VECTORS ?? 2000)
  const adapter = `${python} adapters/pypitoken/adapter.py`
  const py = await throughput(adapter, m)
  const alone = inProcessPypitoken(python, 300)
  const bare = await throughput(adapter, 20_000, BARE)
  const row = (label: string, value: number, note: string) => console.log(`  ${label.padEnd(47)} ${Math.round(value).toString().padStart(8)}   ${note}`)
  row(`pypitoken adapter (${m} vectors)`, py, `target >= 5000: ${py >= 5000 ? 'met' : 'NOT met'}: pypitoken's own check is the limit, see next line`)
  row('  pypitoken Token.check alone, in-process', alone, 'it re-validates its JSON schemas (jsonschema) on every caveat of every check')
  row('pypitoken adapter, tokens without caveats', bare, `the harness and a Python adapter when the library is cheap (>= 5000: ${bare >= 5000 ? 'yes' : 'no'})`)
}

/** Token.load + Token.check of the benchmark token per second, measured inside Python. */
function inProcessPypitoken(python: string, n: number): number {
  const code = [
    'import sys, time',
    'from pypitoken import Token',
    `t, n = Token.load(sys.argv[1]), ${n}`,
    'start = time.perf_counter()',
    'for _ in range(n):',
    `    Token.load(sys.argv[1]).check(key=bytes(range(32)), project_name="requests", user_id="00000000-0000-0000-0000-000000000001", now=1700000000)`,
    'print(n / (time.perf_counter() - start))',
  ].join('\n')
  const r = spawnSync(python, ['-c', code, TOKEN], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`pypitoken in-process benchmark failed: ${r.stderr}`)
  return Number(r.stdout.trim())
}
