// Prints the one line CI reads, "N passed, N failed", from one or more vitest JSON reports, and
// exits 0 only when every test command succeeded. Arguments: pairs of <report file> <status>.
// A command that failed before vitest reported (the type check) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const args = process.argv.slice(2)
let passed = 0
let failed = 0
let ok = true
for (let i = 0; i + 1 < args.length; i += 2) {
  const [file, statusText] = [args[i], args[i + 1]]
  const status = Number(statusText)
  let runFailed = 0
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    passed += report.numPassedTests
    runFailed = report.numFailedTests
  }
  if (status !== 0 && runFailed === 0) runFailed = 1
  failed += runFailed
  if (status !== 0 || runFailed > 0) ok = false
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
