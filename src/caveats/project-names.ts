/** @module Tag 1, `[1, [name, ...]]` (spec/caveats/project-names.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { names, refusing } from './normalize.js'
import { checkProjectName, explainNames } from './membership.js'

export const projectNames: CaveatModule<RestrictionOf<'project_names'>> = {
  slug: 'project-names',
  tag: 1,
  type: 'project_names',
  schemas: { caveat: caveatSchemas['project-names'], restriction: restrictionSchema.definitions.ProjectNamesRestriction },
  decode: (wire) => ({ type: 'project_names', names: (wire as [1, string[]])[1] }),
  encode: (r) => [1, r.names],
  normalize: (r) => refusing(() => ({ type: 'project_names', names: names(r.names) })),
  check: (r, context) => checkProjectName(r.names, context),
  explain: (r) => explainNames(r.names),
}
