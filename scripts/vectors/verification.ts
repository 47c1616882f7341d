/** Vectors for the verification algorithm: several caveats, reasons, context (spec/verification.md). */
import { emptyContext, OTHER_PROJECT, PROJECT, PUBLISHER, publisherContext, T0, token, USER, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyContext } from '../../src/index.js'

const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const NAMES = '[1,["sampleproject"]]'
const IDS = `[2,["${PROJECT.id}"]]`
const USER_CAVEAT = `[3,"${USER}"]`
const WINDOW = `[0,${T0 + 900},${T0}]`
const UNKNOWN = '[9,"future"]'
const BAD = '[0,"soon",0]'

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
      v('project-token-other-project', 'The same token on another project: both caveats fail (Warehouse reports the message four times, counting its stored copies).', ['VERIFY-5', 'CAV-11'], [NAMES, IDS], userContext({ project: OTHER_PROJECT }), NS, ['MultipleFailures']),
      v('user-token-shape', 'Warehouse\'s "entire account" shape `[3, user]`.', ['VERIFY-1'], [USER_CAVEAT], userContext(), 'valid'),
      v('trusted-publishing-shape', 'Warehouse\'s Trusted Publishing shape: publisher, project ids, 15-minute window.', ['VERIFY-1', 'CAV-11'], oidc, publisherContext(), 'valid', ['OidcTag']),
      v('trusted-publishing-expired', 'The same token at nbf + 900.', ['VERIFY-1', 'EXP-3'], oidc, publisherContext({ now: T0 + 900 }), NS, ['OidcTag', 'TimeBoundary']),
      v('trusted-publishing-as-user', 'The Trusted Publishing token presented by a user.', ['CTX-2', 'VERIFY-2'], oidc, userContext(), NS, ['OidcTag']),
      v('user-token-as-publisher', 'An "entire account" token in a Trusted Publishing request.', ['CTX-2', 'VERIFY-2'], [USER_CAVEAT], publisherContext(), NS),
      v('user-token-no-identity', 'An "entire account" token in a request without identity.', ['VERIFY-2', 'USER-2'], [USER_CAVEAT], emptyContext(), NS, ['MissingContext']),
      v('project-token-no-project', 'A project-scoped token on a request that is not about a project (Warehouse: "used outside of a project context").', ['VERIFY-2', 'CTX-1'], [NAMES, IDS], userContext({ project: null }), NS, ['MissingContext']),
      v('all-hold', 'Project, user and window caveats that all hold.', ['VERIFY-1', 'CAV-11'], [NAMES, USER_CAVEAT, WINDOW], userContext(), 'valid'),
      v('one-of-three-fails', 'Three caveats; only the window fails.', ['VERIFY-5', 'CAV-11'], [NAMES, USER_CAVEAT, WINDOW], userContext({ now: T0 + 900 }), NS),
      v('two-fail', 'Two failing caveats (pypitoken 7.1.1 raises a bare ValueError).', ['VERIFY-5', 'REASON-2'], [NAMES, WINDOW], userContext({ project: OTHER_PROJECT, now: T0 - 1 }), NS, ['MultipleFailures']),
      v('malformed-after-failing', 'A failing caveat, then a malformed one: the reason is CAVEAT_MALFORMED.', ['REASON-2', 'VERIFY-5'], [NAMES, BAD], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_MALFORMED' }, ['ReasonPrecedence', 'MultipleFailures']),
      v('malformed-before-failing', 'The same caveats the other way round: the same reason.', ['REASON-2', 'LAW-3'], [BAD, NAMES], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_MALFORMED' }, ['ReasonPrecedence', 'MultipleFailures']),
      v('unknown-after-failing', 'A failing caveat, then an unknown tag: CAVEAT_UNKNOWN.', ['REASON-2'], [NAMES, UNKNOWN], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_UNKNOWN' }, ['ReasonPrecedence', 'UnknownTag']),
      v('unknown-before-failing', 'An unknown tag, then a failing caveat: CAVEAT_UNKNOWN.', ['REASON-2', 'LAW-3'], [UNKNOWN, NAMES], userContext({ project: OTHER_PROJECT }), { invalid: 'CAVEAT_UNKNOWN' }, ['ReasonPrecedence', 'UnknownTag']),
      v('malformed-and-unknown', 'An unknown tag, then a malformed caveat: CAVEAT_MALFORMED.', ['REASON-2'], [UNKNOWN, BAD], userContext(), { invalid: 'CAVEAT_MALFORMED' }, ['ReasonPrecedence', 'UnknownTag']),
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
      v('one-second-window', 'A one-second window holds only at its first second: now is whole seconds.', ['VERIFY-3', 'EXP-3'], [`[0,${T0 + 1},${T0}]`], userContext({ now: T0 }), 'valid', ['TimeBoundary']),
    ],
  )
}
