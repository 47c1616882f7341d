/**
 * Vectors for CAV-12 (legacy objects never mix forms, D14): one vector for every pair of legacy
 * forms, and near misses around them — a form's members in part (a lone `exp` or `nbf`, `version`
 * without `permissions`), other values (`"version": true` or 2, an empty list), a legacy member
 * name one level down, and the valid side: member names that appear only as values, and a member
 * no form defines. Each vector lives in the file of the form CAV-7 recognises first.
 */
import { OTHER_PROJECT, PROJECT, T0, publisherContext, token, userContext, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyContext, VerifyVector } from '../../src/generated/types.js'

type Topic = 'legacy-user' | 'legacy-project-names' | 'legacy-expiration' | 'legacy-project-ids'

interface Mixed {
  readonly topic: Topic
  readonly id: string
  readonly description: string
  readonly caveat: string
  readonly spec?: readonly string[]
  readonly context?: VerifyContext
  readonly expect?: VerifyExpectation
  readonly flags?: readonly Flag[]
}

const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const OTHER_ID = OTHER_PROJECT.id
const OWN_ID = PROJECT.id
const WINDOW = `"exp":${T0 + 900},"nbf":${T0}`
const DROPPED: readonly Flag[] = ['LegacyDroppedRestriction']

const MIXED: readonly Mixed[] = [
  // Every pair of the four forms not already in the caveat files (user+expiration, names+expiration
  // and expiration+project-ids are `legacy-user::window-dropped`, `legacy-project-names::expired-window-dropped`
  // and `legacy-expiration::project-ids-dropped`).
  { topic: 'legacy-user', id: 'projects-beside-user', description: 'legacy-user with legacy-project-names: a top-level `projects` list (`flask`) beside `"permissions": "user"`, used on SampleProject. Warehouse reads the object as the user marker and ignores the project list, so the token works on a project the list does not name.', caveat: `{"permissions":"user","projects":["flask"],"version":1}`, flags: DROPPED },
  { topic: 'legacy-user', id: 'project-ids-dropped', description: 'legacy-user with legacy-project-ids: `project_ids` naming Flask beside the user marker, used on SampleProject. Warehouse reads any object with `version` 1 as V1 and drops `project_ids`, so the token works on a project the id list does not name.', caveat: `{"permissions":"user","project_ids":["${OTHER_ID}"],"version":1}`, flags: DROPPED },
  { topic: 'legacy-project-names', id: 'project-ids-dropped', description: 'legacy-project-names with legacy-project-ids: the names allow SampleProject, `project_ids` allows only Flask, used on SampleProject. Warehouse reads the V1 names and drops the id list; read together, nothing holds on SampleProject.', caveat: `{"permissions":{"projects":["sampleproject"]},"project_ids":["${OTHER_ID}"],"version":1}`, flags: DROPPED },

  // Near misses: a form's members in part, or other values.
  { topic: 'legacy-user', id: 'lone-exp-dropped', description: 'A long-past `exp` without `nbf` beside the user marker. Warehouse reads the V1 object and drops the expiry, so the expired token works.', caveat: `{"exp":${T0 - 86400},"permissions":"user","version":1}`, flags: DROPPED },
  { topic: 'legacy-project-names', id: 'lone-nbf-dropped', description: 'A not-before a day ahead, without `exp`, beside the V1 names of SampleProject. Warehouse drops it, so the token works before its not-before.', caveat: `{"nbf":${T0 + 86400},"permissions":{"projects":["sampleproject"]},"version":1}`, flags: DROPPED },
  { topic: 'legacy-project-ids', id: 'nbf-without-exp-dropped', description: 'A not-before a day ahead beside `project_ids` naming SampleProject, without `exp`. Warehouse, needing `exp` and `nbf` for an expiry, reads the id list and drops the not-before (audit W7).', caveat: `{"nbf":${T0 + 86400},"project_ids":["${OWN_ID}"]}`, flags: DROPPED },
  { topic: 'legacy-user', id: 'version-true-project-ids-dropped', description: '`"version": true` (which a verifier MAY read as 1, CAV-8) beside `project_ids` naming Flask, used on SampleProject: the lenient reading does not admit a mixed object. Warehouse reads it as V1 and drops `project_ids`.', caveat: `{"permissions":"user","project_ids":["${OTHER_ID}"],"version":true}`, flags: [...DROPPED, 'LegacyVersionTyping'] },
  { topic: 'legacy-project-ids', id: 'permissions-without-version', description: '`"permissions": "user"` without `version` beside `project_ids` naming SampleProject, in a Trusted Publishing request (no user). Warehouse reads only `project_ids` and accepts; the object mixes forms whatever `version` is.', caveat: `{"permissions":"user","project_ids":["${OWN_ID}"]}`, context: publisherContext(), flags: DROPPED },
  { topic: 'legacy-expiration', id: 'version-2-beside-window', description: '`"version": 2` and `"permissions": "user"` beside a current window, in a Trusted Publishing request. Warehouse skips V1 (version is not 1), reads the window and accepts, ignoring the user marker; the members mix forms whatever their values.', caveat: `{${WINDOW},"permissions":"user","version":2}`, context: publisherContext(), flags: DROPPED },
  { topic: 'legacy-expiration', id: 'projects-beside-window', description: 'A top-level `projects` list (`flask`) beside a current window, used on SampleProject. Warehouse reads the window and ignores the project list.', caveat: `{${WINDOW},"projects":["flask"]}`, flags: DROPPED },
  { topic: 'legacy-expiration', id: 'empty-project-ids-dropped', description: 'An empty `project_ids` list (which allows no project) beside a current window. Warehouse reads the window and drops the list.', caveat: `{${WINDOW},"project_ids":[]}`, flags: DROPPED },
  { topic: 'legacy-project-ids', id: 'projects-beside-project-ids', description: 'A top-level `projects` list (`flask`) beside `project_ids` naming SampleProject, used on SampleProject. Warehouse reads the id list and ignores the names.', caveat: `{"project_ids":["${OWN_ID}"],"projects":["flask"]}`, flags: DROPPED },
  { topic: 'legacy-project-ids', id: 'version-without-permissions', description: '`"version": 1` without `permissions` beside `project_ids` naming SampleProject. Warehouse sends it to its V1 adapter, finds no `permissions` and fails closed; the spec agrees on the verdict.', caveat: `{"project_ids":["${OWN_ID}"],"version":1}` },
  { topic: 'legacy-project-names', id: 'inner-project-ids-dropped', description: '`project_ids` naming Flask inside `permissions`, beside `projects` naming SampleProject, used on SampleProject: a legacy member name one level down is no member a verifier may ignore (CAV-8). Warehouse reads only `projects` and drops it.', caveat: `{"permissions":{"project_ids":["${OTHER_ID}"],"projects":["sampleproject"]},"version":1}`, spec: ['CAV-8', 'LPNAME-1'], flags: DROPPED },

  // The valid side: only member names count, and a name no form defines may be ignored.
  { topic: 'legacy-project-names', id: 'member-names-as-values', description: 'The names `exp` and `project_ids` as project names (values, not members): a well-formed legacy-project-names caveat that does not hold on SampleProject.', caveat: `{"permissions":{"projects":["exp","project_ids"]},"version":1}`, spec: ['CAV-12', 'LPNAME-1', 'LPNAME-2'], expect: { invalid: 'CAVEAT_NOT_SATISFIED' } },
  { topic: 'legacy-project-ids', id: 'singular-project-id', description: '`project_id` (singular) is no legacy member name, so beside `project_ids` naming SampleProject it is a member no form defines: a verifier MAY ignore it (CAV-8), and the caveat then holds.', caveat: `{"project_id":["${OTHER_ID}"],"project_ids":["${OWN_ID}"]}`, spec: ['CAV-8', 'CAV-12', 'LPID-1'], expect: { acceptable: 'CAVEAT_MALFORMED' }, flags: ['LegacyExtraKeys'] },
]

/** The CAV-12 vectors that belong in `topic`'s file. */
export function mixedFormVectors(topic: Topic): VerifyVector[] {
  return MIXED.filter((m) => m.topic === topic).map((m) =>
    verifyVector({
      id: `${m.topic}::${m.id}`,
      description: m.description,
      spec: [...(m.spec ?? ['CAV-12', 'CAV-8'])],
      flags: ['LegacyForm', ...(m.flags ?? [])],
      token: token({ caveats: [m.caveat] }),
      context: m.context ?? userContext(),
      expect: m.expect ?? MALFORMED,
    }),
  )
}
