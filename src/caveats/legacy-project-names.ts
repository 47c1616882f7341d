/** @module Legacy `{"version": 1, "permissions": {"projects": [...]}}` (spec/caveats/legacy-project-names.md). */
import type { CaveatModule } from './types.js'
import { checkProjectName, explainNames } from './membership.js'

export const legacyProjectNames: CaveatModule<'legacy_project_names'> = {
  slug: 'legacy-project-names',
  tag: null,
  type: 'legacy_project_names',
  decode: (wire) => ({ type: 'legacy_project_names', names: (wire as { permissions: { projects: string[] } }).permissions.projects }),
  encode: (r) => ({ permissions: { projects: r.names }, version: 1 }),
  // LPNAME-2: the same rule as tag 1.
  check: (r, context) => checkProjectName(r.names, context),
  explain: (r) => `Legacy project scope (2019–2022 form). ${explainNames(r.names)}`,
}
