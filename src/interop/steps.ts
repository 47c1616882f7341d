/**
 * @module One chain of the interop matrix for one case: the minter mints the token as the index
 * issued it, the restricter (if any) narrows it, the verifier verifies it. Each step's answer is
 * compared with what the spec prescribes for the same input, computed with the reference library
 * (which passes every vector), so a deviation is pinned on the step, implementation and role that
 * made it, whatever the other steps did.
 */
import { fromHex } from '../bytes.js'
import type { Restriction } from '../generated/types.js'
import { restrictedSummary, canonical } from '../fuzz/compare.js'
import type { Answer } from '../harness/process/adapter-process.js'
import { mint } from '../mint.js'
import { restrict } from '../restrict.js'
import { verify } from '../verify.js'
import { LOCATION, type InteropCase } from './cases.js'
import { allKinds, differingKinds, restrictionKinds, verifyKinds, widensAccess } from './effects.js'

export type Role = 'mint' | 'restrict' | 'verify'

/** An implementation the matrix can ask: its adapter, behind a request function. */
export interface Endpoint {
  readonly name: string
  ask(body: Record<string, unknown>): Promise<Answer>
}

export interface Chain {
  readonly minter: Endpoint
  /** Null: the token is verified as issued. */
  readonly restricter: Endpoint | null
  readonly verifier: Endpoint
}

/** A step that did not do what the spec prescribes for its input. */
export interface Deviation {
  readonly implementation: string
  readonly role: Role
  /** Coarse and stable, e.g. `invalid (CAVEAT_NOT_SATISFIED) → valid`; explanations match it. */
  readonly class: string
  /** `verdict` when what is accepted (or written) differs, `reason` when only the reason does. */
  readonly level: 'verdict' | 'reason'
  /** INTEROP-1: the caveat kinds (slugs) the deviation concerns; `token` for the token as a whole. */
  readonly caveats: readonly string[]
  /** INTEROP-1: whether it lets a token through where the spec refuses it. */
  readonly widens: boolean
}

/** One step as it happened, for the report of a shrunk chain. */
export interface Step {
  readonly role: Role
  readonly implementation: string
  readonly request: Record<string, unknown>
  readonly answer: string
  readonly spec: string
}

export type ChainOutcome =
  | { readonly kind: 'agree'; readonly steps: readonly Step[] }
  | { readonly kind: 'skipped'; readonly why: string; readonly steps: readonly Step[] }
  /** `widened`: the chain's verifier accepted where the spec's own chain (mint, restrict, verify) refuses (INTEROP-3). */
  | { readonly kind: 'deviates'; readonly deviations: readonly Deviation[]; readonly steps: readonly Step[]; readonly widened: boolean }

type Json = Record<string, unknown>
/** An answer reduced to what a step is judged on. */
type Reply = { kind: 'unsupported'; message: string } | { kind: 'fault'; message: string } | { kind: 'refused'; code: string } | { kind: 'ok'; response: Json }

function replyOf(answer: Answer): Reply {
  if (answer.kind !== 'response') return { kind: 'fault', message: `${answer.kind === 'hang' ? 'HANG' : 'ERROR'}: ${answer.message}` }
  const r = answer.response
  const error = r.error as { code?: unknown; message?: unknown } | undefined
  if (r.ok === false) {
    const message = `${String(error?.code)}${typeof error?.message === 'string' ? `: ${error.message}` : ''}`
    return error?.code === 'unsupported' ? { kind: 'unsupported', message } : { kind: 'fault', message: `ERROR ${message}` }
  }
  if (error !== undefined) return { kind: 'refused', code: String(error.code) }
  return { kind: 'ok', response: r }
}

const describe = (reply: Reply, what: (r: Json) => string) =>
  reply.kind === 'ok' ? what(reply.response) : reply.kind === 'refused' ? `refused (${reply.code})` : reply.message

/** Runs a chain on a case; never rejects. */
export async function runChain(chain: Chain, c: InteropCase): Promise<ChainOutcome> {
  const steps: Step[] = []
  const deviations: Deviation[] = []
  const key = fromHex(c.key) ?? new Uint8Array()

  const mintRequest = { op: 'mint', key: c.key, location: LOCATION, identifier: c.identifier, prefix: 'pypi', caveats: c.issued.caveats }
  const minted = replyOf(await chain.minter.ask(mintRequest))
  const specMint = mint({ key, location: LOCATION, identifier: c.identifier, prefix: 'pypi', caveats: [...c.issued.caveats] })
  const specToken = specMint.ok ? specMint.token : ''
  steps.push({ role: 'mint', implementation: chain.minter.name, request: mintRequest, answer: describe(minted, (r) => String(r.token)), spec: specToken })
  if (minted.kind === 'unsupported') return { kind: 'skipped', why: `${chain.minter.name} cannot mint: ${minted.message}`, steps }
  if (minted.kind !== 'ok') return { kind: 'deviates', deviations: [{ implementation: chain.minter.name, role: 'mint', class: minted.kind === 'refused' ? `refused (${minted.code})` : 'ERROR', level: 'verdict', caveats: allKinds(specToken), widens: false }], steps, widened: false }
  let token = String(minted.response.token)
  if (token !== specToken) deviations.push({ implementation: chain.minter.name, role: 'mint', class: 'another token', level: 'verdict', caveats: differingKinds(token, specToken), widens: widensAccess(token, specToken, c.key, c.context) })
  // The spec's own chain, end to end: what the verifier should finally say (INTEROP-3).
  const specRestricted = chain.restricter === null ? specMint : specMint.ok ? restrict(specMint.token, c.restrictions as Restriction[]) : specMint
  const specChainValid = specRestricted.ok && verify(specRestricted.token, key, c.context).valid

  if (chain.restricter !== null) {
    const request = { op: 'restrict', token, restrictions: c.restrictions }
    const restricted = replyOf(await chain.restricter.ask(request))
    const spec = restrict(token, c.restrictions as Restriction[])
    steps.push({ role: 'restrict', implementation: chain.restricter.name, request, answer: describe(restricted, (r) => String(r.token)), spec: spec.ok ? spec.token : `refused (${spec.reason})` })
    if (restricted.kind === 'unsupported') return { kind: 'skipped', why: `${chain.restricter.name} cannot restrict so: ${restricted.message}`, steps }
    const deviation = restrictDeviation(restricted, spec, c, token)
    if (deviation !== null) deviations.push({ implementation: chain.restricter.name, role: 'restrict', ...deviation })
    if (restricted.kind !== 'ok') return deviations.length === 0 ? { kind: 'agree', steps } : { kind: 'deviates', deviations, steps, widened: false }
    token = String(restricted.response.token)
  }

  const request = { op: 'verify', token, key: c.key, context: c.context }
  const verified = replyOf(await chain.verifier.ask(request))
  const spec = verify(token, key, c.context)
  const specVerdict = spec.valid ? 'valid' : `invalid (${spec.reason})`
  steps.push({ role: 'verify', implementation: chain.verifier.name, request, answer: describe(verified, verdictOf), spec: specVerdict })
  if (verified.kind === 'unsupported') return { kind: 'skipped', why: `${chain.verifier.name} cannot verify this request: ${verified.message}`, steps }
  const got = verified.kind === 'ok' ? verdictOf(verified.response) : verified.kind === 'refused' ? `refused (${verified.code})` : 'ERROR'
  if (got !== specVerdict) {
    const sameValidity = got.startsWith('invalid') && !spec.valid
    // INTEROP-1: the caveats on which the verdicts differ.
    const reported = verified.kind === 'ok' && Array.isArray(verified.response.failures) ? (verified.response.failures as { index?: unknown; reason?: unknown }[]).map((f) => ({ index: typeof f.index === 'number' ? f.index : null, reason: String(f.reason) })) : null
    const caveats = verifyKinds(token, spec.failures, reported)
    deviations.push({ implementation: chain.verifier.name, role: 'verify', class: `${specVerdict} → ${got}`, level: sameValidity ? 'reason' : 'verdict', caveats, widens: got === 'valid' && !spec.valid })
  }
  const widened = got === 'valid' && !specChainValid
  return deviations.length === 0 ? { kind: 'agree', steps } : { kind: 'deviates', deviations, steps, widened }
}

function verdictOf(r: Json): string {
  return r.valid === true ? 'valid' : `invalid (${String(r.reason)})`
}

/**
 * How a restricter's answer differs from the spec's for the same token (`input`) and restrictions,
 * or null; with the caveat kinds it concerns and whether it widens access (INTEROP-1).
 */
function restrictDeviation(got: Reply, spec: ReturnType<typeof restrict>, c: InteropCase, input: string): Omit<Deviation, 'implementation' | 'role'> | null {
  const asked = restrictionKinds(c.restrictions)
  if (got.kind === 'fault') return { class: 'ERROR', level: 'verdict', caveats: asked, widens: false }
  if (got.kind === 'refused') return spec.ok ? { class: `refuses what the spec writes (${got.code})`, level: 'verdict', caveats: asked, widens: false } : got.code === spec.reason ? null : { class: `refused (${got.code}, not ${spec.reason})`, level: 'reason', caveats: asked, widens: false }
  if (got.kind !== 'ok') return null
  const written = String(got.response.token)
  if (!spec.ok) return { class: 'writes what the spec refuses', level: 'verdict', caveats: asked, widens: widensAccess(written, input, c.key, c.context) }
  const mine = restrictedSummary(written, c.key)
  const want = restrictedSummary(spec.token, c.key)
  const widens = widensAccess(written, spec.token, c.key, c.context)
  if (canonical(mine.caveats) !== canonical(want.caveats)) return { class: 'writes other caveats', level: 'verdict', caveats: differingKinds(written, spec.token), widens }
  if (mine.signatureValid !== true) return { class: 'breaks the signature chain', level: 'verdict', caveats: asked, widens }
  if (canonical(mine) !== canonical(want)) return { class: 'changes the prefix, location or identifier', level: 'verdict', caveats: ['token'], widens }
  return null
}
