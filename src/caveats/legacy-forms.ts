/**
 * @module CAV-12: a legacy object never mixes forms. The legacy member names, which top-level
 * members each form has, and the test that an object's top-level legacy members all belong to one
 * form. Decided from the member names alone, whatever their values (D14).
 */

/** The names the legacy forms define, at any level (CAV-8 never lets a verifier ignore these). */
export const LEGACY_MEMBER_NAMES: readonly string[] = ['version', 'permissions', 'projects', 'exp', 'nbf', 'project_ids']

/** Each legacy form's top-level members (`projects` lives inside `permissions`, at no top level). */
export const LEGACY_TOP_LEVEL: Readonly<Record<string, readonly string[]>> = {
  'legacy-user': ['version', 'permissions'],
  'legacy-project-names': ['version', 'permissions'],
  'legacy-expiration': ['exp', 'nbf'],
  'legacy-project-ids': ['project_ids'],
}

/**
 * CAV-12: why `obj` mixes legacy forms — its top-level legacy member names are not all top-level
 * members of one form — or null when they are (or when it has none).
 */
export function mixedLegacyForms(obj: Record<string, unknown>): string | null {
  const names = Object.keys(obj).filter((k) => LEGACY_MEMBER_NAMES.includes(k))
  if (names.length === 0) return null
  const fits = Object.values(LEGACY_TOP_LEVEL).some((members) => names.every((n) => members.includes(n)))
  if (fits) return null
  return `legacy object mixes the members of more than one form (${names.map((n) => JSON.stringify(n)).join(', ')}), so reading one form would drop another's restriction (CAV-12)`
}
