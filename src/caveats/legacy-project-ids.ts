/** @module Legacy `{"project_ids": [id, ...]}` (spec/caveats/legacy-project-ids.md). */
import type { CaveatModule } from './types.js'
import { checkProjectId, explainIds } from './membership.js'

export const legacyProjectIds: CaveatModule<'legacy_project_ids'> = {
  slug: 'legacy-project-ids',
  tag: null,
  type: 'legacy_project_ids',
  decode: (wire) => ({ type: 'legacy_project_ids', ids: (wire as { project_ids: string[] }).project_ids }),
  encode: (r) => ({ project_ids: r.ids }),
  // LPID-2: the same rule as tag 2.
  check: (r, context) => checkProjectId(r.ids, context),
  explain: (r) => `Legacy project-id scope (2022 form). ${explainIds(r.ids)}`,
}
