/** @module Tag 2, `[2, [id, ...]]` (spec/caveats/project-ids.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { refusing, uuids } from './normalize.js'
import { checkProjectId, explainIds } from './membership.js'

export const projectIds: CaveatModule<RestrictionOf<'project_ids'>> = {
  slug: 'project-ids',
  tag: 2,
  type: 'project_ids',
  schemas: { caveat: caveatSchemas['project-ids'], restriction: restrictionSchema.definitions.ProjectIdsRestriction },
  decode: (wire) => ({ type: 'project_ids', ids: (wire as [2, string[]])[1] }),
  encode: (r) => [2, r.ids],
  normalize: (r) => refusing(() => ({ type: 'project_ids', ids: uuids(r.ids, 'project id') })),
  check: (r, context) => checkProjectId(r.ids, context),
  explain: (r) => explainIds(r.ids),
}
