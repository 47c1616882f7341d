/** @module Tag 1, `[1, [name, ...]]` (spec/caveats/project-names.md). */
import type { CaveatModule } from './types.js'
import { checkProjectName, explainNames } from './membership.js'

export const projectNames: CaveatModule<'project_names'> = {
  slug: 'project-names',
  tag: 1,
  type: 'project_names',
  decode: (wire) => ({ type: 'project_names', names: (wire as [1, string[]])[1] }),
  encode: (r) => [1, r.names],
  check: (r, context) => checkProjectName(r.names, context),
  explain: (r) => explainNames(r.names),
}
