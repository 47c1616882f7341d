// Prints the one line CI reads, "N passed, N failed", and exits 0 only when every step succeeded.
// Arguments: triples <kind> <report file> <exit status>, kind `vitest`, `mutants`, `gate`,
// `fuzz`, `mutation`, `mutation-vectors`, `pytest`, `gotest` or `step`.
// - vitest: each test counts once; a command that failed before vitest reported (the type check)
//   counts as one failure.
// - mutants: each killed mutant counts as a pass, each other mutant (survived, no longer applying,
//   broken) as a failure; a failing unmutated baseline, or a gate that failed without a report,
//   counts as one failure.
// - gate: each check of a proposal's gate report counts once, a pass if PASS, a failure otherwise.
// - pytest: a JUnit XML report; each test that passed counts as a pass, each failure or error as
//   a failure (skipped and xfailed tests count as neither).
// - gotest: `go test -json` output; each test and subtest that passed or failed counts once.
// - step: no report (`-`); the exit status alone counts once.
// - fuzz: a differential fuzzing run (`conformance fuzz --json`) is one pass when it found no new
//   disagreement; each new disagreement is a failure.
// - mutation: each file in scope StrykerJS scored (`npm run mutation --json`) is a pass when it meets its
//   threshold and a failure when not; each stale equivalent entry is a failure. No file: nothing.
// - mutation-vectors: the vectors-alone score (`npm run mutation:vectors --json`) is one pass when its
//   core meets its threshold, one failure when not; each stale equivalent.vectors.json entry is a failure.
import { existsSync, readFileSync } from 'node:fs'

const args = process.argv.slice(2)
let passed = 0
let failed = 0
let ok = true

function counts(kind, file, status) {
  if (kind === 'step') return status === 0 ? [1, 0] : [0, 1]
  if (!existsSync(file)) return [0, 0]
  const text = readFileSync(file, 'utf8')
  if (kind === 'pytest') {
    const suite = /<testsuite\b[^>]*>/.exec(text)?.[0] ?? ''
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0)
    const bad = attr('failures') + attr('errors')
    return [attr('tests') - bad - attr('skipped'), bad]
  }
  if (kind === 'gotest') {
    const events = text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((e) => e.Test !== undefined)
    return [events.filter((e) => e.Action === 'pass').length, events.filter((e) => e.Action === 'fail').length]
  }
  const report = JSON.parse(text)
  if (kind === 'vitest') return [report.numPassedTests, report.numFailedTests]
  if (kind === 'gate') return [report.checks.filter((c) => c.status === 'PASS').length, report.checks.filter((c) => c.status !== 'PASS').length]
  if (kind === 'fuzz') return report.disagreements.length === 0 ? [1, 0] : [0, report.disagreements.length]
  if (kind === 'mutation') {
    const files = Object.values(report.files)
    const below = files.filter((f) => f.score < f.threshold).length
    return [files.length - below, below + report.stale.length]
  }
  if (kind === 'mutation-vectors') {
    const core = report.vectors.core
    return [core.score >= core.threshold ? 1 : 0, (core.score >= core.threshold ? 0 : 1) + report.stale.length]
  }
  let killed = 0
  let notKilled = report.baseline.passed ? 0 : 1
  for (const m of report.mutants) m.status === 'KILLED' ? killed++ : notKilled++
  return [killed, notKilled]
}

for (let i = 0; i + 2 < args.length; i += 3) {
  const [kind, file, statusText] = [args[i], args[i + 1], args[i + 2]]
  const status = Number(statusText)
  let good = 0
  let bad = 0
  try {
    ;[good, bad] = counts(kind, file, status)
  } catch (err) {
    console.error(`summary: cannot read ${file}: ${err}`)
    bad = 1
  }
  if (status !== 0 && bad === 0) bad = 1
  passed += good
  failed += bad
  if (status !== 0 || bad > 0) ok = false
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
