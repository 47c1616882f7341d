/** @module The request context a verifier checks caveats against (spec/verification.md, CTX-1). */
import { normalizeProjectName } from './caveats/normalize.js'
import { DEFAULT_REGISTRY, type CaveatRegistry } from './caveats/registry.js'
import type { Validation } from './caveats/schema-validator.js'
import type { VerifyContext } from './generated/types.js'
import { unixNow } from './time.js'

/** Context members a caller may leave out: `now` defaults to the clock, the rest to null. */
export type ContextInput = Partial<VerifyContext>

/**
 * Fills defaults (VERIFY-2), including the members `registry`'s caveats add (PROP-4); the result
 * still goes through {@link checkContext}.
 */
export function completeContext(input: ContextInput = {}, registry: CaveatRegistry = DEFAULT_REGISTRY): VerifyContext {
  const context: VerifyContext & Record<string, unknown> = {
    ...input, // unknown members stay, so the schema rejects a misspelt one instead of ignoring it
    now: input.now ?? unixNow(),
    project: input.project ?? null,
    user_id: input.user_id ?? null,
    oidc_publisher: input.oidc_publisher ?? null,
  }
  for (const member of Object.keys(registry.contextMembers)) context[member] ??= null
  return context
}

/**
 * CTX-1: the context matches schemas/context.schema.json (the form of every member, with the
 * members `registry`'s caveats add) and its project's `normalized_name` is the PEP 503 form of
 * its `name`, which a schema cannot state.
 */
export function checkContext(value: unknown, registry: CaveatRegistry = DEFAULT_REGISTRY): Validation {
  const valid = registry.validators.ref('context.schema.json', value)
  if (!valid.ok) return valid
  const project = (value as VerifyContext).project
  if (project !== null && normalizeProjectName(project.name) !== project.normalized_name) {
    return { ok: false, message: `/project/normalized_name ${JSON.stringify(project.normalized_name)} is not the PEP 503 form of the name ${JSON.stringify(project.name)} (${JSON.stringify(normalizeProjectName(project.name))})` }
  }
  return { ok: true }
}
