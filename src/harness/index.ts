/**
 * @module pypi-token-spec/harness: the conformance harness as a library. Runs the vectors against
 * an implementation's adapter (spec/adapter-protocol.md) and writes the reports; what
 * `pypi-token conformance run` does. Node.js only (it starts processes and reads files), and kept
 * out of the main entry point so that `import { verify } from 'pypi-token-spec'` loads none of it.
 */
export { runConformance, runFailed, selectVectors, type RunOptions } from './run.js'
export { loadVectors, readVectorFile, PACKAGE_VECTORS, VectorLoadError, type VectorSuite, type LoadedVector, type LoadedFile, type LoadOptions } from '../vectors/load.js'
export { loadXfailFile, Xfails, XfailLoadError } from './judging/xfail.js'
export { writeReports, REPORT_KINDS, type ReportKind } from './reports/reports.js'
export { AdapterStartError } from './process/adapter-process.js'
export type { ConformanceResults, VectorResult, Summary, Vector, VectorFile, XfailFile, XfailEntry } from '../generated/types.js'
