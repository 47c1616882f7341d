/** @module The request context a verifier checks caveats against (spec/verification.md, CTX-1). */
import { normalizeProjectName } from './caveats/normalize.js'
import { validateRef, type Validation } from './caveats/schema-validator.js'
import type { VerifyContext } from './generated/types.js'
import { unixNow } from './time.js'

/** Context members a caller may leave out: `now` defaults to the clock, the rest to null. */
export type ContextInput = Partial<VerifyContext>

/** Fills defaults (VERIFY-2); the result still goes through {@link checkContext}. */
export function completeContext(input: ContextInput = {}): VerifyContext {
  return {
    ...input, // unknown members stay, so the schema rejects a misspelt one instead of ignoring it
    now: input.now ?? unixNow(),
    project: input.project ?? null,
    user_id: input.user_id ?? null,
    oidc_publisher: input.oidc_publisher ?? null,
  }
}

/**
 * CTX-1: the context matches schemas/context.schema.json (the form of every member) and its
 * project's `normalized_name` is the PEP 503 form of its `name`, which a schema cannot state.
 */
export function checkContext(value: unknown): Validation {
  const valid = validateRef('context.schema.json', value)
  if (!valid.ok) return valid
  const project = (value as VerifyContext).project
  if (project !== null && normalizeProjectName(project.name) !== project.normalized_name) {
    return { ok: false, message: `/project/normalized_name ${JSON.stringify(project.normalized_name)} is not the PEP 503 form of the name ${JSON.stringify(project.name)} (${JSON.stringify(normalizeProjectName(project.name))})` }
  }
  return { ok: true }
}
