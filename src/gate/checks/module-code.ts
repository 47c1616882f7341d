/**
 * @module PROP-20, PROP-21: the module's source reaches for nothing but its inputs — no clock,
 * randomness, process, global object, network or code built from strings — and imports only its
 * own folder and the allow-list (src/gate/sandbox/scan.ts). Each finding names the file and line.
 */
import { judged, listed, type CheckResult } from '../check.js'
import { ALLOWED_PACKAGES, type ScanResult } from '../sandbox/scan.js'

export function checkModuleCode(scan: ScanResult): CheckResult {
  const problems = scan.findings.map((f) => `${f.file}:${f.line}: ${f.message}`)
  return judged('module-code', problems, `${listed(scan.files as string[])}: no clock, randomness, process, global object, network or code from strings; imports only the folder, the core's public types and ${ALLOWED_PACKAGES.join(', ')}`)
}
