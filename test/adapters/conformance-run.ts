/** Runs every vector against an adapter through the harness, as `pypi-token conformance run` does; problems at either level (VEC-7, VEC-8). */
import { join } from 'node:path'
import { loadXfailFile, Xfails } from '../../src/harness/judging/xfail.js'
import { runConformance, runFailed } from '../../src/harness/run.js'
import { loadVectors } from '../../src/vectors/load.js'
import { ROOT } from './python.js'

export async function runAllVectors(adapter: string, xfailFile?: string, env: NodeJS.ProcessEnv = process.env) {
  const suite = loadVectors(join(ROOT, 'vectors'))
  const xfails = xfailFile === undefined ? undefined : new Xfails(loadXfailFile(join(ROOT, xfailFile)).entries)
  const results = await runConformance({ adapter, suite, cwd: ROOT, env, ...(xfails ? { xfails } : {}) })
  const fine = ['PASS', 'XFAIL', 'SKIP']
  const vectors = results.results
    .filter((r) => !fine.includes(r.outcome) || !fine.includes(r.verdict))
    .map((r) => `${r.outcome} (verdict ${r.verdict}) ${r.id}: ${[r.verdict_message, r.message].filter((m) => m !== undefined).join('; ')}`)
  return { results, failed: runFailed(results), problems: [...results.problems, ...vectors] }
}
