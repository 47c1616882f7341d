/**
 * @module Near-miss comparison mutants: every place the reference compares a caveat's value with
 * the request context, loosened in each way a careless implementation might loosen it. Every
 * loosened comparison still holds for equal strings, so each mutant only widens what is accepted.
 */
import type { Mutant } from './mutant.js'

/** A loosened "context value `c` matches allowed value `a`", as source text over two expressions. */
type Match = (c: string, a: string) => string

interface Kind {
  readonly kind: string
  readonly match: Match
  readonly says: string
}

export const KINDS: readonly Kind[] = [
  { kind: 'prefix', match: (c, a) => `${c}.startsWith(${a})`, says: 'the context value only has to start with the allowed value' },
  { kind: 'prefix-reversed', match: (c, a) => `${a}.startsWith(${c})`, says: 'the allowed value only has to start with the context value' },
  { kind: 'substring', match: (c, a) => `${c}.includes(${a})`, says: 'the context value only has to contain the allowed value' },
  { kind: 'substring-reversed', match: (c, a) => `${a}.includes(${c})`, says: 'the allowed value only has to contain the context value' },
  { kind: 'case-insensitive', match: (c, a) => `${c}.toLowerCase() === ${a}.toLowerCase()`, says: 'values are compared case-insensitively' },
  { kind: 'empty-matches-all', match: (c, a) => `(${a} === '' || ${c} === ${a})`, says: 'an empty allowed string matches anything' },
  { kind: 'trimmed', match: (c, a) => `${c}.trim() === ${a}.trim()`, says: 'values are compared after trimming whitespace' },
  { kind: 'nfkc', match: (c, a) => `${c}.normalize('NFKC') === ${a}.normalize('NFKC')`, says: 'values are compared after NFKC normalisation (full-width letters, ligatures)' },
  { kind: 'cut-at-nul', match: (c, a) => `${c}.split('\\u0000')[0] === ${a}.split('\\u0000')[0]`, says: 'values are compared as C strings, cut at U+0000' },
]

interface Site {
  readonly area: string
  readonly file: string
  readonly what: string
  readonly find: string
  readonly replace: (match: Match) => string
  readonly targets: readonly string[]
}

/** The legacy modules' `check` rewritten inline, so only the legacy form is mutated. */
const legacyCheck = (list: 'names' | 'ids', field: 'normalized_name' | 'id', fn: string) => (m: Match) =>
  `check: (r, context) => {\n    const actual = context.project?.${field}\n` +
  `    return ${fn}(actual !== undefined && r.${list}.some((allowed) => ${m('actual', 'allowed')}) ? [actual] : r.${list}, context)\n  },`

export const SITES: readonly Site[] = [
  {
    area: 'project-names',
    file: 'src/caveats/membership.ts',
    what: 'project names (tag 1, and the legacy form through the shared rule)',
    find: 'if (names.includes(context.project.normalized_name)) return null',
    replace: (m) => `const actual = context.project.normalized_name\n  if (names.some((allowed) => ${m('actual', 'allowed')})) return null`,
    targets: ['PNAME-3', 'project-names'],
  },
  {
    area: 'project-ids',
    file: 'src/caveats/membership.ts',
    what: 'project ids (tag 2, and the legacy form through the shared rule)',
    find: 'if (ids.includes(context.project.id)) return null',
    replace: (m) => `const actual = context.project.id\n  if (ids.some((allowed) => ${m('actual', 'allowed')})) return null`,
    targets: ['PID-3', 'project-ids'],
  },
  {
    area: 'legacy-project-names',
    file: 'src/caveats/legacy-project-names.ts',
    what: 'legacy {"version": 1, "permissions": {"projects": [...]}} names only',
    find: 'check: (r, context) => checkProjectName(r.names, context),',
    replace: legacyCheck('names', 'normalized_name', 'checkProjectName'),
    targets: ['LPNAME-2', 'legacy-project-names'],
  },
  {
    area: 'legacy-project-ids',
    file: 'src/caveats/legacy-project-ids.ts',
    what: 'legacy {"project_ids": [...]} ids only',
    find: 'check: (r, context) => checkProjectId(r.ids, context),',
    replace: legacyCheck('ids', 'id', 'checkProjectId'),
    targets: ['LPID-2', 'legacy-project-ids'],
  },
  {
    area: 'user-id',
    file: 'src/caveats/request-user.ts',
    what: 'the user id of tag 3',
    find: 'if (context.user_id !== r.user_id) return',
    replace: (m) => `if (!(${m('context.user_id', 'r.user_id')})) return`,
    targets: ['USER-3', 'request-user'],
  },
  {
    area: 'publisher-id',
    file: 'src/caveats/oidc-publisher.ts',
    what: 'the publisher id of tag 4',
    find: 'if (publisher.id !== r.publisher_id) return',
    replace: (m) => `if (!(${m('publisher.id', 'r.publisher_id')})) return`,
    targets: ['OIDC-4', 'oidc-publisher'],
  },
  {
    area: 'publisher-projects',
    file: 'src/caveats/oidc-publisher.ts',
    what: "the publisher's registered project ids (tag 4)",
    find: 'if (!publisher.project_ids.includes(context.project.id)) {',
    replace: (m) => `const actual = context.project.id\n    if (!publisher.project_ids.some((allowed) => ${m('actual', 'allowed')})) {`,
    targets: ['OIDC-5', 'oidc-publisher'],
  },
]

/** One mutant per site and kind, named `area/kind`. */
export function comparisonMutants(): Mutant[] {
  return SITES.flatMap((site) =>
    KINDS.map((k) => ({
      name: `${site.area}/${k.kind}`,
      file: site.file,
      find: site.find,
      replace: site.replace(k.match),
      description: `${site.what}: ${k.says}`,
      targets: site.targets,
    })),
  )
}
