/**
 * The vectors-alone score (`npm run mutation:vectors`, stryker.vectors.config.json): how much of
 * the reference's behaviour the checked-in vectors pin down, with message mutants left out
 * (scores.ts, isMessage). Its target applies to the files whose behaviour says what a token means,
 * taken together; the other files in scope are scored too, for the record.
 */
import { aggregate, type FileScore } from './scores.js'

export const VECTORS_TARGET = 90

/** The files the vectors-alone target applies to, as a whole (a folder ends in `/`). */
export const VECTORS_CORE = ['src/caveats/', 'src/token/', 'src/verify.ts', 'src/macaroon/decode.ts', 'src/macaroon/signature.ts', 'src/macaroon/varint.ts'] as const

export const inVectorsCore = (file: string) => VECTORS_CORE.some((c) => (c.endsWith('/') ? file.startsWith(c) : file === c))

export interface VectorsScores {
  readonly tool: string
  readonly target: number
  /** VECTORS_CORE, taken together, with its ratchet threshold. */
  readonly core: FileScore & { readonly files: readonly string[]; readonly threshold: number }
  /** Every file in scope with a valid mutant, message mutants left out. */
  readonly files: Record<string, FileScore>
}

/**
 * The vectors section of scores.json for a run's per-file scores. The main score's ratchet: while
 * the core is below the target, its threshold is its recorded score rounded down, which rises with
 * the score (up to the target) and never falls; the first record sets it so.
 */
export function vectorsScores(tool: string, scores: Record<string, FileScore>, previousThreshold: number | undefined): VectorsScores {
  const core = Object.keys(scores).filter(inVectorsCore)
  const total = aggregate(core.map((f) => scores[f] as FileScore))
  const threshold = Math.max(previousThreshold ?? 0, Math.min(VECTORS_TARGET, Math.floor(total.score)))
  return { tool, target: VECTORS_TARGET, core: { ...total, files: [...VECTORS_CORE], threshold }, files: scores }
}
