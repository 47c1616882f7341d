/**
 * npm run bench [-- --json FILE]: the reference's speed as ratios measured in one run, never by a
 * timed test. Prints a Markdown table (docs/bench.md's copy comes from here) and the details.
 *
 *   floor          verify ÷ the raw HMAC chain (n + 2 one-shot HMACs on node:crypto), and where the rest goes
 *   npm macaroon   verify and mint against npm `macaroon` 3.0.4, whose mint breaks from 3 caveats
 *   Python         verify against pymacaroons' Verifier.verify and pypitoken's Token.check, in-process
 *   harness        vectors/s through the harness ÷ each adapter's own in-process rate
 *   scaling        µs per caveat from 1 to 10,000 caveats, and the heap verify leaves behind
 *   gate           a full proposal gate run of each worked proposal, wall and CPU seconds
 *
 * Rates are per CPU second of the process that does the work (scripts/bench/measure.ts), so other
 * work on the machine does not skew them; the harness rate is that of the busier of its two
 * processes (scripts/bench/harness-overhead.ts). BENCH_ROUNDS sets the rounds of each
 * measurement (default 5).
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { floorBenchmark } from './bench/floor.js'
import { gateBenchmark } from './bench/gate.js'
import { availableAdapters, harnessOverhead } from './bench/harness-overhead.js'
import { perSecond, times } from './bench/measure.js'
import { mintAgainstNpm, verifyAgainstNpm } from './bench/npm-macaroon.js'
import { pythonPeers } from './bench/python-peers.js'
import { scalingBenchmark } from './bench/scaling.js'

const { values } = parseArgs({ options: { json: { type: 'string' } } })
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
const log = (line: string) => process.stderr.write(`${line}\n`)

log('floor …')
const floor = floorBenchmark(rounds)
log('npm macaroon …')
const npmVerify = verifyAgainstNpm(rounds)
const npmMint = mintAgainstNpm(rounds)
log('Python peers …')
const python = pythonPeers()
log('harness …')
const harness = await harnessOverhead(availableAdapters(), Math.max(1, Math.min(rounds, 3)))
log('scaling …')
const scaling = scalingBenchmark(rounds)
log('gate …')
const gate = await gateBenchmark(process.cwd())

const ours = floor.rates['verify (reference)'] as number
const us = (rate: number) => `${(1e6 / rate).toFixed(1)} µs`
const met = (ok: boolean) => (ok ? 'met' : '**not met**')
const rows: string[][] = []
rows.push(['verify ÷ floor: 3-caveat token vs its raw HMAC chain (5 one-shot `createHmac`)', `${us(ours)} vs ${us(floor.rates['floor: n + 2 one-shot HMACs (node:crypto createHmac)'] as number)}`, times(floor.ratio), `≤ 1.5×: ${met(floor.ratio <= 1.5)}`])
const npmBest = Math.max(...Object.entries(npmVerify.rates).filter(([k]) => k !== 'reference verify').map(([, v]) => v))
rows.push(['verify: reference vs npm `macaroon` 3.0.4 (import + verify)', `${perSecond(ours)} vs ${perSecond(npmBest)}`, times(npmVerify.ratio), `≥ 3×: ${met(npmVerify.ratio >= 3)}`])
for (const m of npmMint) {
  const what = `mint, ${m.caveats} caveat${m.caveats === 1 ? '' : 's'}: reference vs npm \`macaroon\``
  if (typeof m.npm === 'number') rows.push([what, `${perSecond(m.reference)} vs ${perSecond(m.npm)}`, times(m.reference / m.npm), '—'])
  else if ('allocatedBytes' in m.npm) rows.push([what, `${perSecond(m.reference)} vs one token in ${m.npm.msPerToken.toFixed(0)} ms, after allocating ${m.npm.allocatedBytes.toLocaleString('en-US')} bytes`, times(m.reference / (1000 / m.npm.msPerToken)), 'npm breaks'])
  else rows.push([what, `${perSecond(m.reference)} vs \`${m.npm.error}\``, '—', 'npm breaks'])
}
for (const p of python) rows.push([`verify: reference vs ${p.name} ${p.version} (${p.what}), in-process`, `${perSecond(ours)} vs ${perSecond(p.rate)}`, times(ours / p.rate), '—'])
for (const h of harness) rows.push([`harness ÷ ${h.name} adapter in-process (3-caveat verify vectors)`, `${perSecond(h.harness)} vs ${perSecond(h.inProcess)}`, times(h.ratio), `≥ 0.90 (≤ 10% overhead): ${met(h.ratio >= 0.9)}`])

for (const s of scaling.rows) rows.push([`verify, ${s.caveats.toLocaleString('en-US')} caveats (${s.chars.toLocaleString('en-US')} characters${s.through === 'verify' ? '' : `, ${s.through}`})`, `${perSecond(s.perSecond)}`, `${s.microsPerCaveat.toFixed(2)} µs/caveat`, 'flat: linear'])
for (const g of gate) rows.push([`proposal gate, full run of proposals/${g.slug} (${g.ok ? 'PASSED' : 'FAILED'}; deployed: reference)`, `${g.wallSeconds.toFixed(1)} s wall, ${g.cpuSeconds.toFixed(1)} s CPU`, '—', `CPU < 30 s: ${met(g.cpuSeconds < 30)}`])

const table = ['| what | measured | ratio | target |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
console.log(table)
console.log(`\nWhere verify's time goes (each stage timed on its own, as a share of one verify):`)
for (const [stage, share] of Object.entries(floor.shares)) console.log(`  ${stage.padEnd(45)} ${(share * 100).toFixed(0).padStart(4)}%`)
console.log('\nThe harness, per vector: CPU of the harness process and of the adapter, and the wall-clock rate of the same runs:')
for (const h of harness) console.log(`  ${h.name.padEnd(10)} harness ${h.harnessMicros.toFixed(0).padStart(6)} µs   adapter ${h.adapterMicros.toFixed(0).padStart(6)} µs   wall ${perSecond(h.wall)}`)
console.log(`Heap left behind by 200 verifies of the largest token under the limit: ${scaling.retainedBytes.toLocaleString('en-US')} bytes`)
if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ floor, npmVerify, npmMint, python, harness, scaling, gate }, null, 2) + '\n')
