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
const CONTEXT = { now: 1700000000, project: { name: 'requests', normalized_name: 'requests', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }, user_id: '00000000-0000-0000-0000-000000000001', oidc_publisher: null }

/** `n` verify vectors (alternately valid and invalid) in one in-memory vector file. */
function batch(n: number): VectorSuite {
  const vectors: VerifyVector[] = Array.from({ length: n }, (_, i) => ({
    id: `bench::verify-${i}`,
    description: 'benchmark',
    spec: ['VERIFY-1'],
    flags: [],
    op: 'verify',
    input: { token: TOKEN, key: KEY_HEX, context: i % 2 === 0 ? CONTEXT : { ...CONTEXT, user_id: null } },
    expected: i % 2 === 0 ? { result: 'valid' } : { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' },
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
async function throughput(adapter: string, n: number): Promise<number> {
  const suite = batch(n)
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
  const py = await throughput(`${python} adapters/pypitoken/adapter.py`, m)
  console.log(`  pypitoken adapter (${m} vectors)                  ${Math.round(py).toString().padStart(8)}   (pypitoken itself is the bottleneck: it re-validates its JSON schemas on every check)`)
}
