/** @module Legacy `{"version": 1, "permissions": {"projects": [...]}}` (spec/caveats/legacy-project-names.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { names, refusing } from './normalize.js'
import { checkProjectName, explainNames } from './membership.js'

export const legacyProjectNames: CaveatModule<RestrictionOf<'legacy_project_names'>> = {
  slug: 'legacy-project-names',
  tag: null,
  type: 'legacy_project_names',
  schemas: { caveat: caveatSchemas['legacy-project-names'], restriction: restrictionSchema.definitions.LegacyProjectNamesRestriction },
  decode: (wire) => ({ type: 'legacy_project_names', names: (wire as { permissions: { projects: string[] } }).permissions.projects }),
  encode: (r) => ({ permissions: { projects: r.names }, version: 1 }),
  // LPNAME-2: the same rule as tag 1.
  normalize: (r) => refusing(() => ({ type: 'legacy_project_names', names: names(r.names) })),
  check: (r, context) => checkProjectName(r.names, context),
  explain: (r) => `Legacy project scope (2019–2022 form). ${explainNames(r.names)}`,
}
