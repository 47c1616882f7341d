/**
 * Plausible bugs of the release-version check (PROP-7), each of which a vector of vectors.ts must
 * catch: the loosened string comparisons of src/mutants/comparisons.ts that canonical versions can
 * tell apart, and the PEP 440 shortcuts an implementer might take. Comparing case-insensitively,
 * trimmed, after NFKC, cut at U+0000 or with an empty value matching everything cannot change a
 * verdict here: both sides are canonical (RVER-1, RVER-2) — lower-case ASCII, never empty, without
 * whitespace or U+0000 — so those mutants are equivalent and not listed.
 */
import { KINDS } from '../../src/mutants/comparisons.js'
import type { Mutant } from '../../src/mutants/mutant.js'

const MODULE = 'proposals/release-version/module.ts'
const MEMBERSHIP = 'if (r.versions.includes(version)) return null'
/** The comparison kinds that canonical versions can tell apart. */
const DISTINGUISHABLE = ['prefix', 'prefix-reversed', 'substring', 'substring-reversed']

/** The membership test, with the request's version changed by `shortcut` first. */
const shortcut = (name: string, expression: string, description: string): Mutant => ({
  name: `release-version/${name}`,
  file: MODULE,
  find: MEMBERSHIP,
  replace: `if (r.versions.includes(${expression})) return null`,
  description,
  targets: ['RVER-3', 'release-version'],
})

export const mutants: readonly Mutant[] = [
  ...KINDS.filter((k) => DISTINGUISHABLE.includes(k.kind)).map((k) => ({
    name: `release-version/${k.kind}`,
    file: MODULE,
    find: MEMBERSHIP,
    replace: `if (r.versions.some((allowed) => ${k.match('version', 'allowed')})) return null`,
    description: `release versions: ${k.says}`,
    targets: ['RVER-3', 'release-version'],
  })),
  shortcut('post-release-ignored', "version.replace(/\\.post[0-9]+/, '')", 'a post-release counts as its release'),
  shortcut('pre-release-ignored', "version.replace(/(a|b|rc)[0-9]+/, '')", 'a pre-release counts as its release'),
  shortcut('dev-release-ignored', "version.replace(/\\.dev[0-9]+/, '')", 'a development release counts as its release'),
  shortcut('local-ignored', "version.split('+')[0] as string", 'a local version counts as its public version (PEP 440 `==` semantics)'),
  shortcut('epoch-ignored', "version.replace(/^[0-9]+!/, '')", 'the epoch is ignored'),
  {
    name: 'release-version/non-canonical-accepted',
    file: 'proposals/release-version/caveat.schema.json',
    find: '"pattern": "^(?:[1-9][0-9]*!)?',
    replace: '"pattern": "|^(?:[1-9][0-9]*!)?',
    description: 'any string is accepted as a version in the caveat (no canonical-form check)',
    targets: ['RVER-1', 'release-version'],
  },
]
