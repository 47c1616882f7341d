/** @module Legacy `{"project_ids": [id, ...]}` (spec/caveats/legacy-project-ids.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { refusing, uuids } from './normalize.js'
import { checkProjectId, explainIds } from './membership.js'

export const legacyProjectIds: CaveatModule<RestrictionOf<'legacy_project_ids'>> = {
  slug: 'legacy-project-ids',
  tag: null,
  type: 'legacy_project_ids',
  schemas: { caveat: caveatSchemas['legacy-project-ids'], restriction: restrictionSchema.definitions.LegacyProjectIdsRestriction },
  decode: (wire) => ({ type: 'legacy_project_ids', ids: (wire as { project_ids: string[] }).project_ids }),
  encode: (r) => ({ project_ids: r.ids }),
  // LPID-2: the same rule as tag 2.
  normalize: (r) => refusing(() => ({ type: 'legacy_project_ids', ids: uuids(r.ids, 'project id') })),
  check: (r, context) => checkProjectId(r.ids, context),
  explain: (r) => `Legacy project-id scope (2022 form). ${explainIds(r.ids)}`,
}
