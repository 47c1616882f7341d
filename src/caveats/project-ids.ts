/** @module Tag 2, `[2, [id, ...]]` (spec/caveats/project-ids.md). */
import type { CaveatModule } from './types.js'
import { checkProjectId, explainIds } from './membership.js'

export const projectIds: CaveatModule<'project_ids'> = {
  slug: 'project-ids',
  tag: 2,
  type: 'project_ids',
  decode: (wire) => ({ type: 'project_ids', ids: (wire as [2, string[]])[1] }),
  encode: (r) => [2, r.ids],
  check: (r, context) => checkProjectId(r.ids, context),
  explain: (r) => explainIds(r.ids),
}
