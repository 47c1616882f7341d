/** @module Caveat bytes → typed restriction, or the reason it is rejected (spec/caveats/index.md). */
import { decodeUtf8 } from '../bytes.js'
import type { Restriction, VerifyContext } from '../generated/types.js'
import type { Caveat } from '../macaroon/types.js'
import { parseStrictJson } from '../json/parse.js'
import { mixedLegacyForms } from './legacy-forms.js'
import { DEFAULT_REGISTRY, type CaveatRegistry } from './registry.js'
import type { CaveatModule } from './types.js'

/** A decoded caveat; `slug` names its format (a built-in one, or a proposal's in an extended registry). */
export type DecodedCaveat =
  | { ok: true; slug: string; restriction: Restriction; module: CaveatModule }
  | { ok: false; reason: 'CAVEAT_MALFORMED' | 'CAVEAT_UNKNOWN' | 'CAVEAT_THIRD_PARTY'; slug: string | null; message: string }

const malformed = (message: string, slug: string | null = null): DecodedCaveat => ({ ok: false, reason: 'CAVEAT_MALFORMED', slug, message })

/** Decodes a caveat with the formats `registry` knows (default: the built-in ones). */
export function decodeCaveat(caveat: Caveat, registry: CaveatRegistry = DEFAULT_REGISTRY): DecodedCaveat {
  if (caveat.kind === 'third-party') {
    return { ok: false, reason: 'CAVEAT_THIRD_PARTY', slug: null, message: 'third-party caveats are never satisfied (no discharge macaroons)' }
  }
  // JSON-1: caveat bytes are UTF-8; JSON-2: a BOM is not whitespace (kept as U+FEFF, rejected by the parser).
  const text = decodeUtf8(caveat.id)
  if (text === null) return malformed('caveat bytes are not valid UTF-8')
  const parsed = parseStrictJson(text)
  if (!parsed.ok) return malformed(`caveat is not strict JSON: ${parsed.message}`)
  const value = parsed.value

  let module: CaveatModule | null
  if (Array.isArray(value)) {
    // CAV-2: an array caveat starts with an integer tag; CAV-3: `true`, `"1"` or null is not a tag.
    if (value.length === 0) return malformed('caveat array is empty')
    const tag = value[0]
    if (typeof tag !== 'number') return malformed(`caveat tag must be an integer, not ${JSON.stringify(tag)}`)
    module = registry.byTag.get(tag) ?? null
    if (module === null) return { ok: false, reason: 'CAVEAT_UNKNOWN', slug: null, message: `caveat has unknown tag ${tag}` }
  } else if (value !== null && typeof value === 'object') {
    // CAV-12: members of two legacy forms make the object malformed before any form is read.
    const mixed = mixedLegacyForms(value)
    if (mixed !== null) return malformed(mixed)
    module = registry.legacyModuleFor(value)
    if (module === null) return malformed('JSON object caveat matches no legacy form')
  } else {
    // CAV-1: a caveat is a JSON array or a legacy JSON object.
    return malformed(`caveat must be a JSON array or object, not ${value === null ? 'null' : typeof value}`)
  }

  // CAV-6 / CAV-8: the value must match its format's schema exactly (arity, types, no extra keys).
  const valid = registry.validators.caveat(module.schemas.caveat, value)
  if (!valid.ok) return malformed(`${module.slug}: ${valid.message}`, module.slug)
  const invalid = guarded(module, () => module.validate?.(value) ?? null)
  if (invalid !== null) return malformed(`${module.slug}: ${invalid}`, module.slug)
  let restriction: Restriction
  try {
    restriction = module.decode(value) as Restriction
  } catch (err) {
    return malformed(`${module.slug}: ${failed(module, err)}`, module.slug)
  }
  return { ok: true, slug: module.slug, restriction, module }
}

const failed = (module: CaveatModule, err: unknown) => `the ${module.slug} module failed on it (${err instanceof Error ? err.message : String(err)})`

/** A module's answer, or why the module failed, as a rejection: module code never makes the caller throw (VERIFY-7). */
function guarded<T>(module: CaveatModule, answer: () => T): T | string {
  try {
    return answer()
  } catch (err) {
    return failed(module, err)
  }
}

/** Null when the caveat holds in `context`; otherwise why not. A check that throws does not hold (VERIFY-7). */
export function checkCaveat(module: CaveatModule, restriction: Restriction, context: VerifyContext): string | null {
  return guarded(module, () => module.check(restriction as never, context))
}

/** What the caveat allows, in words; a module that fails to say (it throws, or answers with no string) is said to have failed. */
export function explainCaveat(module: CaveatModule, restriction: Restriction, now: number | undefined): string {
  return guarded(module, () => {
    const said: unknown = module.explain(restriction as never, now)
    if (typeof said !== 'string') throw new Error(`its explanation is ${said === null ? 'null' : typeof said}, not text`)
    return said
  })
}
