/**
 * @module PROP-11, PROP-12, PROP-18: inputs the proposer did not choose. The module against the
 * independent oracle each comparison rule names, on values drawn from the oracle and the schemas;
 * the laws with contexts drawn from the context schema; the restricter against the oracle. At least
 * {@link MIN_RUNS} runs each, one fixed seed, printed; a failure shows its shrunk counterexample.
 */
import type { CaveatRegistry } from '../../caveats/registry.js'
import type { JsonSchema } from '../../caveats/types.js'
import { comparisonRules } from '../../vectors/near-miss-coverage.js'
import { KNOWN_FORMATS, schemaFormats } from '../arbitraries.js'
import { judged, type CheckResult } from '../check.js'
import { namedOracles } from '../declarations.js'
import type { DrawResult } from '../drawn.js'
import type { Kit } from '../kit.js'
import { ORACLES } from '../oracles.js'
import type { ProposalFolder } from '../proposal.js'

export const MIN_RUNS = 1000
/** The seed when none is given: fixed, so that a verdict reproduces (PROP-11). */
export const DEFAULT_SEED = 17

export interface DrawOptions {
  readonly runs: number
  readonly seed: number
}

export const drawOptions = (runs: number | undefined, seed: number | undefined): DrawOptions => ({ runs: Math.max(MIN_RUNS, runs ?? 0), seed: seed ?? DEFAULT_SEED })

const guarded = (id: string, seed: number, run: () => DrawResult): DrawResult => {
  try {
    return run()
  } catch (err) {
    return { id, ok: false, runs: 0, seed, message: `could not run: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** The library each comparison rule names, and the problems with the names. */
export function oraclesOf(folder: ProposalFolder): { sites: { rule: string; member: string; library: string | null }[]; problems: string[] } {
  const named = namedOracles(folder.spec)
  const problems: string[] = []
  const rules = comparisonRules(folder.spec)
  for (const n of named) {
    if (!rules.some((r) => r.spec === n.rule)) problems.push(`spec.md names the oracle ${n.library} for ${n.rule}, which is no comparison rule of the page`)
    if (ORACLES[n.library] === undefined) problems.push(`spec.md names the oracle ${JSON.stringify(n.library)} for ${n.rule}, which the gate does not have (it has ${Object.keys(ORACLES).join(', ')})`)
  }
  const sites = rules.map((r) => ({ rule: r.spec, member: r.compared, library: named.find((n) => n.rule === r.spec && ORACLES[n.library] !== undefined)?.library ?? null }))
  for (const s of sites) {
    const rule = rules.find((r) => r.spec === s.rule)
    if (s.library === null && rule?.comparison !== 'exact') problems.push(`comparison rule ${s.rule} (${rule?.comparison}) names no independent oracle: add <!-- oracle: ${s.rule} LIBRARY --> to spec.md (${Object.keys(ORACLES).join(', ')})`)
  }
  return { sites, problems }
}

export function checkDrawn(kit: Kit, registry: CaveatRegistry, folder: ProposalFolder, options: DrawOptions): CheckResult {
  const { sites, problems } = oraclesOf(folder)
  const draw = { numRuns: options.runs, seed: options.seed }
  for (const f of [folder.caveat, folder.restriction, folder.context].flatMap((s) => schemaFormats(s))) {
    if (!KNOWN_FORMATS.includes(f.format)) problems.push(`a schema names the format ${JSON.stringify(f.format)} at ${f.at}, which the gate cannot draw (${KNOWN_FORMATS.join(', ')})`)
  }
  const members = (folder.context?.properties ?? {}) as Record<string, JsonSchema>
  const results: DrawResult[] = []
  for (const site of sites) {
    const schema = members[site.member]
    if (site.library === null || schema === undefined) continue
    results.push(guarded(`${site.rule} vs ${site.library}`, options.seed, () => kit.drawOracle(registry, site, schema, draw)))
  }
  let laws = 'no context extension to draw'
  if (folder.context !== null) {
    try {
      const lawResults = kit.checkDrawnLaws(registry, folder.context, draw)
      for (const r of lawResults) if (!r.ok) problems.push(`${r.id} fails on contexts drawn from context.schema.json (seed ${r.seed}): ${r.message}; counterexample ${r.counterexample}`)
      laws = `${lawResults.map((r) => r.id).join(', ')} hold over ${options.runs} runs with contexts drawn from context.schema.json`
    } catch (err) {
      problems.push(`the laws could not run on drawn contexts: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  for (const r of results) if (!r.ok) problems.push(`${r.id} (seed ${r.seed}): ${r.message}`)
  const agreed = results.map((r) => `${r.id} agree over ${r.runs} draws`).join('; ') || 'no oracle named'
  return judged('drawn', problems, `${agreed}; ${laws} (seed ${options.seed})`)
}

export function checkRestrictLaw(kit: Kit, registry: CaveatRegistry, folder: ProposalFolder, options: DrawOptions): CheckResult {
  const library = oraclesOf(folder).sites.find((s) => s.library !== null)?.library ?? null
  const r = guarded('PROP-18', options.seed, () => kit.drawRestrict(registry, library, { numRuns: options.runs, seed: options.seed }))
  return judged('restrict-law', r.ok ? [] : [`${r.id} (seed ${r.seed}): ${r.message}`], `what restrict writes, inspect reads back as exactly what was asked${library === null ? '' : ` (by ${library})`}, or restrict refuses with INVALID_ARGUMENT: ${r.runs} draws (seed ${r.seed})`)
}
