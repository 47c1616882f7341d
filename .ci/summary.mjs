// Prints the one line CI reads, "N passed, N failed", from vitest's JSON report, and exits with
// the test command's status. A failure before vitest reported (the type check) counts as one.
// With a mutant gate report and its status as third and fourth arguments, each killed mutant also
// counts as a pass and each other mutant (survived, no longer applying, broken) as a failure; a
// failing unmutated baseline, or a gate that failed without a report, counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const [file, statusText, mutantsFile, mutantsStatusText] = process.argv.slice(2)
const status = Number(statusText)
let passed = 0
let failed = 0
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests
}
if (status !== 0 && failed === 0) failed = 1
let ok = status === 0 && failed === 0

if (mutantsFile !== undefined) {
  const mutantsStatus = Number(mutantsStatusText)
  let killed = 0
  let notKilled = 0
  try {
    if (existsSync(mutantsFile)) {
      const gate = JSON.parse(readFileSync(mutantsFile, 'utf8'))
      if (!gate.baseline.passed) notKilled++
      for (const m of gate.mutants) m.status === 'KILLED' ? killed++ : notKilled++
    }
  } catch (err) {
    console.error(`summary: cannot read ${mutantsFile}: ${err}`)
    notKilled++
  }
  if (mutantsStatus !== 0 && notKilled === 0) notKilled = 1
  passed += killed
  failed += notKilled
  ok = ok && mutantsStatus === 0 && notKilled === 0
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
