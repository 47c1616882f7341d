/**
 * What the laws need for the release-version caveat (PROP-6): restrictions spelled as users spell
 * versions, request versions, malformed caveat texts, and a model of RVER-2 … RVER-6 that knows
 * each spelling's canonical form from this table, not from the module's parser.
 */
import fc from 'fast-check'
import type { ProposalModel } from '../../src/laws/subjects.js'
import type { ReleaseVersionContext, ReleaseVersionsRestriction } from './generated/types.js'

/** [how a user might write a version, its canonical form] (RVER-1, RVER-6). */
const SPELLINGS: readonly (readonly [string, string])[] = [
  ['1.2', '1.2'],
  ['1.2.0', '1.2'],
  ['v1.2', '1.2'],
  ['1.2.0.0', '1.2'],
  ['0!1.2', '1.2'],
  ['1.2rc1', '1.2rc1'],
  ['1.2-RC1', '1.2rc1'],
  ['1.2c1', '1.2rc1'],
  ['1.2.post1', '1.2.post1'],
  ['1.2-1', '1.2.post1'],
  ['1.2.r1', '1.2.post1'],
  ['1.2.dev0', '1.2.dev0'],
  ['1.2-dev', '1.2.dev0'],
  ['1!1.2', '1!1.2'],
  ['1.3', '1.3'],
  ['1', '1'],
  ['1.0', '1'],
  ['1.2.1', '1.2.1'],
]
const CANONICAL = new Map(SPELLINGS)

/** Canonical versions a request may upload to (RVER-2), a local one among them. */
const REQUESTED = ['1.2', '1.2rc1', '1.2.post1', '1.2.dev0', '1!1.2', '1.3', '1', '1.2.1', '1.2+local']

export const model: ProposalModel<ReleaseVersionsRestriction> = {
  restriction: fc.subarray(SPELLINGS.map(([spelling]) => spelling), { minLength: 1, maxLength: 3 }).map((versions) => ({ type: 'release_versions' as const, versions })),
  context: fc.oneof(
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ release_version: null }) },
    { weight: 6, arbitrary: fc.constantFrom(...REQUESTED).map((release_version) => ({ release_version })) },
  ),
  rejected: fc.constantFrom('[5]', '[5,"1.2"]', '[5,["1.2.0"]]', '[5,["v1.2"]]', '[5,["1.2+local"]]', '[5,[1.2]]', '[5,["1.2"],null]', '[5,null]'),
  holds: (r, context) => {
    const version = (context as ReleaseVersionContext).release_version ?? null
    return version !== null && r.versions.some((v) => CANONICAL.get(v) === version)
  },
}
