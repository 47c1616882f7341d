/** Vectors for the verification algorithm: several caveats, reasons, context (spec/verification.md). */
import { emptyContext, OTHER_PROJECT, OTHER_PUBLISHER, OTHER_USER, PROJECT, PUBLISHER, publisherContext, T0, token, USER, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyContext } from '../../src/index.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const NAMES = '[1,["sampleproject"]]'
const IDS = `[2,["${PROJECT.id}"]]`
const USER_CAVEAT = `[3,"${USER}"]`
const WINDOW = `[0,${T0 + 900},${T0}]`
const UNKNOWN = '[9,"future"]'
const BAD = '[0,"soon",0]'
/** A request that carries both identities, USER and PUBLISHER (registered to PROJECT), on PROJECT (CTX-2). */
const BOTH = publisherContext({ user_id: USER })

const v = (id: string, description: string, spec: string[], caveats: string[], context: VerifyContext, expect: VerifyExpectation, flags: Flag[] = []) =>
  verifyVector({ id: `verification::${id}`, description, spec, flags, token: token({ caveats }), context, expect })

export function build() {
  const oidc = [`[4,"${PUBLISHER}",null]`, IDS, WINDOW]
  return vectorFile(
    {
      topic: 'verification',
      title: 'Verification algorithm',
      description: 'Tokens with several caveats: all must hold, every failure is reported, and the reason does not depend on caveat order.',
      generator: 'scripts/vectors/verification.ts',
      sources: ['Warehouse caveats/__init__.py verify() and services.py', 'Warehouse mint paths (manage/views, oidc/views.py)', 'pypitoken 7.1.1 Token.check'],
    },
    [
      v('no-caveats-any-context', 'No caveats: valid with no project, user or publisher.', ['VERIFY-1', 'LAW-0'], [], emptyContext(), 'valid'),
      v('project-token-shape', 'Warehouse\'s project-scoped shape `[1,[name]]`, `[2,[id]]` on its project.', ['VERIFY-1', 'CAV-11', 'MINT-1'], [NAMES, IDS], userContext(), 'valid'),
      v('project-token-other-project', 'The same token on another project: both caveats fail (Warehouse reports the message four times, counting its stored copies).', ['VERIFY-5', 'CAV-11'], [NAMES, IDS], userContext({ project: OTHER_PROJECT }), { ...NS, failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_NOT_SATISFIED']] }, ['MultipleFailures']),
      v('user-token-shape', 'Warehouse\'s "entire account" shape `[3, user]`.', ['VERIFY-1'], [USER_CAVEAT], userContext(), 'valid'),
      v('trusted-publishing-shape', 'Warehouse\'s Trusted Publishing shape: publisher, project ids, 15-minute window.', ['VERIFY-1', 'CAV-11'], oidc, publisherContext(), 'valid', ['OidcTag']),
      v('trusted-publishing-expired', 'The same token at nbf + 900.', ['VERIFY-1', 'EXP-3'], oidc, publisherContext({ now: T0 + 900 }), NS, ['OidcTag', 'TimeBoundary']),
      v('trusted-publishing-as-user', 'The Trusted Publishing token presented by a user.', ['CTX-2', 'VERIFY-2'], oidc, userContext(), NS, ['OidcTag']),
      v('user-token-as-publisher', 'An "entire account" token in a Trusted Publishing request.', ['CTX-2', 'VERIFY-2'], [USER_CAVEAT], publisherContext(), NS),
      v('user-token-no-identity', 'An "entire account" token in a request without identity.', ['VERIFY-2', 'USER-2'], [USER_CAVEAT], emptyContext(), NS, ['MissingContext']),
      v('project-token-no-project', 'A project-scoped token on a request that is not about a project (Warehouse: "used outside of a project context").', ['VERIFY-2', 'CTX-1'], [NAMES, IDS], userContext({ project: null }), { ...NS, failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_NOT_SATISFIED']] }, ['MissingContext', 'MultipleFailures']),
      v('all-hold', 'Project, user and window caveats that all hold.', ['VERIFY-1', 'CAV-11'], [NAMES, USER_CAVEAT, WINDOW], userContext(), 'valid'),
      v('one-of-three-fails', 'Three caveats; only the window fails.', ['VERIFY-5', 'CAV-11'], [NAMES, USER_CAVEAT, WINDOW], userContext({ now: T0 + 900 }), NS),
      v('two-fail', 'Two failing caveats (pypitoken 7.1.1 raises a bare ValueError).', ['VERIFY-5', 'REASON-2'], [NAMES, WINDOW], userContext({ project: OTHER_PROJECT, now: T0 - 1 }), { ...NS, failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_NOT_SATISFIED']] }, ['MultipleFailures']),
      v('malformed-after-failing', 'A failing caveat, then a malformed one: the reason is CAVEAT_MALFORMED.', ['REASON-2', 'VERIFY-5'], [NAMES, BAD], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_MALFORMED', failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_MALFORMED']] }, ['ReasonPrecedence', 'MultipleFailures']),
      v('malformed-before-failing', 'The same caveats the other way round: the same reason.', ['REASON-2', 'LAW-3'], [BAD, NAMES], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_MALFORMED', failures: [[0, 'CAVEAT_MALFORMED'], [1, 'CAVEAT_NOT_SATISFIED']] }, ['ReasonPrecedence', 'MultipleFailures']),
      v('unknown-after-failing', 'A failing caveat, then an unknown tag: CAVEAT_UNKNOWN.', ['REASON-2'], [NAMES, UNKNOWN], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_UNKNOWN', failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_UNKNOWN']] }, ['ReasonPrecedence', 'UnknownTag']),
      v('unknown-before-failing', 'An unknown tag, then a failing caveat: CAVEAT_UNKNOWN.', ['REASON-2', 'LAW-3'], [UNKNOWN, NAMES], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_UNKNOWN', failures: [[0, 'CAVEAT_UNKNOWN'], [1, 'CAVEAT_NOT_SATISFIED']] }, ['ReasonPrecedence', 'UnknownTag']),
      v('malformed-and-unknown', 'An unknown tag, then a malformed caveat: CAVEAT_MALFORMED.', ['REASON-2', 'ALG-11'], [UNKNOWN, BAD], userContext(), { invalid: 'CAVEAT_MALFORMED', failures: [[0, 'CAVEAT_UNKNOWN'], [1, 'CAVEAT_MALFORMED']] }, ['ReasonPrecedence', 'UnknownTag']),
      v('unknown-tag-alone', 'An unknown tag in an otherwise valid token.', ['CAV-5', 'LAW-2', 'REASON-1'], [NAMES, UNKNOWN], userContext(), { invalid: 'CAVEAT_UNKNOWN' }, ['UnknownTag']),
      v('malformed-in-every-context', 'A malformed caveat fails even where everything else holds.', ['LAW-2', 'VERIFY-7'], [NAMES, USER_CAVEAT, BAD], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('malformed-no-context', 'The same malformed caveat with an empty context.', ['LAW-2'], [BAD], emptyContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('duplicate-caveat', 'The same caveat twice: both hold.', ['CAV-11'], [NAMES, NAMES], userContext(), 'valid', ['DuplicateCaveat']),
      v('two-name-lists-intersect', '`[1,["sampleproject","flask"]]` and `[1,["flask","requests"]]` allow only flask (pypitoken.md §2.4).', ['CAV-11', 'LAW-1'], ['[1,["sampleproject","flask"]]', '[1,["flask","requests"]]'], userContext({ project: OTHER_PROJECT }), 'valid', ['DuplicateCaveat']),
      v('two-name-lists-exclude', 'The same two lists on sampleproject: the second fails.', ['CAV-11', 'LAW-1'], ['[1,["sampleproject","flask"]]', '[1,["flask","requests"]]'], userContext(), NS, ['DuplicateCaveat']),
      v('empty-array', '`[]` (Warehouse: "caveat array cannot be empty").', ['CAV-2'], ['[]'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('string-caveat', 'A JSON string (Warehouse: "caveat must be an array").', ['CAV-1'], ['"foo"'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('null-caveat', 'JSON null.', ['CAV-1'], ['null'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('number-caveat', 'A JSON number.', ['CAV-1'], ['5'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('boolean-caveat', 'JSON true.', ['CAV-1'], ['true'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('unrecognised-object', '`{"nothing":"we can adapt"}` (Warehouse test input).', ['CAV-7', 'CAV-1'], ['{"nothing":"we can adapt"}'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('empty-object', '`{}`.', ['CAV-7'], ['{}'], userContext(), { invalid: 'CAVEAT_MALFORMED' }),
      v('array-tag', '`[[1],2]`: an unhashable tag, a TypeError in Warehouse.', ['CAV-3'], ['[[1],2]'], userContext(), { invalid: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      v('string-tag', '`["1",["sampleproject"]]` (Warehouse: "caveat has unknown tag: 1").', ['CAV-3'], ['["1",["sampleproject"]]'], userContext(), { invalid: 'CAVEAT_MALFORMED' }, ['TagTyping']),
      v('huge-unknown-tag', 'A tag beyond any registered one, `[9999999]` (Warehouse test input).', ['CAV-5'], ['[9999999]'], userContext(), { invalid: 'CAVEAT_UNKNOWN' }, ['UnknownTag']),
      v('negative-tag', 'A negative integer tag is an unknown tag.', ['CAV-4', 'CAV-5'], ['[-1,"x"]'], userContext(), { invalid: 'CAVEAT_UNKNOWN' }, ['UnknownTag']),
      v('tag-2-32-plus-1', 'Tag 2^32 + 1, inside int64: an unknown tag (a 32-bit reader wraps it to tag 1, which would hold here).', ['CAV-4', 'CAV-5'], ['[4294967297,["sampleproject"]]'], userContext(), { invalid: 'CAVEAT_UNKNOWN' }, ['UnknownTag', 'HugeInteger']),
      v('tag-2-64', 'Tag 2^64 with an open window: not registered (a u64 reader wraps it to tag 0, which would hold); outside int64 a verifier may call it malformed instead.', ['CAV-4', 'CAV-5', 'EXP-4'], [`[18446744073709551616,${T0 + 900},${T0}]`], userContext(), { invalid: 'CAVEAT_UNKNOWN', also: ['CAVEAT_MALFORMED'] }, ['UnknownTag', 'HugeInteger']),
      v('tag-2-64-plus-1', 'Tag 2^64 + 1 naming sampleproject: not registered (wrapped to 64 bits it is tag 1, which would hold).', ['CAV-4', 'CAV-5', 'EXP-4'], ['[18446744073709551617,["sampleproject"]]'], userContext(), { invalid: 'CAVEAT_UNKNOWN', also: ['CAVEAT_MALFORMED'] }, ['UnknownTag', 'HugeInteger']),
      v('percent-string-tag', '`["%s"]`: a string tag is malformed (Warehouse builds "caveat has unknown tag: %s" and crashes formatting it).', ['CAV-3'], ['["%s"]'], userContext(), { invalid: 'CAVEAT_MALFORMED' }, ['TagTyping', 'PercentFormatting']),
      v('percent-tag-with-fields', '`["100%",["sampleproject"]]`: a string tag with a `%` in it.', ['CAV-3'], ['["100%",["sampleproject"]]'], userContext(), { invalid: 'CAVEAT_MALFORMED' }, ['TagTyping', 'PercentFormatting']),
      v('percent-in-name', '`[1,["%s"]]` on sampleproject: a name with `%s` is an ordinary string that matches nothing.', ['PNAME-3', 'CTX-3'], ['[1,["%s"]]'], userContext(), NS, ['PercentFormatting']),
      v('percent-in-user-id', '`[3,"%d%n"]`: a user id with `%` directives is an ordinary string that matches nothing.', ['USER-3', 'CTX-3'], ['[3,"%d%n"]'], userContext(), NS, ['PercentFormatting']),
      v('percent-in-unknown-tag-fields', 'An unknown integer tag whose fields hold `%s`.', ['CAV-5'], ['[99,"%s","%(x)s"]'], userContext(), { invalid: 'CAVEAT_UNKNOWN' }, ['UnknownTag', 'PercentFormatting']),
      v('both-identities-user-caveat', 'A context with both USER and PUBLISHER: `[3, USER]` reads only `user_id`, so it holds.', ['CTX-2', 'USER-3'], [USER_CAVEAT], BOTH, 'valid', ['TwoIdentities']),
      v('both-identities-publisher-caveat', 'The same context: `[4, PUBLISHER]` reads only the publisher and the project, so it holds.', ['CTX-2', 'OIDC-4', 'OIDC-5'], [`[4,"${PUBLISHER}",null]`], BOTH, 'valid', ['TwoIdentities', 'OidcTag']),
      v('both-identities-both-caveats', 'The same context with both caveats: each holds.', ['CTX-2', 'CAV-11'], [USER_CAVEAT, `[4,"${PUBLISHER}",null]`], BOTH, 'valid', ['TwoIdentities', 'OidcTag']),
      v('both-identities-legacy-user', 'The same context: the legacy user caveat needs an authenticated user, which it has.', ['CTX-2', 'LUSER-2'], ['{"permissions":"user","version":1}'], BOTH, 'valid', ['TwoIdentities', 'LegacyForm']),
      v('both-identities-other-user', 'The same context: `[3, OTHER_USER]` fails on the user, whatever the publisher.', ['CTX-2', 'USER-3'], [`[3,"${OTHER_USER}"]`], BOTH, NS, ['TwoIdentities']),
      v('both-identities-other-publisher', 'The same context: `[4, OTHER_PUBLISHER]` fails on the publisher, whatever the user.', ['CTX-2', 'OIDC-4'], [`[4,"${OTHER_PUBLISHER}",null]`], BOTH, NS, ['TwoIdentities', 'OidcTag']),
      v('one-second-window', 'A one-second window holds only at its first second: now is whole seconds.', ['VERIFY-3', 'EXP-3'], [`[0,${T0 + 1},${T0}]`], userContext({ now: T0 }), 'valid', ['TimeBoundary']),
    ],
  )
}
