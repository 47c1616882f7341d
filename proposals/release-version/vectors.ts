/** Vectors for proposed tag 5, `[5, [version, …]]` (proposals/release-version/spec.md). */
import { DEFAULT_REGISTRY, extendRegistry, type CaveatModule, type VerifyContext } from '../../src/index.js'
import type { Comparison, NearMissCase, RuleRef } from '../../src/vectors/near-miss.js'
import { emptyContext, OTHER_PROJECT, PROJECT, restrictVector, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../../scripts/vectors/builder.js'
import type { Flag } from '../../scripts/vectors/flags.js'
import { nearMissFamily, type NearMissRule } from '../../scripts/vectors/near-miss-vectors.js'
import { caveat as module } from './module.js'

/** The version this proposal is for (PROP-9). */
export const VERSION = '0.3.0'

const TOPIC = 'release-version'
/** The formats the vectors are written for: the built-in ones and this proposal's (PROP-1). */
const registry = () => extendRegistry(DEFAULT_REGISTRY, [module as unknown as CaveatModule])
const TAG = module.tag as number
const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const

const caveatText = (versions: readonly string[]) => `[${TAG},${JSON.stringify(versions)}]`
/** USER uploading to SampleProject's release `version` (null: a request that uploads to no release). */
const uploading = (version: string | null): VerifyContext => ({ ...userContext(), release_version: version }) as VerifyContext

/** One verify vector for a token with these caveats (default: USER uploading to release 1.2). */
const checkAll = (id: string, description: string, spec: string[], caveats: string[], expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = uploading('1.2')) =>
  verifyVector({ id: `${TOPIC}::${id}`, description, spec, flags, token: token({ caveats }), context, expect })
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context?: VerifyContext) =>
  checkAll(id, description, spec, [caveat], expect, flags, context)
const SCOPED = [`[1,["${PROJECT.normalized_name}"]]`, caveatText(['1.2'])]

const restrict = (id: string, description: string, spec: string[], versions: unknown[], expect: { caveats: unknown[] } | typeof REFUSED, flags: Flag[] = []) =>
  restrictVector({ id: `${TOPIC}::${id}`, description, spec, flags, token: token(), restrictions: [{ type: 'release_versions', versions }], expect })

type Verdict = NearMissCase['expect']
const near = (name: string, allowed: string, compared: string, expect: Verdict, why: string): NearMissCase => ({
  name,
  allowed,
  compared,
  expect,
  describe: (rule: RuleRef) =>
    `${rule.spec} (canonical-version): the caveat allows ${JSON.stringify(allowed)} and \`${rule.compared}\` is ${JSON.stringify(compared)}: ${why}`,
})

/** RVER-3's comparison: exact equality of canonical versions, with the near misses that PEP 440 makes tempting. */
export const comparisons: Record<string, Comparison> = {
  'canonical-version': {
    name: 'canonical-version',
    spec: 'RVER-3',
    cases: (v) => [
      near('exact', v, v, 'valid', 'the same release, so the caveat holds.'),
      near('post-release', v, `${v}.post1`, 'CAVEAT_NOT_SATISFIED', 'a post-release is another release (RVER-3).'),
      near('pre-release', v, `${v}rc1`, 'CAVEAT_NOT_SATISFIED', 'a pre-release is another release (RVER-3).'),
      near('dev-release', v, `${v}.dev0`, 'CAVEAT_NOT_SATISFIED', 'a development release is another release (RVER-3).'),
      near('epoch', v, `1!${v}`, 'CAVEAT_NOT_SATISFIED', 'another epoch is another release (RVER-3).'),
      near('local', v, `${v}+local`, 'CAVEAT_NOT_SATISFIED', 'a local version never matches a caveat, which lists public versions only (RVER-5).'),
      near('allowed-post-release', `${v}.post1`, v, 'CAVEAT_NOT_SATISFIED', 'the caveat names a post-release, which is another release.'),
      near('allowed-epoch', `1!${v}`, v, 'CAVEAT_NOT_SATISFIED', 'the caveat names another epoch.'),
      near('longer-release', v, `${v}.1`, 'CAVEAT_NOT_SATISFIED', 'one more release component is another release.'),
      near('shorter-release', v.split('.')[0] as string, v, 'CAVEAT_NOT_SATISFIED', 'the caveat names a release with one component fewer, which is another release (no prefix matching).'),
      near('one-number', v.replace(/[0-9]$/, (d) => String((Number(d) + 1) % 10)), v, 'CAVEAT_NOT_SATISFIED', 'its last number differs.'),
      near('trailing-zero', `${v}.0`, v, 'CAVEAT_MALFORMED', 'a trailing `.0` is not canonical (RVER-1; a restricter writes `' + v + '` for it, RVER-6): the `1.0` vs `1.0.0` question is settled by the index, not the verifier.'),
      near('leading-v', `v${v}`, v, 'CAVEAT_MALFORMED', 'a leading `v` is not canonical (RVER-1).'),
      near('leading-zero', `0${v}`, v, 'CAVEAT_MALFORMED', 'a leading zero is not canonical (RVER-1).'),
      near('pre-release-separator', `${v}-rc1`, `${v}rc1`, 'CAVEAT_MALFORMED', 'a separator before the pre-release is not canonical (RVER-1).'),
      near('pre-release-spelling', `${v}c1`, `${v}rc1`, 'CAVEAT_MALFORMED', '`c` is spelled `rc` canonically (RVER-1).'),
      near('pre-release-case', `${v}RC1`, `${v}rc1`, 'CAVEAT_MALFORMED', 'upper case is not canonical (RVER-1).'),
      near('implicit-post-release', `${v}-1`, `${v}.post1`, 'CAVEAT_MALFORMED', '`-1` is spelled `.post1` canonically (RVER-1).'),
      near('allowed-local', `${v}+local`, `${v}+local`, 'CAVEAT_MALFORMED', 'a caveat lists public versions only (RVER-1, RVER-5).'),
      near('whitespace', ` ${v} `, v, 'CAVEAT_MALFORMED', 'surrounding whitespace is not canonical: PEP 440 ignores it, a verifier does not (RVER-1).'),
      near('trailing-newline', `${v}\n`, v, 'CAVEAT_MALFORMED', 'a final newline is not part of a canonical version; a pattern whose `$` matches before it would accept it (RVER-1).'),
      near('empty', '', v, 'CAVEAT_MALFORMED', 'the empty string is not a version (RVER-1).'),
      near('full-width', v.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), v, 'CAVEAT_MALFORMED', 'full-width digits, which NFKC maps to ASCII, are not a version (RVER-1).'),
      near('trailing-nul', `${v}\u0000`, v, 'CAVEAT_MALFORMED', 'a trailing U+0000 is not part of a version (RVER-1).'),
    ],
  },
}

const RULE: NearMissRule = {
  spec: 'RVER-3',
  topic: TOPIC,
  compared: 'release_version',
  comparison: comparisons['canonical-version'] as Comparison,
  caveat: (allowed) => caveatText([allowed]),
  context: (compared) => uploading(compared),
  cites: ['RVER-1'],
}

export function build() {
  return vectorFile(
    {
      topic: TOPIC,
      title: 'Proposed tag 5: release versions',
      description:
        '`[5, [version, …]]`: valid only for an upload to a release whose canonical PEP 440 version (`context.release_version`, RVER-2) is one of the listed canonical versions, compared exactly. Unless said otherwise the request is by USER uploading to release `1.2` of SampleProject at T0 + 10.',
      generator: 'proposals/release-version/vectors.ts',
      sources: ['PEP 440 (version normalisation)', 'pypi/warehouse#12616 (the request)'],
      version: VERSION,
    },
    [
      // Valid.
      check('single-version', 'The caveat lists exactly the release the request uploads to.', ['RVER-1', 'RVER-3'], caveatText(['1.2']), 'valid'),
      check('second-of-two-versions', 'The release is the second of two listed versions.', ['RVER-3'], caveatText(['1.1', '1.2']), 'valid'),
      check('release-one', 'An upload of `1.0` or `1.0.0` goes to release `1` (RVER-2), which `[5,["1"]]` allows.', ['RVER-2', 'RVER-3'], caveatText(['1']), 'valid', [], uploading('1')),
      check('full-version', 'Every part of a canonical version: epoch, release, pre-, post- and dev-release.', ['RVER-1', 'RVER-3'], caveatText(['1!2.3rc4.post5.dev6']), 'valid', [], uploading('1!2.3rc4.post5.dev6')),
      check('release-zero', '`0` is the canonical form of `0.0.0` and is allowed like any other release.', ['RVER-1', 'RVER-3'], caveatText(['0']), 'valid', [], uploading('0')),
      checkAll('with-project-scope', 'With a project-names caveat beside it, both hold.', ['RVER-3', 'CAV-11'], SCOPED, 'valid'),
      check('pypitoken-spacing', 'JSON whitespace between the elements is allowed (JSON-3).', ['RVER-1', 'JSON-3'], `[ ${TAG} , [ "1.2" ] ]`, 'valid', ['JsonWhitespace']),

      // Not satisfied.
      check('other-version', 'The caveat allows only `1.1`; the request uploads to `1.2`.', ['RVER-3'], caveatText(['1.1']), NS),
      check('local-upload', 'The caveat allows `1.2`; the request uploads the local version `1.2+local`, which matches no caveat (RVER-5): a check that drops the local part, or compares by prefix, would let it through.', ['RVER-5', 'RVER-3'], caveatText(['1.2']), NS, [], uploading('1.2+local')),
      check('empty-list', '`[5,[]]` is well-formed and never holds.', ['RVER-1', 'RVER-3'], caveatText([]), NS, ['EmptyList']),
      check('no-release', 'A request that uploads to no release (`release_version` null, RVER-2) does not satisfy the caveat.', ['RVER-2', 'RVER-4', 'VERIFY-2'], caveatText(['1.2']), NS, ['MissingContext'], uploading(null)),
      check('release-version-absent', 'A context without `release_version` at all is the same as null: not satisfied.', ['RVER-4', 'VERIFY-2'], caveatText(['1.2']), NS, ['MissingContext'], userContext()),
      check('nothing-but-time', 'A request with nothing but the time uploads to no release.', ['RVER-4', 'VERIFY-2'], caveatText(['1.2']), NS, ['MissingContext'], emptyContext()),
      checkAll('other-project-same-version', 'The project-names caveat fails on another project even though the release matches (CAV-11).', ['RVER-3', 'CAV-11'], SCOPED, NS, [], { ...uploading('1.2'), project: OTHER_PROJECT } as VerifyContext),

      // Malformed.
      check('versions-as-string', '`[5,"1.2"]`: the versions must be an array.', ['RVER-1', 'CAV-8'], `[${TAG},"1.2"]`, MALFORMED),
      check('number-version', '`[5,[1.2]]`: a JSON number is not a version string.', ['RVER-1', 'CAV-8'], `[${TAG},[1.2]]`, MALFORMED),
      check('null-versions', '`[5,null]`: null is not a list of versions.', ['RVER-1', 'CAV-8'], `[${TAG},null]`, MALFORMED),
      check('versions-missing', '`[5]` lacks the versions, which have no default.', ['CAV-6'], `[${TAG}]`, MALFORMED),
      check('trailing-element', 'A trailing element after the versions (a future field an old verifier would drop).', ['CAV-6'], `[${TAG},["1.2"],null]`, MALFORMED, ['TrailingElements']),
      check('one-non-canonical', 'One non-canonical version among canonical ones makes the whole caveat malformed.', ['RVER-1', 'CAV-8'], caveatText(['1.2', '1.3.0']), MALFORMED),

      // Near misses (RVER-3, the canonical-version comparison).
      ...nearMissFamily(RULE, registry()),

      // Restrict.
      restrict('restrict-version', 'Restricting to `1.2` appends `[5,["1.2"]]`.', ['RVER-6', 'RESTRICT-1'], ['1.2'], { caveats: [[TAG, ['1.2']]] }),
      restrict('restrict-trailing-zeros', '`1.0.0` is written `1`, the release the index calls it (RVER-2).', ['RVER-6'], ['1.0.0'], { caveats: [[TAG, ['1']]] }),
      restrict('restrict-spellings', '`v1.0-RC1`, `2.0-1`, ` 3.0_Dev ` and `0!4.0.POST` are written `1rc1`, `2.post1`, `3.dev0` and `4.post0`.', ['RVER-6'], ['v1.0-RC1', '2.0-1', ' 3.0_Dev ', '0!4.0.POST'], { caveats: [[TAG, ['1rc1', '2.post1', '3.dev0', '4.post0']]] }),
      restrict('restrict-pre-release-words', '`1alpha`, `1.0beta2`, `1-preview3` and `1.c4` are written `1a0`, `1b2`, `1rc3` and `1rc4`.', ['RVER-6'], ['1alpha', '1.0beta2', '1-preview3', '1.c4'], { caveats: [[TAG, ['1a0', '1b2', '1rc3', '1rc4']]] }),
      restrict('restrict-leading-zeros', '`01.002.000` is written `1.2`; an epoch `00!` is left out.', ['RVER-6'], ['00!01.002.000'], { caveats: [[TAG, ['1.2']]] }),
      restrict('restrict-refuses-local', '`1.0+local` is a local version: refused (RVER-5).', ['RVER-6', 'RVER-5'], ['1.0+local'], REFUSED),
      restrict('restrict-refuses-non-version', '`latest` is not a PEP 440 version: refused.', ['RVER-6'], ['latest'], REFUSED),
      restrict('restrict-refuses-empty-string', 'The empty string is not a version: refused.', ['RVER-6'], ['1.2', ''], REFUSED),
      restrict('restrict-refuses-empty-list', 'An empty version list is refused: the token could never be used (RESTRICT-5).', ['RVER-6', 'RESTRICT-5'], [], REFUSED, ['EmptyList']),
      restrict('restrict-refuses-number', 'A JSON number is not a version string: the restriction does not match its schema.', ['RVER-6'], [1.2], REFUSED),
    ],
  )
}
