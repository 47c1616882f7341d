/**
 * @module The mutant catalog: named plausible bugs in the reference implementation, each of which
 * some conformance vector must catch. A mutant that survives is a missing vector, never a reason
 * to drop or weaken the mutant.
 */
import { comparisonMutants } from './comparisons.js'
import type { Mutant } from './mutant.js'

const SIG_CHECK = "if (!signaturesEqual(expected, macaroon.signature)) return rejected('SIGNATURE_MISMATCH', 'signature does not match: wrong key, or the token was altered')"
const CAVEAT_FAILURE = 'if (!decoded.ok) failure = {'
const SCHEMA_CHECK = 'const valid = registry.validators.caveat(module.schemas.caveat, value)'

/** Legacy `exp`/`nbf` only: the tag-0 form keeps the correct window (window.ts is shared). */
const legacyWindow = (name: string, check: string, description: string): Mutant => ({
  name: `legacy-expiration/${name}`,
  file: 'src/caveats/legacy-expiration.ts',
  find: 'check: (r, context) => checkWindow(r.expires_at, r.not_before, context),',
  replace: `check: (r, context) => ${check},`,
  description: `legacy {"exp", "nbf"} only: ${description}`,
  targets: ['LEXP-2', 'legacy-expiration'],
})

const OTHER_MUTANTS: readonly Mutant[] = [
  // Time window (EXP-3), shared by tag 0 and the legacy form.
  {
    name: 'window/not-before-off-by-one',
    file: 'src/caveats/window.ts',
    find: 'if (context.now < notBefore) return',
    replace: 'if (context.now <= notBefore) return',
    description: 'the token is not yet valid at exactly now == not_before',
    targets: ['EXP-3', 'expiration', 'legacy-expiration'],
  },
  {
    name: 'window/expires-at-off-by-one',
    file: 'src/caveats/window.ts',
    find: 'if (context.now >= expiresAt) return',
    replace: 'if (context.now > expiresAt) return',
    description: 'the token is still valid at exactly now == expires_at',
    targets: ['EXP-3', 'expiration', 'legacy-expiration'],
  },
  {
    name: 'window/not-before-skipped',
    file: 'src/caveats/window.ts',
    find: 'if (context.now < notBefore) return',
    replace: 'if (false) return',
    description: 'not_before is never checked',
    targets: ['EXP-3', 'expiration', 'legacy-expiration'],
  },
  legacyWindow('not-before-off-by-one', "context.now === r.not_before ? 'mutant: not valid yet' : checkWindow(r.expires_at, r.not_before, context)", 'not yet valid at now == nbf'),
  legacyWindow('expires-at-off-by-one', 'context.now === r.expires_at && context.now >= r.not_before ? null : checkWindow(r.expires_at, r.not_before, context)', 'still valid at now == exp'),
  legacyWindow('not-before-skipped', 'checkWindow(r.expires_at, Math.min(r.not_before, context.now), context)', 'nbf is never checked'),

  // Signature and verification order (spec/signature.md, spec/verification.md).
  {
    name: 'signature/any-if-no-caveats',
    file: 'src/verify.ts',
    find: 'if (!signaturesEqual(expected, macaroon.signature)) return rejected(',
    replace: 'if (macaroon.caveats.length > 0 && !signaturesEqual(expected, macaroon.signature)) return rejected(',
    description: 'any signature is accepted when the token has no caveats',
    targets: ['SIG-5', 'VERIFY-1', 'signature'],
  },
  {
    name: 'signature/unsigned-failing-caveat',
    file: 'src/verify.ts',
    find: 'if (!signaturesEqual(expected, macaroon.signature)) return rejected(',
    replace:
      'const passing = macaroon.caveats.filter((c) => {\n' +
      '    const d = decodeCaveat(c, registry)\n' +
      '    return d.ok && d.module.check(d.restriction as never, ctx) === null\n' +
      '  })\n' +
      '  if (passing.length < macaroon.caveats.length && signaturesEqual(computeSignature(key, macaroon.identifier, passing), macaroon.signature)) return VALID\n' +
      '  if (!signaturesEqual(expected, macaroon.signature)) return rejected(',
    description: "pymacaroons' chain: only passing caveats extend it, so a failing caveat that was never signed is accepted",
    targets: ['SIG-3', 'VERIFY-4', 'signature'],
  },
  {
    name: 'signature/reported-after-caveats',
    file: 'src/verify.ts',
    find: SIG_CHECK,
    replace: 'const badSignature = !signaturesEqual(expected, macaroon.signature)',
    also: [{ find: 'if (failures === null) return VALID', replace: `if (failures === null) return badSignature ? ${SIG_CHECK.replace(/^.*? return /, '')} : VALID` }],
    description: 'caveats are evaluated before the signature, so a forged token with a failing caveat reports the caveat (reason only; still invalid)',
    targets: ['VERIFY-4', 'REASON-1', 'signature'],
  },
  {
    name: 'verify/unknown-tag-satisfied',
    file: 'src/verify.ts',
    find: CAVEAT_FAILURE,
    replace: "if (!decoded.ok) failure = decoded.reason === 'CAVEAT_UNKNOWN' ? null : {",
    description: 'a caveat with an unknown integer tag is treated as satisfied',
    targets: ['CAV-5', 'verification'],
  },
  {
    name: 'verify/third-party-satisfied',
    file: 'src/verify.ts',
    find: CAVEAT_FAILURE,
    replace: "if (!decoded.ok) failure = decoded.reason === 'CAVEAT_THIRD_PARTY' ? null : {",
    description: 'a third-party caveat is treated as satisfied',
    targets: ['VERIFY-6', 'macaroon'],
  },
  {
    name: 'verify/identifier-utf8-skipped',
    file: 'src/verify.ts',
    find: 'if (!isUtf8(macaroon.identifier)) return rejected(',
    replace: 'if (false) return rejected(',
    description: 'an identifier that is not UTF-8 is accepted',
    targets: ['MAC-11', 'macaroon'],
  },

  // Token and macaroon encoding.
  {
    name: 'token/prefix-case-insensitive',
    file: 'src/token/parse.ts',
    find: ': prefix !== PYPI_PREFIX)',
    replace: ': prefix.toLowerCase() !== PYPI_PREFIX)',
    description: 'the `pypi` prefix is compared case-insensitively',
    targets: ['TOKEN-2', 'token-format'],
  },
  {
    name: 'token/padding-accepted',
    file: 'src/token/base64url.ts',
    find: 'export function decodeBase64url(text: string): Base64Result {',
    replace: "export function decodeBase64url(text: string): Base64Result {\n  text = text.replace(/=+$/, '')",
    description: 'trailing `=` padding is stripped before decoding',
    targets: ['TOKEN-4', 'token-format'],
  },
  {
    name: 'macaroon/trailing-bytes-accepted',
    file: 'src/macaroon/decode.ts',
    find: "if (afterLength + length !== buf.length) throw new CodecError('trailing bytes after the signature')",
    replace: '// (mutant) bytes after the signature are ignored',
    description: 'bytes after the signature field are ignored',
    targets: ['MAC-9', 'macaroon', 'malformed'],
  },

  // Caveat encoding (spec/caveat-encoding.md) and caveat shapes (spec/caveats/index.md).
  {
    name: 'caveat/utf8-lenient',
    file: 'src/caveats/decode.ts',
    find: 'const text = decodeUtf8(caveat.id)',
    replace: "const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(caveat.id)",
    description: 'caveat bytes are decoded leniently (invalid UTF-8 becomes U+FFFD)',
    targets: ['JSON-1', 'caveat-encoding'],
  },
  {
    name: 'caveat/trailing-elements-ignored',
    file: 'src/caveats/decode.ts',
    find: SCHEMA_CHECK,
    replace:
      '// (mutant) arity by tag: [0, exp, nbf], [1, names], [2, ids], [3, user], [4, publisher, claims]\n' +
      '  const arity = Array.isArray(value) ? [3, 2, 2, 2, 3][value[0] as number] : undefined\n' +
      '  const valid = registry.validators.caveat(module.schemas.caveat, Array.isArray(value) && arity !== undefined ? value.slice(0, arity) : value)',
    description: 'extra trailing array elements are ignored (arity not checked)',
    targets: ['CAV-6', 'project-names', 'request-user', 'oidc-publisher'],
  },
  {
    name: 'caveat/legacy-other-form-dropped',
    file: 'src/caveats/decode.ts',
    find: SCHEMA_CHECK,
    replace:
      "const known = (o: object, keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)))\n" +
      "  const isObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v)\n" +
      "  const form = isObject(value) ? ('version' in value ? ['version', 'permissions'] : 'exp' in value || 'nbf' in value ? ['exp', 'nbf'] : ['project_ids']) : []\n" +
      "  const shaped = isObject(value) ? known(value, form) : value\n" +
      '  const valid = registry.validators.caveat(module.schemas.caveat, shaped)',
    // CAV-12's check runs before any form is read, so the bug needs it gone too, as Warehouse has none.
    also: [{ find: 'const mixed = mixedLegacyForms(value)', replace: 'const mixed = null as string | null' }],
    description: "a legacy object holding two forms' members is read as the form it was recognised by, dropping the other's restriction (Warehouse's legacy adapter, D14)",
    targets: ['CAV-12', 'CAV-8', 'LPNAME-1', 'LPID-1', 'LUSER-1', 'LEXP-1'],
  },

  {
    name: 'caveat/lenient-tag-unenforced',
    file: 'src/caveats/decode.ts',
    find: "if (typeof tag !== 'number') return malformed(",
    replace: "if (typeof tag === 'boolean') return { ok: true, slug: 'request-user', restriction: { type: 'user', user_id: '' }, module: { check: () => null } as never }\n    if (typeof tag !== 'number') return malformed(",
    description: 'a tag written true or false is read leniently, but the caveat it names is not enforced',
    targets: ['CAV-3', 'caveat-encoding', 'project-names'],
  },
  {
    name: 'caveat/legacy-user-noop',
    file: 'src/caveats/legacy-user.ts',
    find: "check: (_r, context) => (context.user_id === null ?",
    replace: "check: (_r, context) => (context.user_id === undefined ?",
    description: "the legacy user caveat always holds (pypitoken's LegacyNoopRestriction)",
    targets: ['LUSER-2', 'legacy-user'],
  },
  {
    name: 'context/one-identity',
    file: 'src/verify.ts',
    find: 'const ctx = completeContext(context, registry)',
    replace: 'const full = completeContext(context, registry)\n  const ctx = full.user_id !== null && full.oidc_publisher !== null ? { ...full, oidc_publisher: null } : full',
    description: 'a context with a user and a publisher keeps only the user (the old Warehouse adapter)',
    targets: ['CTX-2', 'verification'],
  },

  // Strict JSON (spec/caveat-encoding.md).
  {
    name: 'json/floats-as-integers',
    file: 'src/json/parse.ts',
    find: "if (next === '.' || next === 'e' || next === 'E') fail(",
    replace: "if (next === '.' || next === 'e' || next === 'E') {\n    const m = /^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(start))\n    const f = Number(m?.[0])\n    if (m !== null && Number.isInteger(f)) { pos = start + m[0].length; return f }\n  }\n  if (next === '.' || next === 'e' || next === 'E') fail(",
    description: "numbers with a fraction or exponent are read as doubles and accepted when the double is an integer (pypitoken's jsonschema 'integer')",
    targets: ['JSON-4', 'EXP-2', 'expiration'],
  },
  {
    name: 'json/duplicate-key-last-wins',
    file: 'src/json/parse.ts',
    find: 'if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`)',
    replace: '// (mutant) a repeated key overwrites the earlier one',
    description: 'duplicate object keys are accepted, the last one wins',
    targets: ['JSON-5', 'caveat-encoding'],
  },
  {
    name: 'json/integers-wrap-u64',
    file: 'src/json/parse.ts',
    find: 'const value = Number(text.slice(start, pos))',
    replace: 'const value = Number(BigInt.asUintN(64, BigInt(text.slice(start, pos))))',
    description: 'integers are read as u64 with wrap-around',
    targets: ['EXP-4', 'expiration'],
  },
  {
    name: 'json/integers-wrap-i64',
    file: 'src/json/parse.ts',
    find: 'const value = Number(text.slice(start, pos))',
    replace: 'const value = Number(BigInt.asIntN(64, BigInt(text.slice(start, pos))))',
    description: 'integers are read as i64 with wrap-around',
    targets: ['EXP-4', 'expiration'],
  },
]

/** Every mutant the gate runs: the comparison near misses, then the rest. */
export const CATALOG: readonly Mutant[] = [...comparisonMutants(), ...OTHER_MUTANTS]
