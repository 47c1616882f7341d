/**
 * @module `pypi-token gate proposals/<slug>`: runs every check of spec/proposals.md on a proposed
 * caveat type (PROP-10) and says, for each, PASS, FAIL with the exact reasons, or NOT RUN when a
 * check it needs failed. A sibling of the harness: it runs the harness, the laws and the mutant
 * gate, with the proposal registered through the same registry as a built-in caveat.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { VectorFile, VectorResult } from '../generated/types.js'
import { runConformance } from '../harness/run.js'
import { prepareAdapter, removeDir } from '../mutants/apply.js'
import { loadVectors } from '../vectors/load.js'
import { loadKit, proposalWorkspace } from './bundle.js'
import { CHECKS, judged, notRun, passed, type CheckName, type CheckResult } from './check.js'
import { prepareBase } from './base.js'
import { checkBase } from './checks/base.js'
import { checkCaveatSize } from './checks/caveat-size.js'
import { checkDeployed } from './checks/deployed.js'
import { checkDeterminism } from './checks/determinism.js'
import { checkDerivedMutants } from './checks/derived-mutants.js'
import { checkDrawn, checkRestrictLaw, drawOptions } from './checks/drawn.js'
import { checkIds } from './checks/ids.js'
import { checkProposalLaws } from './checks/laws.js'
import { checkModuleCode } from './checks/module-code.js'
import { checkMutants } from './checks/mutants.js'
import { checkRedos } from './checks/redos.js'
import { checkSchema } from './checks/schema.js'
import { checkSemver } from './checks/semver.js'
import { checkSpecIds } from './checks/spec-ids.js'
import { checkExistingVectors, checkMissingContext, checkVectors } from './checks/vectors.js'
import { deployedFile, missingContextFile, suiteOfFiles, validCarrying } from './derived.js'
import { readProposal, REQUIRED_FILES } from './proposal.js'
import { scanModule } from './sandbox/scan.js'

export interface ProposalGateOptions {
  /** The repository: its src/, scripts/vectors/, vectors/, adapters/ and node_modules/. */
  readonly root: string
  /** The proposal's folder. */
  readonly proposal: string
  /** Default: the repository's CHANGELOG.md. */
  readonly changelog?: string
  /** The deployed implementations to run (adapters.json names); default all. */
  readonly deployed?: readonly string[] | null
  /** fast-check runs per law. Default 200. */
  readonly lawRuns?: number
  readonly seed?: number
  readonly env?: NodeJS.ProcessEnv
  /** Where temporary copies are made. Default: the OS temporary directory. */
  readonly tempDir?: string
  /** The ref whose merge-base with HEAD the gate judges against (PROP-27). Default `main`. */
  readonly base?: string
  /** Called as each check is decided. */
  readonly onCheck?: (result: CheckResult) => void
}

export interface ProposalGateReport {
  readonly proposal: { readonly path: string; readonly slug: string; readonly tag: number | null }
  readonly ok: boolean
  readonly checks: readonly CheckResult[]
  readonly duration_ms: number
}

export async function runProposalGate(options: ProposalGateOptions): Promise<ProposalGateReport> {
  const started = performance.now()
  const results = new Map<CheckName, CheckResult>()
  const record = (r: CheckResult) => {
    results.set(r.name, r)
    options.onCheck?.(r)
  }
  const skip = (names: readonly CheckName[], needs: readonly CheckName[]) => names.forEach((n) => results.has(n) || record(notRun(n, needs)))
  const report = (slug: string, tag: number | null): ProposalGateReport => {
    const checks = CHECKS.map((n) => results.get(n) ?? notRun(n, ['files']))
    return { proposal: { path: options.proposal, slug, tag }, ok: checks.every((c) => c.status === 'PASS'), checks, duration_ms: Math.round(performance.now() - started) }
  }
  const { root } = options
  const temp = mkdtempSync(join(options.tempDir ?? tmpdir(), 'pypi-token-gate-'))
  try {
    const read = readProposal(options.proposal)
    if (!read.ok) {
      record(judged('files', read.problems, ''))
      return report('', null)
    }
    const folder = read.folder
    const tag = typeof folder.caveat['x-tag'] === 'number' ? folder.caveat['x-tag'] : null
    // PROP-27: the base, and the static checks of the module (PROP-20, PROP-24, PROP-26), before any code of the proposal runs.
    const base = prepareBase(root, options.base ?? 'main', join(temp, 'base'))
    record(checkBase(base))
    const judge = base.ok ? base.base.dir : root
    const builders = join(judge, 'scripts', 'vectors')
    const scan = scanModule(root, folder.dir)
    record(checkModuleCode(scan))
    record(checkRedos(folder, scan.regexes))
    record(checkCaveatSize(folder.caveat))
    if (results.get('module-code')?.status !== 'PASS') {
      skip(CHECKS, ['module-code'])
      return report(folder.slug, tag)
    }
    const loaded = await loadKit(root, folder.dir, folder.slug, temp, builders)
    if (!loaded.ok) {
      record(judged('files', loaded.problems, ''))
      return report(folder.slug, tag)
    }
    const kit = loaded.kit
    record(passed('files', `${REQUIRED_FILES.length + (folder.context === null ? 0 : 1)} files; the module, vector builder, model and ${kit.parts.mutants.length} mutants load`))
    const schema = await checkSchema(root, folder, kit.parts.caveat, judge)
    record(schema)
    const members = Object.keys(folder.context?.properties ?? {})

    const semver = (file: VectorFile | null) => {
      const existing = results.get('existing-vectors')?.status
      return checkSemver({ root, slug: folder.slug, tag: tag ?? -1, spec: folder.spec, file, existingKept: existing === 'PASS' ? true : existing === 'FAIL' ? false : null, changelog: options.changelog ?? join(root, 'CHANGELOG.md') })
    }
    const BEHAVIOURAL: CheckName[] = ['vectors', 'laws', 'mutants', 'derived-mutants', 'drawn', 'restrict-law', 'ids', 'existing-vectors', 'deployed', 'missing-context', 'determinism']
    if (schema.status !== 'PASS') {
      // The builder and every run need the proposal registered, which a failed schema check forbids.
      skip(['spec-ids', ...BEHAVIOURAL], ['schema'])
      record(semver(null))
      return report(folder.slug, tag)
    }
    let file: VectorFile
    try {
      file = kit.parts.build()
    } catch (err) {
      record(judged('vectors', [`vectors.ts: build() throws: ${err instanceof Error ? err.message : String(err)}`], ''))
      skip(['spec-ids', ...BEHAVIOURAL], ['vectors'])
      record(semver(null))
      return report(folder.slug, tag)
    }
    const registry = kit.registry()
    const formatProblem = kit.fileProblem(file, registry)
    if (formatProblem !== null) {
      // Nothing can run vectors the harness cannot read.
      record(judged('vectors', [`the vector file: ${formatProblem}`], ''))
      skip(['spec-ids', ...BEHAVIOURAL], ['vectors'])
      record(semver(null))
      return report(folder.slug, tag)
    }
    record(checkSpecIds(judge, folder.spec, file))
    const carrying = validCarrying(file, (t) => kit.carriesCaveat(t, registry))

    // One run of the reference with the proposal: existing vectors, the proposal's, and the proposal's without its context.
    const existing = loadVectors(join(judge, 'vectors'))
    const own = { file: `${file.topic}.json`, data: file }
    const withoutContext = missingContextFile(file, members, carrying)
    const run = await referenceRun(root, folder.dir, folder.slug, temp, suiteOfFiles([...existing.files, own, withoutContext]), builders)
    const inFile = (name: string) => run.filter((r) => r.file === name)
    record(checkVectors(kit, registry, folder.slug, folder.spec, file, inFile(own.file)))
    record(await checkDeterminism(folder.dir, tag as number, kit.parts.caveat.type, file))
    record(checkProposalLaws(kit, registry, { numRuns: options.lawRuns ?? 200, ...(options.seed === undefined ? {} : { seed: options.seed }) }))
    // Killing a mutant proves something only when the unmutated module passes every vector.
    // PROP-11 … PROP-18: draws, derived mutants and ids (the gate's own evidence).
    const draws = drawOptions(options.lawRuns, options.seed)
    const flipped = new Set<string>()
    const ownRun = inFile(own.file)
    if (ownRun.every((r) => r.outcome === 'PASS')) {
      // The reference run is the mutant gate's baseline: the same bundle, every vector of the proposal passed.
      const baseline = { passed: true, vectors: ownRun.length, failed_count: 0, failed_vectors: [], message: null, duration_ms: 0, dir: null }
      record(await checkMutants(root, folder.dir, folder.slug, members, kit.parts.mutants, suiteOfFiles([own]), temp, builders, (m) => m.failed_ids?.forEach((id) => flipped.add(id)), baseline))
      const derived = checkDerivedMutants(kit, folder, file)
      record(derived.result)
      for (const m of derived.flipped) m.flipped.forEach((id) => flipped.add(id))
      record(checkIds(judge, folder, file, flipped))
    } else skip(['mutants', 'derived-mutants', 'ids'], ['vectors'])
    record(checkDrawn(kit, registry, folder, draws))
    record(checkRestrictLaw(kit, registry, folder, draws))
    const existingIds = new Set(existing.files.map((f) => f.file))
    record(checkExistingVectors(run.filter((r) => existingIds.has(r.file)), existing.vectors.length))
    record(await checkDeployed(root, tag as number, suiteOfFiles([deployedFile(file, members, carrying)]), { names: options.deployed ?? null, env: options.env ?? process.env }))
    record(checkMissingContext(members, inFile(withoutContext.file)))
    record(semver(file))
    return report(folder.slug, tag)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** Runs `suite` against the reference adapter with the proposal registered; every vector gets a result. */
async function referenceRun(root: string, dir: string, slug: string, temp: string, suite: ReturnType<typeof suiteOfFiles>, builders: string): Promise<VectorResult[]> {
  const prepared = await prepareAdapter(root, null, temp, proposalWorkspace(root, dir, slug, undefined, builders))
  if (!prepared.ok) {
    removeDir(prepared.dir)
    const message = prepared.message.replace('the unmutated copy', 'the reference with the proposal')
    return suite.vectors.map(({ vector, file }) => ({ id: vector.id, file, op: vector.op, outcome: 'ERROR', verdict: 'ERROR', expected: vector.expected as Record<string, unknown>, message }))
  }
  try {
    return (await runConformance({ adapter: prepared.command, suite, cwd: root, onStderr: () => {} })).results
  } finally {
    removeDir(prepared.dir)
  }
}
