/**
 * @module PROP-7: every mutant of the proposal's check — those mutants.ts declares and two the gate
 * derives — is killed by the proposal's vectors, with the mutant gate of src/mutants/.
 */
import { runGate, type BaselineResult, type MutantResult } from '../../mutants/gate.js'
import type { Mutant } from '../../mutants/mutant.js'
import { mutantLine } from '../../mutants/report.js'
import type { VectorSuite } from '../../vectors/load.js'
import { ADAPTER_ENTRY, CAVEAT_LINE, proposalWorkspace } from '../bundle.js'
import { judged, type CheckResult } from '../check.js'

/** The mutants the gate derives for any proposal (PROP-7), as edits of its adapter entry. */
export function derivedMutants(slug: string, members: readonly string[]): Mutant[] {
  const derived: Mutant[] = [
    {
      name: `${slug}/always-holds`,
      file: ADAPTER_ENTRY,
      find: CAVEAT_LINE,
      replace: 'const caveat = { ...proposal.caveat, check: () => null }',
      description: 'the proposed caveat always holds',
      targets: [slug],
    },
  ]
  if (members.length > 0) {
    derived.push({
      name: `${slug}/missing-context-holds`,
      file: ADAPTER_ENTRY,
      find: CAVEAT_LINE,
      replace: `const caveat = { ...proposal.caveat, check: (r, c) => (${JSON.stringify(members)}.some((m) => c[m] == null) ? null : proposal.caveat.check(r, c)) }`,
      description: `the caveat holds when ${members.join(' or ')} is missing (VERIFY-2)`,
      targets: ['VERIFY-2', slug],
    })
  }
  return derived
}

/** Problems with a proposal's declared mutants: names `<slug>/<kind>`, files in its folder. */
export function declaredProblems(slug: string, mutants: readonly Mutant[]): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  for (const m of mutants) {
    if (typeof m?.name !== 'string' || !new RegExp(`^${slug}/[a-z0-9-]+$`).test(m.name)) problems.push(`mutants.ts: the name ${JSON.stringify(m?.name)} is not ${slug}/<kind>`)
    else if (names.has(m.name)) problems.push(`mutants.ts: ${m.name} is declared twice`)
    else names.add(m.name)
    if (typeof m?.file !== 'string' || !m.file.startsWith(`proposals/${slug}/`) || m.file.includes('..')) problems.push(`mutants.ts: ${m?.name} patches ${JSON.stringify(m?.file)}, which is not a file of proposals/${slug}/`)
    if (typeof m?.find !== 'string' || typeof m?.replace !== 'string') problems.push(`mutants.ts: ${m?.name} needs find and replace texts`)
  }
  return problems
}

/**
 * `baseline`: the reference with the proposal (the same workspace) already passed every vector of
 * `suite` in the gate's one reference run, so the mutant gate does not bundle and run it again.
 */
export async function checkMutants(root: string, dir: string, slug: string, members: readonly string[], declared: readonly Mutant[], suite: VectorSuite, tempDir: string, builders?: string, onResult?: (m: MutantResult) => void, baseline?: BaselineResult): Promise<CheckResult> {
  const shape = declaredProblems(slug, declared)
  if (shape.length > 0) return judged('mutants', shape, '')
  const mutants = [...declared, ...derivedMutants(slug, members)]
  const report = await runGate({ root, suite, mutants, tempDir, workspace: proposalWorkspace(root, dir, slug, undefined, builders), ...(onResult === undefined ? {} : { onResult }), ...(baseline === undefined ? {} : { baseline }) })
  const problems: string[] = []
  if (!report.baseline.passed) problems.push(report.baseline.message ?? 'the unmutated reference with the proposal fails its vectors')
  for (const m of report.mutants) if (m.status !== 'KILLED') problems.push(mutantLine(m, 0).replace(/ {2,}/g, ' ').trim())
  return judged('mutants', problems, `${report.summary.killed}/${mutants.length} mutants killed (${declared.length} declared, ${mutants.length - declared.length} derived)`)
}
