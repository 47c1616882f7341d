/**
 * @module PROP-24, PROP-25: every regular expression of the proposal — each `pattern` and
 * `patternProperties` key of its three schemas, each regex literal and `new RegExp` of its module
 * (src/gate/sandbox/scan.ts) — judged by `recheck`, a ReDoS checker the proposer did not write.
 * Vulnerable (exponential or polynomial) is refused with the attack string recheck reports;
 * undecided (recheck timed out or does not support the pattern) is refused too: fail closed.
 */
import { createRequire } from 'node:module'
import type { Diagnostics, Parameters } from 'recheck'
import type { JsonSchema } from '../../caveats/types.js'
import { judged, type CheckResult } from '../check.js'
import type { ProposalFolder } from '../proposal.js'
import type { FoundRegex } from '../sandbox/scan.js'

const { checkSync } = createRequire(import.meta.url)('recheck') as { checkSync: (source: string, flags: string, params?: Parameters) => Diagnostics }

/**
 * recheck's parameters (PROP-25): a fixed seed for its fuzzer, and none of its inner wall-clock
 * limits (attack, incubation, seeding; recall validation stays off), so that its work is bounded
 * by its step and size limits alone and the same pattern gets the same verdict on any machine,
 * however busy. The overall time limit is only a guard against a hang, far above what the worked
 * proposals' patterns take (seconds); when it strikes the verdict is `unknown`, which is refused.
 */
export const RECHECK_PARAMS: Parameters = { randomSeed: 0, checker: 'auto', timeout: 300_000, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: -1 }

export interface Regex {
  /** Where it is written: `caveat.schema.json items[1].items pattern`, `pep440.ts:22`. */
  readonly where: string
  readonly source: string
  readonly flags: string
}

/** Every `pattern` and `patternProperties` key of a schema, with its path. JSON Schema patterns are ECMA-262 with Unicode (as ajv compiles them). */
export function schemaRegexes(file: string, schema: unknown, path = ''): Regex[] {
  if (schema === null || typeof schema !== 'object') return []
  const out: Regex[] = []
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    const here = Array.isArray(schema) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
    if (key === 'pattern' && typeof value === 'string') out.push({ where: `${file} ${here}`, source: value, flags: 'u' })
    if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      for (const p of Object.keys(value)) out.push({ where: `${file} ${here}[${JSON.stringify(p)}]`, source: p, flags: 'u' })
    }
    if (key !== 'examples' && key !== 'const' && key !== 'enum' && key !== 'default') out.push(...schemaRegexes(file, value, here))
  }
  return out
}

const shown = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text)

/**
 * recheck's decided diagnoses by (flags, source), in process: a verdict is a function of the pattern,
 * its flags and {@link RECHECK_PARAMS} (a constant: fixed seed, no wall-clock limit but the hang
 * guard), so the key holds every input. Only `safe` and `vulnerable` are kept; `unknown` (which the
 * hang guard can cause) is asked again. Bounded: the oldest entry goes beyond {@link CACHED} entries.
 * The tests gate dozens of copies of two proposals, whose patterns recheck would otherwise judge anew.
 */
const decided = new Map<string, Diagnostics>()
const CACHED = 512

function diagnose(source: string, flags: string): Diagnostics {
  const key = `${flags}/${source}`
  const hit = decided.get(key)
  if (hit !== undefined) return hit
  const d = checkSync(source, flags, RECHECK_PARAMS)
  if (d.status !== 'unknown') {
    if (decided.size >= CACHED) decided.delete(decided.keys().next().value as string)
    decided.set(key, d)
  }
  return d
}

/** One regex's problem, or null when recheck finds it safe. */
export function regexProblem(r: Regex): string | null {
  let d: Diagnostics
  try {
    d = diagnose(r.source, r.flags)
  } catch (err) {
    return `${r.where}: recheck could not run on /${shown(r.source)}/${r.flags}: ${err instanceof Error ? err.message : String(err)}`
  }
  if (d.status === 'safe') return null
  if (d.status === 'vulnerable') {
    const complexity = d.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${d.complexity.degree})`
    return `${r.where}: /${shown(r.source)}/${r.flags} backtracks catastrophically, ${complexity}: recheck's attack string ${shown(JSON.stringify(d.attack.string))} (${shown(d.attack.pattern)})`
  }
  return `${r.where}: recheck could not decide whether /${shown(r.source)}/${r.flags} is safe (${d.error.kind}); a pattern the checker cannot judge is refused (PROP-25)`
}

export function checkRedos(folder: ProposalFolder, moduleRegexes: readonly FoundRegex[]): CheckResult {
  const files: [string, JsonSchema | null][] = [['caveat.schema.json', folder.caveat], ['restriction.schema.json', folder.restriction], ['context.schema.json', folder.context]]
  const regexes: Regex[] = files.flatMap(([file, schema]) => schemaRegexes(file, schema))
  const problems: string[] = []
  for (const r of moduleRegexes) {
    if (r.source === null) problems.push(`${r.file}:${r.line}: a RegExp built from a value the gate cannot compute, so no checker can judge it; write the pattern as a constant (PROP-24)`)
    else regexes.push({ where: `${r.file}:${r.line}`, source: r.source, flags: r.flags })
  }
  for (const r of regexes) {
    const problem = regexProblem(r)
    if (problem !== null) problems.push(problem)
  }
  const inModule = moduleRegexes.length
  return judged('redos', problems, `recheck finds all ${regexes.length} regular expressions safe (${regexes.length - inModule} in the schemas, ${inModule} in the module; seed ${String(RECHECK_PARAMS.randomSeed)})`)
}
