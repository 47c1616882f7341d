/**
 * @module The interop matrix: every chain minter → restricter → verifier over the adapters that
 * support each operation (a restricter may also be none: the token verified as issued), run on
 * the same generated cases. Every step is judged against the spec for its own input
 * (steps.ts); every distinct deviation is explained from adapters/interop.json or not, and shrunk
 * with fast-check to a minimal chain that still shows it.
 */
import fc from 'fast-check'
import type { InteropChain, InteropDeviation, InteropExplanation, InteropResults } from '../generated/types.js'
import { AdapterProcess, AdapterStartError } from '../harness/process/adapter-process.js'
import { VERSION } from '../version.js'
import { interopCaseArb, type InteropCase } from './cases.js'
import { explain } from './explanations.js'
import { runChain, type Chain, type ChainOutcome, type Deviation, type Endpoint, type Role } from './steps.js'

export interface InteropOptions {
  /** The adapters, by name (as in adapters/adapters.json) and command. */
  readonly adapters: readonly { readonly name: string; readonly command: string }[]
  /** Generated cases, each through every chain. Default 100. */
  readonly runs?: number
  /** fast-check seed of the cases and of every shrink. Default 1. */
  readonly seed?: number
  readonly explanations?: readonly InteropExplanation[]
  readonly timeoutMs?: number
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly onStderr?: (adapter: string, line: string) => void
  /** Progress, one line at a time. */
  readonly log?: (line: string) => void
}

const ROLES: readonly Role[] = ['mint', 'restrict', 'verify']

export const deviationId = (d: Deviation) => `${d.implementation} ${d.role}: ${d.class}${d.widens ? ' (widens access)' : ''}`
export const chainLabel = (c: Chain) => `${c.minter.name} → ${c.restricter?.name ?? '—'} → ${c.verifier.name}`

/** Runs the matrix. Never rejects for what an adapter does; an adapter that cannot start is a problem. */
export async function runInterop(options: InteropOptions): Promise<InteropResults> {
  const started = performance.now()
  const runs = options.runs ?? 100
  const seed = options.seed ?? 1
  const log = options.log ?? (() => {})
  const explanations = options.explanations ?? []
  const problems: string[] = []
  const procs: { name: string; proc: AdapterProcess }[] = []
  try {
    for (const { name, command } of options.adapters) {
      try {
        const onStderr = (line: string) => options.onStderr?.(name, line)
        procs.push({ name, proc: await AdapterProcess.start({ command, timeoutMs: options.timeoutMs ?? 10_000, onStderr, ...(options.cwd === undefined ? {} : { cwd: options.cwd }), ...(options.env === undefined ? {} : { env: options.env }) }) })
      } catch (err) {
        if (!(err instanceof AdapterStartError)) throw err
        problems.push(`${name} could not be started: ${err.message}`)
      }
    }
    for (const { name, proc } of procs) if (!ROLES.some((r) => proc.supports(r))) log(`${name} takes no part: it neither mints, restricts nor verifies`)
    const endpoint = ({ name, proc }: (typeof procs)[number]): Endpoint => ({ name, ask: (body) => proc.request(body) })
    const withRole = (role: Role) => procs.filter((p) => p.proc.supports(role)).map(endpoint)
    const chains: Chain[] = withRole('mint').flatMap((minter) => [null, ...withRole('restrict')].flatMap((restricter) => withRole('verify').map((verifier) => ({ minter, restricter, verifier }))))
    if (chains.length === 0) problems.push('no chain: the adapters that started do not mint and verify')

    const cases = fc.sample(interopCaseArb, { seed, numRuns: runs })
    const tallies: Tally[] = chains.map((chain) => ({ chain, cases: 0, agree: 0, verdict: 0, reason: 0, skipped: 0, unexplained: 0, seen: new Set<string>() }))
    const found = new Map<string, Found>()
    const widenedChains = new Map<string, number>()
    for (const [i, c] of cases.entries()) {
      const outcomes = await Promise.all(chains.map((chain) => runChain(chain, c)))
      outcomes.forEach((o, k) => tally(tallies[k] as (typeof tallies)[number], c, o, found, explanations, widenedChains))
      if ((i + 1) % 25 === 0 || i + 1 === cases.length) log(`${i + 1}/${cases.length} cases through ${chains.length} chains`)
    }

    const deviations: InteropDeviation[] = []
    for (const [id, f] of found) {
      log(`shrinking ${id} (${chainLabel(f.chain)})`)
      // INTEROP-2: the entry must cover every caveat kind any run of this deviation concerned.
      const deviation = { ...f.deviation, caveats: [...f.caveats].sort() as [string, ...string[]] }
      const explanation = explain(explanations, deviation) ?? null
      deviations.push({ id, ...deviation, count: f.count, explanation, minimal: await shrink(f, id, seed, runs) })
      if (explanation === null) problems.push(`unexplained deviation: ${id} (${f.count} chain runs; first in ${chainLabel(f.chain)})`)
    }
    // INTEROP-3: a chain that accepts where the spec's chain refuses needs an entry that says it widens access.
    for (const [label, n] of widenedChains) problems.push(`widening not explained: ${label} accepted ${n} token${n === 1 ? '' : 's'} the spec's chain refuses, and no entry that says it widens access explains any of its deviations`)
    const chainResults: InteropChain[] = tallies.map(({ chain, seen, ...counts }) => ({ minter: chain.minter.name, restricter: chain.restricter?.name ?? null, verifier: chain.verifier.name, ...counts, deviations: [...seen] }))
    const used = new Set(deviations.flatMap((d) => (d.explanation === null ? [] : [d.explanation])))
    return {
      schema: 'interop-results.schema.json',
      suite_version: VERSION,
      seed,
      runs,
      implementations: procs.map(({ name, proc }) => ({ name, implementation: proc.hello.implementation, roles: ROLES.filter((r) => proc.supports(r)) })),
      chains: chainResults,
      deviations,
      unseen_explanations: explanations.filter((e) => !used.has(e)).map((e) => `${e.implementation} ${e.role}: ${e.class}`),
      passed: problems.length === 0,
      problems,
      duration_ms: Math.round(performance.now() - started),
    }
  } finally {
    await Promise.all(procs.map(({ proc }) => proc.close()))
  }
}

type Tally = { chain: Chain; cases: number; agree: number; verdict: number; reason: number; skipped: number; unexplained: number; seen: Set<string> }

/** A deviation seen so far: how often, and the first chain and case that showed it. */
interface Found {
  readonly deviation: Deviation
  /** Every caveat kind the runs of this deviation concerned. */
  readonly caveats: Set<string>
  count: number
  readonly chain: Chain
  readonly case: InteropCase
}

function tally(t: Tally, c: InteropCase, o: ChainOutcome, found: Map<string, Found>, explanations: readonly InteropExplanation[], widenedChains: Map<string, number>): void {
  t.cases++
  if (o.kind === 'agree') t.agree++
  else if (o.kind === 'skipped') t.skipped++
  else {
    if (o.deviations.some((d) => d.level === 'verdict')) t.verdict++
    else t.reason++
    const unwidened = o.widened && !o.deviations.some((d) => explain(explanations, d)?.widens === true)
    if (unwidened) widenedChains.set(chainLabel(t.chain), (widenedChains.get(chainLabel(t.chain)) ?? 0) + 1)
    if (unwidened || o.deviations.some((d) => explain(explanations, d) === undefined)) t.unexplained++
    for (const d of o.deviations) {
      const id = deviationId(d)
      t.seen.add(id)
      const f = found.get(id)
      if (f === undefined) found.set(id, { deviation: d, caveats: new Set(d.caveats), count: 1, chain: t.chain, case: c })
      else {
        f.count++
        for (const k of d.caveats) f.caveats.add(k)
      }
    }
  }
}

/**
 * The smallest case fast-check finds that still shows deviation `id` on the chain that first
 * showed it, with its steps. fast-check replays the same cases from the same seed, finds one that
 * shows it and shrinks it; should it not (an adapter that answers differently the second time),
 * the case first seen is reported unshrunk.
 */
async function shrink(f: Found, id: string, seed: number, runs: number): Promise<InteropDeviation['minimal']> {
  const shows = (o: ChainOutcome) => o.kind === 'deviates' && o.deviations.some((d) => deviationId(d) === id)
  const details = await fc.check(
    fc.asyncProperty(interopCaseArb, async (c) => !shows(await runChain(f.chain, c))),
    { seed, numRuns: runs },
  )
  const c = details.counterexample?.[0] ?? f.case
  const outcome = await runChain(f.chain, c)
  return { chain: chainLabel(f.chain), case: c as unknown as Record<string, unknown>, steps: outcome.steps.map((s) => ({ ...s })), shrinks: details.numShrinks, seed, path: details.counterexamplePath ?? '' }
}
