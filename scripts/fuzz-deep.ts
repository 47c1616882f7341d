/**
 * npm run fuzz:deep -- [--runs N] [--seed S] [--json FILE]
 *
 * Deep fuzzing of the reference in-process (src/fuzz/deep/): generated and mutated tokens,
 * contexts and restrictions through parse, inspect, verify and restrict. Prints the rate, the
 * peak resident memory and every kind of finding. Exit status 0 when there was no exception, no
 * false accept, no false reject and no inconsistency; 1 otherwise; 2 on bad usage.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { deepFuzz } from '../src/fuzz/deep/run.js'

function usage(message: string): never {
  console.error(`fuzz:deep: ${message}\nusage: npm run fuzz:deep -- [--runs N] [--seed S] [--json FILE]`)
  process.exit(2)
}

let values: { runs?: string; seed?: string; json?: string }
try {
  ;({ values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, json: { type: 'string' } } }))
} catch (err) {
  usage((err as Error).message)
}
const runs = Number(values.runs ?? 100_000)
const seed = Number(values.seed ?? 1)
if (!Number.isSafeInteger(runs) || runs < 1) usage(`--runs must be a positive whole number, not ${JSON.stringify(values.runs)}`)
if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) usage(`--seed must be a 32-bit whole number, not ${JSON.stringify(values.seed)}`)

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
console.log(`deep fuzz: ${runs} cases, seed ${seed}`)
const report = deepFuzz({
  runs,
  seed,
  onProgress: (p) => console.log(`  ${p.done.toString().padStart(9)} cases  ${p.seconds.toFixed(0).padStart(5)} s  ${Math.round(p.done / p.seconds)}/s  RSS ${mb(p.rssBytes)}`),
})
console.log(`${report.runs} cases in ${report.seconds.toFixed(1)} s: ${Math.round(report.perSecond)} cases/s (${Math.round(report.perCpuSecond)} per CPU second; ${report.cpuSeconds.toFixed(1)} s of CPU)`)
console.log(`verify accepted ${report.accepted}, rejected ${report.rejected}; restrict narrowed ${report.narrowed}`)
console.log(`memory: peak RSS ${mb(report.peakRssBytes)}; RSS after a tenth ${mb(report.rssAtTenthBytes)}, at the end ${mb(report.rssAtEndBytes)}`)
console.log(`exceptions ${report.counts.exception}, false accepts ${report.counts['false-accept']}, false rejects ${report.counts['false-reject']}, inconsistencies ${report.counts.inconsistent}`)
for (const f of report.findings) console.log(`  ${f.kind} in ${f.operation} (case ${f.run}): ${f.detail}\n    ${f.how}`)
if (report.shrunk !== null) console.log(`first finding, shrunk (seed ${report.shrunk.seed}, path ${report.shrunk.path}): ${report.shrunk.how}\n  ${report.shrunk.findings.map((f) => `${f.kind} in ${f.operation}: ${f.detail}`).join('\n  ')}`)
if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n')
process.exit(Object.values(report.counts).some((n) => n > 0) ? 1 : 0)
