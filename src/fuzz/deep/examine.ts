/**
 * @module What the deep fuzzer checks on each case: parse, inspect, verify and restrict of the
 * reference never throw (each returns a typed result); verify never accepts what the model
 * rejects (a false accept) nor rejects what the model accepts (a false reject); a token narrowed
 * by restrict verifies exactly when the original does and every added restriction holds (LAW-1);
 * and whatever verify accepts, parse and inspect read with the caveats it was minted with.
 */
import type { Restriction, VerifyContext } from '../../generated/types.js'
import { inspect } from '../../inspect.js'
import { restrict } from '../../restrict.js'
import { parseToken } from '../../token/parse.js'
import { verify } from '../../verify.js'
import { holds } from '../../laws/model.js'
import type { DeepCase, Expectation } from './cases.js'

export type FindingKind = 'exception' | 'false-accept' | 'false-reject' | 'inconsistent'

export interface Finding {
  readonly kind: FindingKind
  readonly operation: 'parse' | 'inspect' | 'verify' | 'restrict' | 'verify-restricted'
  readonly detail: string
}

/** What happened on one case, for the run's tallies. */
export interface Examined {
  readonly findings: readonly Finding[]
  /** verify's verdict on the case (null when verify threw). */
  readonly valid: boolean | null
  readonly restricted: boolean
}

function attempt<T>(operation: Finding['operation'], findings: Finding[], run: () => T): T | undefined {
  try {
    return run()
  } catch (err) {
    findings.push({ kind: 'exception', operation, detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) })
    return undefined
  }
}

function judge(operation: Finding['operation'], valid: boolean, expected: Expectation, findings: Finding[], reason: string | null): void {
  if (valid && expected === 'invalid') findings.push({ kind: 'false-accept', operation, detail: 'verify accepted a token the model rejects' })
  if (!valid && expected === 'valid') findings.push({ kind: 'false-reject', operation, detail: `verify rejected (${reason}) a token the model accepts` })
}

/** Runs every operation of the reference on one case and reports what the model disagrees with. */
export function examine(c: DeepCase): Examined {
  const findings: Finding[] = []
  const parsed = attempt('parse', findings, () => parseToken(c.token, { anyPrefix: true }))
  const info = attempt('inspect', findings, () => inspect(c.token))
  const v = attempt('verify', findings, () => verify(c.token, c.key, c.context as never))
  if (parsed !== undefined && info !== undefined && parsed.ok !== info.ok) {
    findings.push({ kind: 'inconsistent', operation: 'inspect', detail: `parse says ${parsed.ok ? 'ok' : parsed.reason}, inspect ${info.ok ? 'ok' : info.reason}` })
  }
  if (v !== undefined) {
    judge('verify', v.valid, c.expected, findings, v.reason)
    if (v.valid && c.caveatCount !== null && (info === undefined || !info.ok || info.token.caveats.length !== c.caveatCount)) {
      findings.push({ kind: 'inconsistent', operation: 'inspect', detail: `verify accepted a token inspect does not read with its ${c.caveatCount} caveats` })
    }
  }
  let restricted = false
  const narrowed = attempt('restrict', findings, () => restrict(c.token, c.restrictions as readonly Restriction[]))
  if (narrowed?.ok === true) {
    restricted = true
    if (!c.restrictionsModelled) findings.push({ kind: 'inconsistent', operation: 'restrict', detail: `restrict accepted restrictions that are not restrictions: ${String(JSON.stringify(c.restrictions)).slice(0, 200)}` })
    else {
      const after = attempt('verify-restricted', findings, () => verify(narrowed.token, c.key, c.context as never))
      if (after !== undefined) judge('verify-restricted', after.valid, narrowedExpectation(c), findings, after.reason)
    }
  }
  return { findings, valid: v === undefined ? null : v.valid, restricted }
}

/** LAW-1: the narrowed token is valid iff the original is and every added restriction holds. */
function narrowedExpectation(c: DeepCase): Expectation {
  if (c.expected === 'invalid') return 'invalid'
  const all = (c.restrictions as readonly Restriction[]).every((r) => holds(r, c.context as VerifyContext))
  return all ? c.expected : 'invalid'
}
