/** @module Proposed tag 5, `[5, [version, ...]]`: the release-version caveat (proposals/release-version/spec.md). */
import type { CaveatModule, JsonSchema } from '../../src/caveats/types.js'
import caveatSchema from './caveat.schema.json' with { type: 'json' }
import contextSchema from './context.schema.json' with { type: 'json' }
import restrictionSchema from './restriction.schema.json' with { type: 'json' }
import type { ReleaseVersionContext, ReleaseVersionsRestriction } from './generated/types.js'
import { canonicalize } from './pep440.js'

/** The proposed tag (PROP-2): the schema's `x-tag`. */
const TAG = 5

const quoteList = (items: readonly string[]) => items.map((s) => JSON.stringify(s)).join(', ')

export const caveat: CaveatModule<ReleaseVersionsRestriction> = {
  slug: 'release-version',
  tag: TAG,
  type: 'release_versions',
  schemas: { caveat: caveatSchema as JsonSchema, restriction: restrictionSchema as JsonSchema, context: contextSchema.properties as Record<string, JsonSchema> },
  decode: (wire) => ({ type: 'release_versions', versions: (wire as [number, string[]])[1] }),
  encode: (r) => [TAG, r.versions],
  // RVER-6: the restricter writes canonical public versions and refuses what could never match.
  normalize: (r) => {
    if (r.versions.length === 0) return { ok: false, message: 'an empty version list would make the token unusable (RESTRICT-5)' }
    const versions: string[] = []
    for (const given of r.versions) {
      const canonical = canonicalize(given)
      if (canonical === null) return { ok: false, message: `${JSON.stringify(given)} is not a PEP 440 version (RVER-6)` }
      if (canonical.includes('+')) return { ok: false, message: `${JSON.stringify(given)} is a local version, which no upload to an index may have (RVER-5)` }
      versions.push(canonical)
    }
    return { ok: true, restriction: { type: 'release_versions', versions } }
  },
  // RVER-3 / RVER-4: exact membership of the request's canonical release version; none → not satisfied.
  check: (r, context) => {
    const version = (context as ReleaseVersionContext).release_version ?? null
    if (version === null) return 'release-scoped token used by a request that uploads to no release'
    if (r.versions.includes(version)) return null
    return `token is not valid for release ${JSON.stringify(version)} (allowed: ${quoteList(r.versions) || 'none'})`
  },
  explain: (r) => {
    if (r.versions.length === 0) return 'Valid for no release at all (empty list): the token cannot be used.'
    const which = r.versions.length === 1 ? `the release ${JSON.stringify(r.versions[0])}` : `the releases ${quoteList(r.versions)}`
    return `Only for uploading files to ${which} (canonical PEP 440 versions: 1.0 and 1.0.0 are release "1"; post-, pre- and dev-releases are other releases).`
  },
}
