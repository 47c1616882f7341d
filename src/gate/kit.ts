/**
 * @module What the gate loads from a proposal: its module, vector builder, model and mutants,
 * bundled together with the core they plug into, so that one copy of `src/` serves them all.
 * `pypi-token gate` writes a small entry point that imports the proposal's files and calls
 * {@link kitOf}; the bundle's default export is the result.
 */
import fc from 'fast-check'
import { DEFAULT_REGISTRY, extendRegistry, type CaveatRegistry } from '../caveats/registry.js'
import type { CaveatModule, JsonSchema } from '../caveats/types.js'
import type { VectorFile, VerifyContext } from '../generated/types.js'
import { inspect } from '../inspect.js'
import { checkLaws, type LawResult } from '../laws/laws.js'
import { BUILT_IN_SUBJECT, withProposal, type ProposalModel } from '../laws/subjects.js'
import type { Mutant } from '../mutants/mutant.js'
import { schemaProblem, suiteOf, VectorLoadError } from '../vectors/load.js'
import type { Comparison } from '../vectors/near-miss.js'
import { familyProblems, type ComparisonRule } from '../vectors/near-miss-coverage.js'
import { schemaArbitrary } from './arbitraries.js'
import { derivedMutants, flippedVectors, type DerivedSite } from './derived-kills.js'
import { oracleDraws, restrictDraws, type DrawResult, type DrawSite } from './drawn.js'

export interface ProposalParts {
  readonly caveat: CaveatModule
  readonly build: () => VectorFile
  readonly comparisons: Readonly<Record<string, Comparison>>
  readonly model: ProposalModel
  readonly mutants: readonly Mutant[]
}

/** A proposal's parts with the functions of the bundled core that the gate's checks need. */
export interface Kit {
  readonly parts: ProposalParts
  /** The default registry extended with the proposal's module; throws TypeError on a clash (a failed schema check). */
  registry(): CaveatRegistry
  /** The near-miss cases `vectors` lack (VEC-10), for the rules of the proposal's spec page. */
  familyProblems(rules: readonly ComparisonRule[], vectors: VectorFile['vectors'], registry: CaveatRegistry): string[]
  /** Why a built vector file breaks the vector format or CTX-1, or null. */
  fileProblem(file: VectorFile, registry: CaveatRegistry): string | null
  /** Whether the token carries a caveat the proposal's module decodes. */
  carriesCaveat(token: string, registry: CaveatRegistry): boolean
  checkLaws(registry: CaveatRegistry, options: { readonly numRuns: number; readonly seed?: number }): LawResult[]
  /** PROP-11: the laws with contexts drawn from the context schema mixed into the model's. */
  checkDrawnLaws(registry: CaveatRegistry, context: JsonSchema, options: { readonly numRuns: number; readonly seed: number }): LawResult[]
  /** PROP-12: the module against the oracle a comparison rule names. */
  drawOracle(registry: CaveatRegistry, site: DrawSite, memberSchema: JsonSchema, options: { readonly numRuns: number; readonly seed: number }): DrawResult
  /** PROP-18: the restricter writes what was asked or refuses. */
  drawRestrict(registry: CaveatRegistry, library: string | null, options: { readonly numRuns: number; readonly seed: number }): DrawResult
  /** PROP-13: the derived mutants and the vectors each flips. */
  derived(sites: readonly DerivedSite[], vectors: VectorFile['vectors']): { name: string; rule: string; kind: string; says: string; flipped: string[] }[]
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object'
const FUNCTIONS = ['decode', 'encode', 'normalize', 'check', 'explain'] as const

/** What the imported files export, checked (PROP-1); the problems name the file and the export. */
export function kitOf(imports: { module: unknown; vectors: unknown; model: unknown; mutants: unknown; bases: readonly VerifyContext[] }): { ok: true; kit: Kit } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const caveat = isObject(imports.module) ? imports.module.caveat : undefined
  if (!isObject(caveat)) problems.push('module.ts does not export `caveat`, a caveat module')
  else {
    for (const f of FUNCTIONS) if (typeof caveat[f] !== 'function') problems.push(`module.ts: caveat.${f} is not a function`)
    if (!isObject(caveat.schemas) || !isObject(caveat.schemas.caveat) || !isObject(caveat.schemas.restriction)) problems.push('module.ts: caveat.schemas must hold the caveat and restriction schemas')
  }
  const vectors = isObject(imports.vectors) ? imports.vectors : {}
  if (typeof vectors.build !== 'function') problems.push('vectors.ts does not export `build`, a function that returns the vector file')
  if (vectors.comparisons !== undefined && !isObject(vectors.comparisons)) problems.push('vectors.ts: `comparisons` must be an object of comparisons by name')
  const model = isObject(imports.model) ? imports.model.model : undefined
  if (!isObject(model) || typeof model.holds !== 'function' || !['restriction', 'context', 'rejected'].every((k) => isObject(model[k]))) {
    problems.push('model.ts does not export `model` with restriction, context and rejected arbitraries and holds()')
  }
  const mutants = isObject(imports.mutants) ? imports.mutants.mutants : undefined
  if (!Array.isArray(mutants)) problems.push('mutants.ts does not export `mutants`, an array of mutants')
  if (problems.length > 0) return { ok: false, problems }
  const parts: ProposalParts = {
    caveat: caveat as unknown as CaveatModule,
    build: vectors.build as () => VectorFile,
    comparisons: (vectors.comparisons ?? {}) as Record<string, Comparison>,
    model: model as unknown as ProposalModel,
    mutants: mutants as Mutant[],
  }
  const bases = imports.bases
  return {
    ok: true,
    kit: {
      parts,
      registry: () => extendRegistry(DEFAULT_REGISTRY, [parts.caveat]),
      familyProblems: (rules, vs, registry) => familyProblems(rules, vs, { comparisons: parts.comparisons, bases, registry }),
      fileProblem: (file, registry) => {
        const schema = schemaProblem(file, registry)
        if (schema !== null) return schema
        try {
          suiteOf([{ file: `${file.topic}.json`, data: file }], (f) => f, registry)
          return null
        } catch (err) {
          if (err instanceof VectorLoadError) return err.message
          throw err
        }
      },
      carriesCaveat: (token, registry) => {
        const info = inspect(token, { registry })
        return info.ok && info.token.caveats.some((c) => c.slug === parts.caveat.slug && c.error === null)
      },
      checkLaws: (registry, options) => checkLaws(withProposal(BUILT_IN_SUBJECT, registry, parts.caveat.type, parts.model), options),
      checkDrawnLaws: (registry, context, options) => {
        const drawn = schemaArbitrary(context) as ProposalModel['context']
        return checkLaws(withProposal(BUILT_IN_SUBJECT, registry, parts.caveat.type, { ...parts.model, context: fc.oneof(parts.model.context, drawn) }), options)
      },
      drawOracle: (registry, site, memberSchema, options) => oracleDraws(parts.caveat, registry, bases[0] as VerifyContext, site, memberSchema, options),
      drawRestrict: (registry, library, options) => restrictDraws(parts.caveat, registry, library, options),
      derived: (sites, vs) => derivedMutants(parts.caveat, sites).map(({ caveat, ...m }) => ({ ...m, flipped: flippedVectors(parts.caveat, caveat, vs) })),
    },
  }
}
