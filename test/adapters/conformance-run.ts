/** Runs every vector against an adapter through the harness, as `pypi-token conformance run` does. */
import { join } from 'node:path'
import { loadXfailFile, Xfails } from '../../src/harness/judging/xfail.js'
import { runConformance, runFailed } from '../../src/harness/run.js'
import { loadVectors } from '../../src/vectors/load.js'
import { ROOT } from './python.js'

export async function runAllVectors(adapter: string, xfailFile?: string, env: NodeJS.ProcessEnv = process.env) {
  const suite = loadVectors(join(ROOT, 'vectors'))
  const xfails = xfailFile === undefined ? undefined : new Xfails(loadXfailFile(join(ROOT, xfailFile)).entries)
  const results = await runConformance({ adapter, suite, cwd: ROOT, env, ...(xfails ? { xfails } : {}) })
  const problems = results.results.filter((r) => !['PASS', 'XFAIL', 'SKIP'].includes(r.outcome)).map((r) => `${r.outcome} ${r.id}: ${r.message ?? ''}`)
  return { results, failed: runFailed(results), problems: [...problems, ...results.stale_xfails.map((id) => `stale xfail ${id}`)] }
}
