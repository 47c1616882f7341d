/** @module Every caveat format the reference knows, by tag, legacy shape and restriction type. */
import type { Restriction } from '../generated/types.js'
import type { CaveatModule } from './types.js'
import { expiration } from './expiration.js'
import { projectNames } from './project-names.js'
import { projectIds } from './project-ids.js'
import { requestUser } from './request-user.js'
import { oidcPublisher } from './oidc-publisher.js'
import { legacyUser } from './legacy-user.js'
import { legacyProjectNames } from './legacy-project-names.js'
import { legacyExpiration } from './legacy-expiration.js'
import { legacyProjectIds } from './legacy-project-ids.js'

/** Erases a module's restriction type so modules of different types share one table. */
const erase = (m: { readonly slug: string }): CaveatModule => m as CaveatModule

export const CAVEAT_MODULES: readonly CaveatModule[] = [
  expiration,
  projectNames,
  projectIds,
  requestUser,
  oidcPublisher,
  legacyUser,
  legacyProjectNames,
  legacyExpiration,
  legacyProjectIds,
].map(erase)

/** CAV-4: the registered array tags. Any other integer tag is unknown (CAV-5). */
export const BY_TAG: ReadonlyMap<number, CaveatModule> = new Map(CAVEAT_MODULES.filter((m) => m.tag !== null).map((m) => [m.tag as number, m]))

export const BY_TYPE: ReadonlyMap<Restriction['type'], CaveatModule> = new Map(CAVEAT_MODULES.map((m) => [m.type, m]))

/**
 * CAV-7: which legacy form a JSON object claims to be, from the key that identifies it. The
 * form's schema then decides whether it really is one (no extra keys, exact types).
 */
export function legacyModuleFor(obj: Record<string, unknown>): CaveatModule | null {
  if ('version' in obj) return erase(obj.permissions === 'user' ? legacyUser : legacyProjectNames)
  if ('exp' in obj || 'nbf' in obj) return erase(legacyExpiration)
  if ('project_ids' in obj) return erase(legacyProjectIds)
  return null
}
