/**
 * npm run bench: performance of the reference implementation, measured side by side with its
 * peers in one process (tinybench), never by a timed test. Measures the compiled code in dist/.
 *
 *   verify, 3 caveats: reference vs npm `macaroon` 3.0.4 (import + verify), with a checker that
 *   only parses each caveat as JSON (the cheapest fair peer) and with one that runs the
 *   reference's own caveat checks (equal caveat work; the engine is all that differs).
 *
 * Target (issue 2): reference ≥ 3× npm macaroon's verify.
 */
import { Bench } from 'tinybench'
import { importMacaroon } from 'macaroon'
import { verify, decodeCaveat, completeContext } from '../dist/index.js'
import { harnessBenchmarks } from './bench-harness.js'

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i)
/** pymacaroons-minted: [1,["requests"]], [0,1900000000,1600000000], [3,"00000000-0000-0000-0000-000000000001"]. */
const TOKEN =
  'pypi-AgEIcHlwaS5vcmcCEHNvbWUtdXVpZC1zdHJpbmcAAhBbMSxbInJlcXVlc3RzIl1dAAIZWzAsMTkwMDAwMDAwMCwxNjAwMDAwMDAwXQACKlszLCIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiXQAABiBlW0xKbUN5M198ehLnfCmMtArTpfeOoT5HOj2cY9VjcQ'
const CONTEXT = { now: 1700000000, project: { name: 'requests', normalized_name: 'requests', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }, user_id: '00000000-0000-0000-0000-000000000001', oidc_publisher: null }
const BODY = TOKEN.slice('pypi-'.length)

function sanity(): void {
  if (!verify(TOKEN, KEY, CONTEXT).valid) throw new Error('the benchmark token does not verify')
  importMacaroon(BODY).verify(KEY, () => null)
}

const jsonOnlyChecker = (condition: string) => {
  JSON.parse(condition)
  return null
}
const ctx = completeContext(CONTEXT)
const referenceChecker = (condition: string) => {
  const d = decodeCaveat({ kind: 'first-party', id: Buffer.from(condition) })
  return d.ok && d.module.check(d.restriction as never, ctx) === null ? null : 'caveat not satisfied'
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function verifyBenchmarks(rounds: number): Promise<void> {
  const tasks: Record<string, () => void> = {
    'reference verify': () => void verify(TOKEN, KEY, CONTEXT),
    'npm macaroon verify, JSON.parse checker': () => importMacaroon(BODY).verify(KEY, jsonOnlyChecker),
    'npm macaroon verify, reference caveat checks': () => importMacaroon(BODY).verify(KEY, referenceChecker),
  }
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: 400, warmupTime: 100 })
    for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn)
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result
      samples[task.name]!.push(result !== undefined && 'throughput' in result ? result.throughput.mean : Number.NaN)
    }
  }
  const ours = median(samples['reference verify']!)
  console.log(`verify, 3-caveat token (median of ${rounds} rounds, ops/s)`)
  for (const [name, xs] of Object.entries(samples)) {
    const m = median(xs)
    const ratio = name === 'reference verify' ? '' : `   reference is ${(ours / m).toFixed(2)}x`
    console.log(`  ${name.padEnd(46)} ${Math.round(m).toString().padStart(8)}${ratio}`)
  }
  const worst = Math.min(...Object.entries(samples).filter(([n]) => n !== 'reference verify').map(([, xs]) => ours / median(xs)))
  console.log(`  target: reference >= 3x npm macaroon: ${worst >= 3 ? 'met' : 'NOT met'} (${worst.toFixed(2)}x against the cheapest peer)`)
}

sanity()
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
await verifyBenchmarks(rounds)
await harnessBenchmarks()
