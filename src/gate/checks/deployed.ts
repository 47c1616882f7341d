/**
 * @module PROP-8, second half: the implementations already deployed — every adapter of
 * adapters/adapters.json: the reference without the proposal, pypitoken, Warehouse — reject every
 * token carrying the proposed caveat, run through their adapters, not assumed. An adapter whose
 * hello lists detect and not verify (a secret scanner), or inspect and restrict and not verify (a
 * macaroon library, LIB-1), takes no part: it verifies no token, so it has nothing to reject.
 */
import { join } from 'node:path'
import { AdapterConfigError, loadAdapterConfig, unmetRequirement } from '../../harness/reports/matrix.js'
import { runConformance } from '../../harness/run.js'
import type { VectorSuite } from '../../vectors/load.js'
import { judged, listed, type CheckResult } from '../check.js'

export interface DeployedOptions {
  /** Only these adapters (names in adapters.json); null: all of them. */
  readonly names: readonly string[] | null
  readonly env: NodeJS.ProcessEnv
  readonly timeoutMs?: number
}

const tally = (reasons: readonly string[]) =>
  [...new Set(reasons)].map((r) => `${r} ×${reasons.filter((x) => x === r).length}`).join(', ')

export async function checkDeployed(root: string, tag: number, suite: VectorSuite, options: DeployedOptions): Promise<CheckResult> {
  const problems: string[] = []
  let entries
  try {
    entries = loadAdapterConfig(join(root, 'adapters', 'adapters.json'))
  } catch (err) {
    if (err instanceof AdapterConfigError) return judged('deployed', [err.message], '')
    throw err
  }
  const unknown = (options.names ?? []).filter((n) => !entries.some((e) => e.name === n))
  if (unknown.length > 0) problems.push(`no adapter named ${unknown.join(', ')} in adapters/adapters.json`)
  const chosen = entries.filter((e) => options.names === null || options.names.includes(e.name))
  if (chosen.length === 0) problems.push('no deployed implementation to run')
  const count = suite.vectors.length
  if (count === 0) problems.push('no valid vector of the proposal carries the caveat, so no token was sent')
  const verdicts: string[] = []
  for (const entry of chosen) {
    const unmet = unmetRequirement(entry, options.env, root)
    if (unmet !== null) {
      problems.push(`${entry.name} could not run: ${unmet}`)
      continue
    }
    const results = await runConformance({ adapter: entry.command, suite, cwd: root, env: options.env, timeoutMs: options.timeoutMs ?? 30000, onStderr: () => {} })
    const scanner = results.ops.includes('detect')
    const library = results.ops.includes('inspect') && results.ops.includes('restrict')
    if (!results.ops.includes('verify') && (scanner || library)) {
      verdicts.push(`${entry.name} takes no part (its hello lists ${results.ops.join(', ')}, not verify)`)
      continue
    }
    const rejected = results.results.filter((r) => r.verdict === 'PASS')
    const accepted = results.results.filter((r) => (r.actual as { valid?: unknown } | undefined)?.valid === true)
    const silent = results.results.filter((r) => r.verdict !== 'PASS' && !accepted.includes(r))
    if (accepted.length > 0) problems.push(`${entry.name} would accept ${accepted.length} of ${count} tokens carrying tag ${tag}: ${listed(accepted.map((r) => r.id))}`)
    if (silent.length > 0) problems.push(`${entry.name} gave no verdict for ${silent.length} of ${count}: ${listed(silent.map((r) => `${r.id} (${r.verdict}: ${r.verdict_message ?? r.message ?? ''})`))}`)
    const reasons = rejected.map((r) => String((r.actual as { reason?: unknown } | undefined)?.reason ?? '?'))
    verdicts.push(`${entry.name} rejects ${rejected.length}/${count} (${tally(reasons) || 'none'})`)
  }
  return judged('deployed', problems, `every deployed implementation rejects every token carrying tag ${tag}: ${verdicts.join('; ')}`)
}
