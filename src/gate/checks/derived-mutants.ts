/**
 * @module PROP-13, PROP-14: the mutants the gate derives itself, killed by the proposal's vectors,
 * and floors on the evidence — a declared mutant catalogue of at least {@link MIN_DECLARED}, and
 * near-miss families of at least {@link MIN_CASES} cases holding every generic shape — unless the
 * spec page names a derived kind or a shape not applicable to a rule, with a reason. The
 * restricter is mutated too: writing what it is given (PROP-13).
 */
import type { JsonSchema } from '../../caveats/types.js'
import type { VectorFile } from '../../generated/types.js'
import { comparisonRules } from '../../vectors/near-miss-coverage.js'
import { listed, judged, type CheckResult } from '../check.js'
import { declaredNotApplicable, notApplicable } from '../declarations.js'
import type { DerivedSite } from '../derived-kills.js'
import type { Kit } from '../kit.js'
import type { ProposalFolder } from '../proposal.js'

export const MIN_DECLARED = 3
export const MIN_CASES = 8
/** The generic shapes of src/vectors/near-miss.ts every family needs (the rest are the comparison's own). */
export const REQUIRED_SHAPES = ['empty', 'whitespace', 'full-width', 'trailing-nul'] as const

/** Where the gate derives mutants: each comparison rule, and each context member whose schema names a format. */
export function derivedSites(folder: ProposalFolder): DerivedSite[] {
  const members = (folder.context?.properties ?? {}) as Record<string, JsonSchema>
  const numeric = (member: string) => /"(integer|number)"/.test(JSON.stringify(members[member] ?? {}))
  const sites = comparisonRules(folder.spec).map((r) => ({ rule: r.spec, member: r.compared, numeric: numeric(r.compared) }))
  for (const [member, schema] of Object.entries(members)) {
    if (JSON.stringify(schema).includes('"format"') && !sites.some((s) => s.member === member)) sites.push({ rule: `format:${member}`, member, numeric: numeric(member) })
  }
  return sites
}

export interface DerivedOutcome {
  readonly result: CheckResult
  /** The vectors each derived mutant flips. */
  readonly flipped: readonly { name: string; flipped: readonly string[] }[]
}

export function checkDerivedMutants(kit: Kit, folder: ProposalFolder, file: VectorFile): DerivedOutcome {
  const problems: string[] = []
  const declared = notApplicable(folder.spec)
  for (const d of declared) if (d.reason.split(' ').length < 4) problems.push(`spec.md declares ${d.names.join(', ')} not applicable to ${d.rule} without a reason`)
  const count = kit.parts.mutants.length
  if (count < MIN_DECLARED) problems.push(`mutants.ts declares ${count} mutant${count === 1 ? '' : 's'}; the floor is ${MIN_DECLARED} (PROP-14)`)

  // Near-miss families of the required shape (PROP-14).
  const examples = (folder.context?.properties ?? {}) as Record<string, JsonSchema>
  for (const rule of comparisonRules(folder.spec)) {
    const comparison = kit.parts.comparisons[rule.comparison]
    if (comparison === undefined) continue
    const example = (examples[rule.compared]?.examples as unknown[] | undefined)?.[0]
    let names: string[] = []
    try {
      names = comparison.cases(String(example)).map((c) => c.name)
    } catch (err) {
      problems.push(`the ${rule.comparison} comparison's cases throw: ${err instanceof Error ? err.message : String(err)}`)
      continue
    }
    if (names.length < MIN_CASES) problems.push(`the near-miss family of ${rule.spec} (${rule.comparison}) has ${names.length} case${names.length === 1 ? '' : 's'}; the floor is ${MIN_CASES} (PROP-14)`)
    const lacking = REQUIRED_SHAPES.filter((shape) => !names.includes(shape) && !declaredNotApplicable(declared, rule.spec, shape))
    if (lacking.length > 0) problems.push(`the near-miss family of ${rule.spec} lacks the generic case${lacking.length === 1 ? '' : 's'} ${lacking.join(', ')}, and spec.md does not name ${lacking.length === 1 ? 'it' : 'them'} not applicable with a reason (PROP-14)`)
  }

  // Derived mutants, killed (PROP-13).
  const sites = derivedSites(folder)
  let flipped: { name: string; rule: string; kind: string; says: string; flipped: string[] }[] = []
  try {
    flipped = kit.derived(sites, file.vectors)
  } catch (err) {
    problems.push(`the derived mutants could not run: ${err instanceof Error ? err.message : String(err)}`)
  }
  const excused = flipped.filter((m) => m.flipped.length === 0 && declaredNotApplicable(declared, m.rule, m.kind))
  const survived = flipped.filter((m) => m.flipped.length === 0 && !excused.includes(m))
  for (const m of survived) problems.push(`derived mutant ${m.name} survives: ${m.says}, and no vector of the proposal changes its verdict (PROP-13)`)
  const killed = flipped.length - survived.length - excused.length
  return {
    result: judged('derived-mutants', problems, `${killed}/${flipped.length} derived mutants killed at ${sites.map((s) => `${s.rule} (${s.member})`).join(', ') || 'no comparison'}${excused.length === 0 ? '' : `, ${excused.length} not applicable (${listed(excused.map((m) => m.name), 3)})`}; ${count} declared mutants (floor ${MIN_DECLARED}); near-miss families hold ${REQUIRED_SHAPES.join(', ')}`),
    flipped,
  }
}
