/** Vectors for the HMAC chain (spec/signature.md) and signature-before-caveats (VERIFY-4). */
import { computeSignature } from '../../src/macaroon/signature.js'
import { emptyContext, fromBytes, IDENTIFIER, KEY, KEY_HEX, OTHER_KEY_HEX, OTHER_PROJECT, packet, signedBytes, T0, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import { PT, PYPITOKEN, WH } from './recorded.js'

const NAMES = '[1,["sampleproject"]]'
const USER = '[3,"a614e122-a9ee-473c-b6df-8c4f1b776628"]'
const MISMATCH = { invalid: 'SIGNATURE_MISMATCH' } as const

const v = (id: string, description: string, spec: string[], t: string, expect: VerifyExpectation, flags: Flag[] = [], key = KEY_HEX, context = userContext()) =>
  verifyVector({ id: `signature::${id}`, description, spec, flags, token: t, key, context, expect })

/** A token whose caveat list and signature are given separately, to splice chains. */
function spliced(caveats: string[], signature: Uint8Array, identifier = IDENTIFIER): string {
  const s = signedBytes(caveats, KEY, identifier)
  return fromBytes([...s.header, ...s.caveats, ...packet.field(6, signature)])
}

const chain = (caveats: string[], identifier = IDENTIFIER) => computeSignature(KEY, Buffer.from(identifier), caveats.map((c) => ({ kind: 'first-party' as const, id: Buffer.from(c) })))

export function build() {
  const two = [NAMES, USER]
  const full = { ...userContext(), project: { name: 'requests', normalized_name: 'requests', id: PT.projectId }, user_id: PT.userId }
  const flipped = Buffer.from(chain(two))
  flipped[31] = (flipped[31] as number) ^ 0x01
  return vectorFile(
    {
      topic: 'signature',
      title: 'Signature chain',
      description: 'The HMAC-SHA256 chain: what the key signs, what tampering does, and that a bad signature is reported before any caveat is looked at.',
      generator: 'scripts/vectors/signature.ts',
      sources: ['pymacaroons 0.13.0 (macaroon.py, verifier.py)', 'pypitoken.md recorded tokens and chain values', 'Warehouse caveats/__init__.py verify()'],
    },
    [
      ...Object.entries(PYPITOKEN).map(([name, f]) =>
        v(`recorded-pypitoken-${name.replace(/_/g, '-')}`, `pypitoken's recorded \`${name}\` token verifies with bytes(range(32)) in the full context of pypitoken.md §5.4.`, ['SIG-1', 'SIG-2', 'SIG-3', 'SIG-5'], f.token, 'valid', ['RecordedToken'], KEY_HEX, full),
      ),
      v('recorded-warehouse-project', 'Warehouse\'s recorded project-scoped token verifies.', ['SIG-3', 'MINT-1'], WH.project.token, 'valid', ['RecordedToken'], KEY_HEX, userContext({ project: { name: 'sampleproject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' } })),
      v('wrong-key', 'Another 32-byte key.', ['SIG-5', 'LAW-5'], token({ caveats: two }), MISMATCH, [], OTHER_KEY_HEX),
      v('wrong-key-no-caveats', 'Another key, no caveats: the identifier alone is signed.', ['SIG-2', 'LAW-5'], token(), MISMATCH, [], OTHER_KEY_HEX),
      v('key-one-byte-short', 'The key minus its last byte.', ['SIG-1', 'LAW-5'], token({ caveats: two }), MISMATCH, [], KEY_HEX.slice(0, -2)),
      v('key-zero-padded', 'The key plus a zero byte: HMAC pads keys with zeros, yet the derived key differs, so the token fails.', ['SIG-1', 'LAW-5'], token({ caveats: two }), MISMATCH, [], KEY_HEX + '00'),
      v('long-key', 'A 100-byte root key (longer than the HMAC block) signs and verifies.', ['SIG-1'], token({ caveats: two, key: Uint8Array.from({ length: 100 }, (_, i) => i) }), 'valid', [], Buffer.from(Uint8Array.from({ length: 100 }, (_, i) => i)).toString('hex')),
      v('empty-key', 'An empty key: pymacaroons signs nothing with it; verifiers refuse it.', ['SIG-6'], token({ caveats: two }), { invalid: 'KEY_INVALID' }, ['EmptyKey'], ''),
      v('flipped-signature-bit', 'One bit of the signature flipped.', ['SIG-5', 'LAW-6'], spliced(two, flipped), MISMATCH),
      v('dropped-last-caveat', 'The last caveat removed, signature kept: the holder cannot remove a restriction (pypitoken.md §5.5).', ['SIG-3', 'LAW-6'], spliced([NAMES], chain(two)), MISMATCH),
      v('truncated-chain', 'The first caveat removed, the signature of the two-caveat chain kept.', ['SIG-3', 'LAW-6'], spliced([USER], chain(two)), MISMATCH),
      v('reordered-caveats', 'The two caveats swapped, signature kept: the chain is ordered.', ['SIG-3', 'LAW-6'], spliced([USER, NAMES], chain(two)), MISMATCH),
      v('edited-caveat', 'One letter of a caveat changed, signature kept.', ['SIG-3', 'LAW-6'], spliced(['[1,["sampleprojecs"]]', USER], chain(two)), MISMATCH),
      v('edited-identifier', 'The identifier\'s last digit changed, signature kept.', ['SIG-2', 'LAW-6'], spliced(two, chain(two), IDENTIFIER.slice(0, -1) + '8'), MISMATCH),
      v('appended-unsigned-caveat', 'An expired caveat appended without extending the chain. pymacaroons skips the chain step for a caveat its callback rejects, so the old signature matches and pypitoken accepts the token.', ['SIG-3', 'SIG-5', 'LAW-6'], spliced([...two, '[0,1,0]'], chain(two)), MISMATCH, ['UnsignedCaveat']),
      v('appended-unsigned-satisfied-caveat', 'A caveat that holds, appended without extending the chain.', ['SIG-3', 'LAW-6'], spliced([...two, `[0,${T0 + 900},${T0}]`], chain(two)), MISMATCH, ['UnsignedCaveat']),
      v('replaced-caveat-unsigned', 'The user caveat replaced by an expired one, signature of the original chain kept.', ['SIG-3', 'LAW-6'], spliced([NAMES, '[0,1,0]'], chain(two)), MISMATCH, ['UnsignedCaveat']),
      v('zero-signature', 'An all-zero signature.', ['SIG-5'], spliced(two, new Uint8Array(32)), MISMATCH),
      v('bad-signature-and-failing-caveat', 'A bad signature and a caveat that fails in this context: the signature is reported, nothing about the caveat (Warehouse and pypitoken report the caveat).', ['VERIFY-4', 'REASON-1'], spliced([NAMES], new Uint8Array(32)), MISMATCH, ['FailureOracle'], KEY_HEX, userContext({ project: OTHER_PROJECT })),
      v('bad-signature-and-expired', 'A bad signature on a token that is also expired (Warehouse test: an expired token reports "token is expired").', ['VERIFY-4'], spliced([`[0,${T0 - 10},${T0 - 100}]`], new Uint8Array(32)), MISMATCH, ['FailureOracle']),
      v('bad-signature-and-malformed-caveat', 'A bad signature and a malformed caveat: still the signature.', ['VERIFY-4', 'REASON-1'], spliced(['not json'], new Uint8Array(32)), MISMATCH, ['FailureOracle']),
      v('wrong-key-and-failing-caveat', 'pypitoken.md §5.4: the `names` token, a wrong key and project "nope" — pypitoken reports the names message; the spec reports the key.', ['VERIFY-4'], PYPITOKEN.names!.token, MISMATCH, ['FailureOracle', 'RecordedToken'], '01'.repeat(32), userContext({ project: { name: 'nope', normalized_name: 'nope', id: PT.projectId } })),
      v('no-caveats', 'A token without caveats is valid in any context with its key.', ['SIG-2', 'LAW-0'], token(), 'valid', [], KEY_HEX, emptyContext()),
    ],
  )
}
