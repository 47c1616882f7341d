/**
 * @module PROP-22, PROP-23: the module is a pure function of its inputs. Every caveat, context and
 * restriction of the proposal's vectors goes through validate, decode, check (each caveat against
 * each context), explain, encode and normalize twice, in two sandboxes (src/gate/sandbox/run.ts)
 * that differ in the clock, the seed of `Math.random` and the order of the calls; the answers must
 * be identical, and no call may write to what it is handed.
 */
import type { VectorFile } from '../../generated/types.js'
import { judged, listed, type CheckResult } from '../check.js'
import { bundleModule, runSteps, type Corpus, type Environment, type Step } from '../sandbox/run.js'

/** The two environments (PROP-22): 2026-01-01 and fifty years later, two seeds, two orders. */
export const ENVIRONMENTS: readonly [Environment, Environment] = [
  { now: Date.UTC(2026, 0, 1), seed: 1, reverse: false },
  { now: Date.UTC(2076, 0, 1), seed: 2, reverse: true },
]

/** At most this many check calls: every caveat against every context, thinned evenly beyond it. */
export const MAX_CHECKS = 5000

const unique = <T>(values: readonly T[]): T[] => [...new Map(values.map((v) => [JSON.stringify(v), v])).values()]

/** The inputs of the proposal's vectors: caveats with its tag, contexts, restrictions of its type. */
export function corpusOf(file: VectorFile, tag: number, type: string): Corpus {
  const wires: unknown[] = []
  const contexts: unknown[] = []
  const restrictions: unknown[] = []
  for (const v of file.vectors) {
    for (const text of (v as { decoded?: { caveats?: unknown } }).decoded?.caveats instanceof Array ? ((v as { decoded: { caveats: unknown[] } }).decoded.caveats) : []) {
      try {
        const wire: unknown = JSON.parse(String(text))
        if (Array.isArray(wire) && wire[0] === tag) wires.push(wire)
      } catch {
        // Not JSON: the core rejects it before any module sees it.
      }
    }
    const input = v.input as { context?: unknown; restrictions?: unknown }
    if (input.context !== undefined) contexts.push(input.context)
    if (Array.isArray(input.restrictions)) restrictions.push(...input.restrictions.filter((r) => (r as { type?: unknown })?.type === type))
  }
  const w = unique(wires)
  const c = unique(contexts)
  const r = unique(restrictions)
  const steps: Step[] = []
  for (let i = 0; i < w.length; i++) for (const op of ['validate', 'decode', 'explain', 'encode'] as const) steps.push({ op, wire: i })
  const pairs = w.length * c.length
  const stride = Math.max(1, Math.ceil(pairs / MAX_CHECKS))
  for (let k = 0; k < pairs; k += stride) steps.push({ op: 'check', wire: Math.floor(k / c.length), context: k % c.length })
  for (let i = 0; i < r.length; i++) steps.push({ op: 'normalize', restriction: i })
  return { wires: w, contexts: c, restrictions: r, steps }
}

const describe = (corpus: Corpus, s: Step) => {
  const show = (v: unknown) => JSON.stringify(v).slice(0, 160)
  if (s.op === 'normalize') return `normalize(${show(corpus.restrictions[s.restriction])})`
  if (s.op === 'check') return `check(${show(corpus.wires[s.wire])}, ${show(corpus.contexts[s.context])})`
  return `${s.op}(${show(corpus.wires[s.wire])})`
}

export async function checkDeterminism(dir: string, tag: number, type: string, file: VectorFile): Promise<CheckResult> {
  const corpus = corpusOf(file, tag, type)
  if (corpus.steps.length === 0) return judged('determinism', ['the vectors hold no caveat with the proposal\'s tag and no restriction of its type, so the module was never called'], '')
  const bundled = await bundleModule(dir)
  if (!bundled.ok) return judged('determinism', [bundled.message], '')
  const [a, b] = ENVIRONMENTS.map((env) => runSteps(bundled.code, corpus, env))
  const problems: string[] = []
  for (const [run, env] of [[a, ENVIRONMENTS[0]], [b, ENVIRONMENTS[1]]] as const) {
    if (!run?.ok) problems.push(`the module fails in the sandbox (clock ${new Date(env.now).toISOString().slice(0, 10)}, seed ${env.seed}): ${run?.ok === false ? run.message : ''}`)
  }
  if (a?.ok !== true || b?.ok !== true) return judged('determinism', problems, '')
  const writes = corpus.steps.flatMap((s, i) => [...new Set(a.answers[i]?.writes ?? [])].map((w) => `${describe(corpus, s)} ${w}`))
  if (writes.length > 0) problems.push(`the module writes to what it is handed (PROP-23): ${listed(writes, 3)}`)
  const differ = corpus.steps.flatMap((s, i) => (a.answers[i]?.answer === b.answers[i]?.answer ? [] : [`${describe(corpus, s)}: ${a.answers[i]?.answer.slice(0, 120)} with the clock at 2026-01-01, seed 1, calls in order; ${b.answers[i]?.answer.slice(0, 120)} at 2076-01-01, seed 2, in reverse`]))
  if (differ.length > 0) problems.push(`${differ.length} of ${corpus.steps.length} answers depend on the clock, Math.random or earlier calls (PROP-22): ${listed(differ, 2)}`)
  const checks = corpus.steps.filter((s) => s.op === 'check').length
  return judged(
    'determinism',
    problems,
    `${corpus.steps.length} calls (${checks} checks of ${corpus.wires.length} caveats × ${corpus.contexts.length} contexts, ${corpus.restrictions.length} restrictions normalized) answer identically at two clocks, two Math.random seeds and in two orders; none writes to its inputs`,
  )
}
