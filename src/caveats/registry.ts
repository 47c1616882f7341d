/**
 * @module Caveat registries: the caveat formats a verifier, restricter or inspector knows, by tag,
 * legacy shape and restriction type, with the schemas that validate them. The default registry
 * holds the built-in formats (CAV-4, CAV-7); a registry extended with a proposal's module knows
 * one more, through exactly the same tables (PROP-1).
 */
import { contextSchema } from '../generated/schemas.js'
import type { CaveatModule, JsonSchema } from './types.js'
import { createValidators, type Validators } from './schema-validator.js'
import { expiration } from './expiration.js'
import { projectNames } from './project-names.js'
import { projectIds } from './project-ids.js'
import { requestUser } from './request-user.js'
import { oidcPublisher } from './oidc-publisher.js'
import { legacyUser } from './legacy-user.js'
import { legacyProjectNames } from './legacy-project-names.js'
import { legacyExpiration } from './legacy-expiration.js'
import { legacyProjectIds } from './legacy-project-ids.js'

export interface CaveatRegistry {
  readonly modules: readonly CaveatModule[]
  /** CAV-4: the registered array tags. Any other integer tag is unknown (CAV-5). */
  readonly byTag: ReadonlyMap<number, CaveatModule>
  readonly byType: ReadonlyMap<string, CaveatModule>
  readonly bySlug: ReadonlyMap<string, CaveatModule>
  /** Context members beyond the base context that a caveat reads (PROP-4), with their schemas. */
  readonly contextMembers: Readonly<Record<string, JsonSchema>>
  readonly validators: Validators
  /** CAV-7: the legacy form a JSON object claims to be, from the key that identifies it. */
  legacyModuleFor(obj: Record<string, unknown>): CaveatModule | null
}

/** Erases a module's restriction type so modules of different types share one table. */
const erase = (m: { readonly slug: string }): CaveatModule => m as CaveatModule

export const BUILT_IN_MODULES: readonly CaveatModule[] = [
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

/**
 * CAV-7: which legacy form a JSON object claims to be, by slug, from the key that identifies it.
 * The form's schema then decides whether it really is one (no extra keys, exact types).
 */
export function legacyFormOf(obj: Record<string, unknown>): string | null {
  if ('version' in obj) return obj.permissions === 'user' ? 'legacy-user' : 'legacy-project-names'
  if ('exp' in obj || 'nbf' in obj) return 'legacy-expiration'
  if ('project_ids' in obj) return 'legacy-project-ids'
  return null
}

const BASE_MEMBERS = Object.keys(contextSchema.properties)

function unique<K>(modules: readonly CaveatModule[], key: (m: CaveatModule) => K | null, what: string): Map<K, CaveatModule> {
  const map = new Map<K, CaveatModule>()
  for (const m of modules) {
    const k = key(m)
    if (k === null) continue
    const other = map.get(k)
    if (other !== undefined) throw new TypeError(`caveat registry: ${what} ${String(k)} is taken by both ${other.slug} and ${m.slug}`)
    map.set(k, m)
  }
  return map
}

const created = new WeakSet<object>()

/** Whether `value` is a registry made by {@link createRegistry} (API functions check options with it). */
export function isRegistry(value: unknown): value is CaveatRegistry {
  return typeof value === 'object' && value !== null && created.has(value)
}

/**
 * The registry named by an API call's options (the default when none is named), or null when the
 * options are not an object or name something that is not a registry.
 */
export function registryOf(options: unknown): CaveatRegistry | null {
  if (options === undefined) return DEFAULT_REGISTRY
  if (options === null || typeof options !== 'object') return null
  const registry = (options as { registry?: unknown }).registry
  if (registry === undefined) return DEFAULT_REGISTRY
  return isRegistry(registry) ? registry : null
}

/**
 * A registry of exactly these modules. Throws TypeError (a caller's bug) when two modules share a
 * tag, type, slug or context member, when a context member shadows a base one, or when an untagged
 * module is not one of the legacy forms CAV-7 recognises: new caveats are tagged (CAV-4).
 */
export function createRegistry(modules: readonly CaveatModule[]): CaveatRegistry {
  const byTag = unique(modules, (m) => m.tag, 'tag')
  const byType = unique(modules, (m) => m.type, 'restriction type')
  const bySlug = unique(modules, (m) => m.slug, 'slug')
  const legacy = ['legacy-user', 'legacy-project-names', 'legacy-expiration', 'legacy-project-ids']
  const stray = modules.find((m) => m.tag === null && !legacy.includes(m.slug))
  if (stray !== undefined) throw new TypeError(`caveat registry: ${stray.slug} has no tag and is not a legacy form (CAV-4, CAV-7)`)
  const contextMembers: Record<string, JsonSchema> = {}
  const owner = new Map<string, string>()
  for (const m of modules) {
    for (const [member, schema] of Object.entries(m.schemas.context ?? {})) {
      if (BASE_MEMBERS.includes(member)) throw new TypeError(`caveat registry: ${m.slug} redefines the base context member ${member}`)
      if (owner.has(member)) throw new TypeError(`caveat registry: context member ${member} is defined by both ${owner.get(member)} and ${m.slug}`)
      owner.set(member, m.slug)
      contextMembers[member] = schema
    }
  }
  const registry: CaveatRegistry = {
    modules: [...modules],
    byTag,
    byType,
    bySlug,
    contextMembers,
    validators: createValidators({ restrictions: modules.map((m) => m.schemas.restriction), context: contextMembers }),
    legacyModuleFor(obj) {
      const slug = legacyFormOf(obj)
      return slug === null ? null : (bySlug.get(slug) ?? null)
    },
  }
  created.add(registry)
  return registry
}

/** `base` and `modules` together (PROP-1): how the gate runs the reference with a proposal. */
export function extendRegistry(base: CaveatRegistry, modules: readonly CaveatModule[]): CaveatRegistry {
  return createRegistry([...base.modules, ...modules.map(erase)])
}

/** The built-in caveat formats: the registry every function uses unless given another. */
export const DEFAULT_REGISTRY: CaveatRegistry = createRegistry(BUILT_IN_MODULES)

export const CAVEAT_MODULES: readonly CaveatModule[] = DEFAULT_REGISTRY.modules
export const BY_TAG: ReadonlyMap<number, CaveatModule> = DEFAULT_REGISTRY.byTag
export const BY_TYPE: ReadonlyMap<string, CaveatModule> = DEFAULT_REGISTRY.byType

/** CAV-7 in the default registry. */
export function legacyModuleFor(obj: Record<string, unknown>): CaveatModule | null {
  return DEFAULT_REGISTRY.legacyModuleFor(obj)
}
