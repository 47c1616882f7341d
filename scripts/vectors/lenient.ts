/**
 * Vectors for the lenient readings a verifier may make (spec/lenient-readings.md): each is
 * `acceptable`, and a lenient reading of a caveat that fails still fails (LENIENT-6).
 */
import { OTHER_PUBLISHER, PUBLISHER, publisherContext, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { VerifyContext } from '../../src/index.js'

const MAY: VerifyExpectation = { acceptable: 'CAVEAT_MALFORMED' }
const FAILS_ANYWAY: VerifyExpectation = { invalid: 'CAVEAT_MALFORMED', also: ['CAVEAT_NOT_SATISFIED'] }
const WINDOW = `"exp":${T0 + 900},"nbf":${T0}`

const v = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[], context: VerifyContext = userContext()) =>
  verifyVector({ id: `lenient::${id}`, description, spec, flags: ['LenientReading', ...flags], token: token({ caveats: [caveat] }), context, expect })

export function build() {
  return vectorFile(
    {
      topic: 'lenient',
      title: 'Lenient readings',
      description: 'Inputs the strict reading rejects and a verifier may accept instead, each without changing what the caveat restricts.',
      generator: 'scripts/vectors/lenient.ts',
      sources: ['spec/lenient-readings.md', 'Warehouse caveats/_legacy.py and caveats/__init__.py (dict lookup of tags)', 'pypitoken 7.1.1 jsonschema integer'],
    },
    [
      v('tag-true', '`[true,["sampleproject"]]` on sampleproject: malformed, or read as tag 1, which holds.', ['LENIENT-1', 'CAV-3'], '[true,["sampleproject"]]', MAY, ['TagTyping']),
      v('tag-float-enforced', '`[1.0,["flask"]]` on sampleproject: read as tag 1 it still fails.', ['LENIENT-1', 'LENIENT-6'], '[1.0,["flask"]]', FAILS_ANYWAY, ['TagTyping', 'FloatNumber']),
      v('legacy-version-true', '`{"permissions":"user","version":true}` for a user: malformed, or read as version 1.', ['LENIENT-2', 'LUSER-1'], '{"permissions":"user","version":true}', MAY, ['LegacyVersionTyping', 'LegacyForm']),
      v('legacy-version-float-enforced', 'Legacy project names with `"version":1.0` naming flask, on sampleproject: still fails.', ['LENIENT-2', 'LENIENT-6', 'LPNAME-1'], '{"permissions":{"projects":["flask"]},"version":1.0}', FAILS_ANYWAY, ['LegacyVersionTyping', 'LegacyForm']),
      v('legacy-ignored-member', 'A legacy expiry with a member no form defines (`note`): malformed, or the member is ignored.', ['LENIENT-3', 'LEXP-1'], `{${WINDOW},"note":"ci"}`, MAY, ['LegacyExtraKeys', 'LegacyForm']),
      v('legacy-ignored-member-float', 'The ignored member holds `1.5`: its value is unread, so a verifier that ignores it may accept the float too.', ['LENIENT-3', 'LENIENT-4', 'JSON-4'], `{${WINDOW},"note":1.5}`, MAY, ['LegacyExtraKeys', 'FloatNumber']),
      v('legacy-ignored-member-duplicate', 'The ignored member holds an object with a repeated member.', ['LENIENT-3', 'LENIENT-4', 'JSON-5'], `{${WINDOW},"note":{"a":1,"a":2}}`, MAY, ['LegacyExtraKeys', 'DuplicateKey']),
      v('legacy-ignored-member-enforced', 'A legacy expiry that has passed, with an ignored member: it still expires.', ['LENIENT-3', 'LENIENT-6'], `{"exp":${T0},"nbf":${T0 - 900},"note":"ci"}`, FAILS_ANYWAY, ['LegacyExtraKeys', 'TimeBoundary']),
      v('legacy-project-ids-ignored-member', 'Legacy project ids with an ignored member naming no form.', ['LENIENT-3', 'LPID-1'], '{"project_ids":["0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11"],"x":0}', MAY, ['LegacyExtraKeys', 'LegacyProjectIds']),
      v('claims-float-enforced', 'A float in the claims of a caveat naming another publisher: a lenient reading still fails on the publisher.', ['LENIENT-4', 'LENIENT-6', 'OIDC-2'], `[4,"${OTHER_PUBLISHER}",{"iat":1.5}]`, FAILS_ANYWAY, ['UnreadClaims', 'OidcTag', 'OidcClaims'], publisherContext()),
      v('claims-infinity', '`Infinity` inside the claims of the request\'s publisher.', ['LENIENT-4', 'OIDC-2'], `[4,"${PUBLISHER}",{"exp":Infinity}]`, MAY, ['UnreadClaims', 'OidcTag', 'OidcClaims', 'PythonJsonExtension'], publisherContext()),
      v('repeated-equal-members', 'A legacy expiry that repeats `exp` with the same value.', ['LENIENT-5', 'JSON-5'], `{${WINDOW},"exp":${T0 + 900}}`, MAY, ['DuplicateKeySameValue', 'LegacyForm']),
    ],
  )
}
