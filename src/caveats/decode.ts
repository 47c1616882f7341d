/** @module Caveat bytes → typed restriction, or the reason it is rejected (spec/caveats/index.md). */
import { decodeUtf8 } from '../bytes.js'
import type { CaveatSlug, Restriction } from '../generated/types.js'
import type { Caveat } from '../macaroon/types.js'
import { parseStrictJson } from '../json/parse.js'
import { BY_TAG, legacyModuleFor } from './registry.js'
import { validateCaveat } from './schema-validator.js'
import type { CaveatModule } from './types.js'

export type DecodedCaveat =
  | { ok: true; slug: CaveatSlug; restriction: Restriction; module: CaveatModule }
  | { ok: false; reason: 'CAVEAT_MALFORMED' | 'CAVEAT_UNKNOWN' | 'CAVEAT_THIRD_PARTY'; slug: CaveatSlug | null; message: string }

const malformed = (message: string, slug: CaveatSlug | null = null): DecodedCaveat => ({ ok: false, reason: 'CAVEAT_MALFORMED', slug, message })

export function decodeCaveat(caveat: Caveat): DecodedCaveat {
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
    module = BY_TAG.get(tag) ?? null
    if (module === null) return { ok: false, reason: 'CAVEAT_UNKNOWN', slug: null, message: `caveat has unknown tag ${tag}` }
  } else if (value !== null && typeof value === 'object') {
    module = legacyModuleFor(value)
    if (module === null) return malformed('JSON object caveat matches no legacy form')
  } else {
    // CAV-1: a caveat is a JSON array or a legacy JSON object.
    return malformed(`caveat must be a JSON array or object, not ${value === null ? 'null' : typeof value}`)
  }

  // CAV-6 / CAV-8: the value must match its format's schema exactly (arity, types, no extra keys).
  const valid = validateCaveat(module.slug, value)
  if (!valid.ok) return malformed(`${module.slug}: ${valid.message}`, module.slug)
  return { ok: true, slug: module.slug, restriction: module.decode(value), module }
}
