/**
 * @module The gate's draws (PROP-11, PROP-12, PROP-18), run in the kit's bundle beside the
 * proposal's module: the module against an independent oracle on values drawn from the schemas and
 * the oracle, and the restricter against the oracle. Every property has a fixed seed and shrinks.
 */
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { decodeCaveat } from '../caveats/decode.js'
import type { CaveatRegistry } from '../caveats/registry.js'
import type { CaveatModule, JsonSchema } from '../caveats/types.js'
import type { VerifyContext } from '../generated/types.js'
import { inspect } from '../inspect.js'
import { mint } from '../mint.js'
import { restrict } from '../restrict.js'
import { nearChoice, schemaArbitrary, textEdit } from './arbitraries.js'
import { ORACLES, type Oracle } from './oracles.js'

export interface DrawSite {
  /** The comparison rule, e.g. IPR-3. */
  readonly rule: string
  /** The context member it compares. */
  readonly member: string
  /** The oracle's library, or null. */
  readonly library: string | null
}

export interface DrawResult {
  readonly id: string
  readonly ok: boolean
  readonly runs: number
  readonly seed: number
  /** Why it failed, with the shrunk counterexample. */
  readonly message: string | null
}

/** The restriction's list of allowed strings: its one array property (PROP-12). */
export function listProperty(caveat: CaveatModule): string | null {
  const props = (caveat.schemas.restriction.properties ?? {}) as Record<string, JsonSchema>
  return Object.keys(props).find((k) => props[k]?.type === 'array') ?? null
}

const encoder = new TextEncoder()

/** What the proposal's module says of one allowed value and one context value, as a verdict; throwing is a verdict too. */
export function moduleVerdict(caveat: CaveatModule, registry: CaveatRegistry, base: VerifyContext, list: string, allowed: string, member: string, compared: unknown): string {
  let text: string
  try {
    text = JSON.stringify(caveat.encode({ type: caveat.type, [list]: [allowed] } as never))
  } catch (err) {
    return `encode throws (${String(err)})`
  }
  const decoded = decodeCaveat({ kind: 'first-party', id: encoder.encode(text) }, registry)
  if (!decoded.ok) return decoded.reason
  try {
    return caveat.check(decoded.restriction as never, { ...base, [member]: compared } as VerifyContext) === null ? 'valid' : 'CAVEAT_NOT_SATISFIED'
  } catch (err) {
    return `check throws (${err instanceof Error ? err.message : String(err)})`
  }
}

function result<T extends unknown[]>(id: string, details: fc.RunDetails<T>, describe: (example: T) => string): DrawResult {
  const example = details.counterexample
  const error = details.errorInstance
  const message = !details.failed ? null : example === null ? String(error) : `${describe(example)} (shrunk after ${details.numShrinks} steps)`
  return { id, ok: !details.failed, runs: details.numRuns, seed: details.seed, message }
}

/** PROP-12: on drawn allowed values and context values near them, the module agrees with the oracle. */
export function oracleDraws(caveat: CaveatModule, registry: CaveatRegistry, base: VerifyContext, site: DrawSite, memberSchema: JsonSchema, options: { numRuns: number; seed: number }): DrawResult {
  const oracle = ORACLES[site.library ?? ''] as Oracle
  const list = listProperty(caveat) ?? 'values'
  const accepts = new Ajv({ strict: false }).compile(memberSchema)
  // An allowed value the caveat schema refuses (beyond a maxLength, say) makes the caveat malformed: the schema's call, not the oracle's.
  const admitsAllowed = new Ajv({ strict: false }).compile(((caveat.schemas.caveat.items as JsonSchema[] | undefined)?.[1]?.items ?? { type: 'string' }) as JsonSchema)
  // Allowed value and near-miss choices are drawn apart, so both shrink; the schema's arbitrary is built once.
  const fromSchema = schemaArbitrary(memberSchema)
  const source = fc.oneof(
    { weight: 6, arbitrary: nearChoice.map((c) => ({ near: c })) },
    { weight: 1, arbitrary: fc.constant({ same: true }) },
    { weight: 1, arbitrary: nearChoice.map((c) => ({ edit: c })) },
    { weight: 1, arbitrary: fromSchema.map((value) => ({ value })) },
  )
  const draw = fc.tuple(oracle.allowed, source).map(([allowed, s]): [string, unknown] => [allowed, 'near' in s ? oracle.near(allowed, s.near) : 'edit' in s ? textEdit(allowed, s.edit) : 'value' in s ? s.value : allowed])
  const verdicts = (allowed: string, compared: unknown) => ({
    module: moduleVerdict(caveat, registry, base, list, allowed, site.member, compared),
    oracle: typeof compared === 'string' && oracle.matches(allowed, compared) ? 'valid' : 'CAVEAT_NOT_SATISFIED',
  })
  // Only allowed values the caveat schema admits, context values the member's schema admits, and that the library reads (or null): the rest is not the oracle's to judge.
  const judged = ([allowed, compared]: [string, unknown]) => admitsAllowed(allowed) && accepts(compared) && (compared === null || readable(oracle, allowed, compared))
  const details = fc.check(
    fc.property(draw.filter(judged), ([allowed, compared]) => {
      const v = verdicts(allowed, compared)
      return v.module === v.oracle
    }),
    { numRuns: options.numRuns, seed: options.seed },
  )
  return result(`${site.rule} vs ${oracle.library}`, details, (example) => {
    const [allowed, compared] = example[0]
    const v = verdicts(allowed, compared)
    return `allowed ${JSON.stringify(allowed)}, ${site.member} ${JSON.stringify(compared)}: the module says ${v.module}, ${oracle.library} says ${v.oracle}`
  })
}

function readable(oracle: Oracle, allowed: string, compared: unknown): boolean {
  try {
    return typeof compared === 'string' && oracle.reads(compared) && typeof oracle.matches(allowed, compared) === 'boolean'
  } catch {
    return false
  }
}

/** PROP-18: restricting writes exactly what was asked (the oracle's reading, read back by inspect), or refuses with INVALID_ARGUMENT. */
export function restrictDraws(caveat: CaveatModule, registry: CaveatRegistry, library: string | null, options: { numRuns: number; seed: number }): DrawResult {
  const list = listProperty(caveat) ?? 'values'
  const oracle = library === null ? null : (ORACLES[library] ?? null)
  const items = ((caveat.schemas.caveat.items as JsonSchema[] | undefined)?.[1]?.items ?? { type: 'string' }) as JsonSchema
  const drawn = oracle === null ? schemaArbitrary(items).map(String) : fc.oneof(oracle.allowed, fc.tuple(oracle.allowed, nearChoice).map(([a, c]) => textEdit(a, c)), fc.tuple(oracle.allowed, nearChoice).map(([a, c]) => oracle.near(a, c)))
  const minted = mint({ key: new Uint8Array(32), identifier: 'gate', location: 'index.example', caveats: [] })
  if (!minted.ok) return { id: 'PROP-18', ok: false, runs: 0, seed: options.seed, message: `no token to restrict: ${minted.message}` }
  const outcome = (asked: string): string | null => {
    const restricted = restrict(minted.token, [{ type: caveat.type, [list]: [asked] } as never], { registry })
    if (!restricted.ok) return restricted.reason === 'INVALID_ARGUMENT' ? null : `refused with ${restricted.reason}, not INVALID_ARGUMENT`
    const info = inspect(restricted.token, { registry })
    const last = info.ok ? info.token.caveats.at(-1) : undefined
    const written = (last?.restriction as unknown as Record<string, unknown> | null | undefined)?.[list]
    if (last?.error != null) return `writes ${JSON.stringify(last.raw)}, which inspect reads back as ${last.error.reason} (${last.error.message})`
    if (!Array.isArray(written) || written.length !== 1 || typeof written[0] !== 'string') return `inspect reads back ${JSON.stringify(last?.raw ?? null)}, not one value`
    const again = caveat.normalize({ type: caveat.type, [list]: written } as never)
    if (!again.ok || JSON.stringify((again.restriction as unknown as Record<string, unknown>)[list]) !== JSON.stringify(written)) return `writes ${JSON.stringify(written[0])}, which it does not write back unchanged`
    if (oracle !== null && oracle.same(asked, written[0]) === false) return `writes ${JSON.stringify(written[0])}, which ${oracle.library} does not read as what was asked`
    return null
  }
  const details = fc.check(fc.property(drawn, (asked) => outcome(asked) === null), { numRuns: options.numRuns, seed: options.seed })
  return result(`PROP-18${oracle === null ? '' : ` vs ${oracle.library}`}`, details, (example) => `restricting to ${JSON.stringify(example[0])}: ${outcome(example[0])}`)
}
