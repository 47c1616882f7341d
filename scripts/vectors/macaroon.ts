/** Vectors for the V2 binary layout (spec/macaroon.md). Every binary is signed with the vector key. */
import { computeSignature } from '../../src/macaroon/signature.js'
import { bytesOf, emptyContext, fromBytes, IDENTIFIER, inspectVector, KEY, LOCATION, packet, relocate, signedBytes, userContext, vectorFile, verifyVector, type VerifyExpectation } from './builder.js'
import type { Flag } from './flags.js'
import type { Caveat } from '../../src/macaroon/types.js'
import { BINARY_IDENTIFIER, PT, THIRD_PARTY, V1_TOKEN } from './recorded.js'

const CAVEAT = '[1,["sampleproject"]]'
const MALFORMED = { invalid: 'MACAROON_MALFORMED' } as const
const S = signedBytes([CAVEAT])
const whole = [...S.header, ...S.caveats, ...S.signature]
const sig = (ids: (string | Uint8Array)[], identifier: string | Uint8Array = IDENTIFIER) =>
  computeSignature(KEY, typeof identifier === 'string' ? Buffer.from(identifier) : identifier, ids.map((c) => ({ kind: 'first-party' as const, id: typeof c === 'string' ? Buffer.from(c) : c })))

const v = (id: string, description: string, spec: string[], bytes: number[], expect: VerifyExpectation, flags: Flag[] = []) =>
  verifyVector({ id: `macaroon::${id}`, description, spec, flags, token: fromBytes(bytes), context: userContext(), expect })

export function build() {
  const idField = packet.field(2, IDENTIFIER)
  const locField = packet.field(1, LOCATION)
  const cav = [...packet.field(2, CAVEAT), 0x00]
  const sigField = packet.field(6, sig([CAVEAT]))
  const nonUtf8Id = Uint8Array.from([0x64, 0xff, 0x34])
  return vectorFile(
    {
      topic: 'macaroon',
      title: 'Binary macaroon (libmacaroons V2)',
      description: 'Hand-built binaries around the caveat `[1,["sampleproject"]]`, correctly signed unless the layout itself is the point, so that any rejection comes from the layout.',
      generator: 'scripts/vectors/macaroon.ts',
      sources: ['pymacaroons 0.13.0 binary_serializer.py (_deserialize_v2, _parse_section_v2)', 'libmacaroons doc/format.txt', 'pypitoken.md recorded V1 and third-party tokens'],
    },
    [
      v('canonical', 'The canonical layout: location, identifier, EOS, one caveat, EOS, signature.', ['MAC-2', 'MAC-5', 'MAC-6', 'MAC-8', 'MAC-10'], whole, 'valid'),
      v('no-location', 'The location field is optional.', ['MAC-5'], [0x02, ...idField, 0x00, ...cav, 0x00, ...sigField], 'valid'),
      v('empty-location', 'An empty location field (`01 00`), as pymacaroons writes one.', ['MAC-5', 'MINT-3'], [0x02, ...packet.field(1, ''), ...idField, 0x00, ...cav, 0x00, ...sigField], 'valid', ['LocationUnchecked']),
      v('v1-recorded', 'A V1 macaroon recorded from pymacaroons (pypitoken loads it; Warehouse crashes on it).', ['MAC-1'], [...Buffer.from(V1_TOKEN.slice(5), 'base64url')], MALFORMED, ['MacaroonV1', 'RecordedToken']),
      v('version-3', 'Version byte 0x03.', ['MAC-1'], [0x03, ...whole.slice(1)], MALFORMED),
      v('version-0', 'Version byte 0x00.', ['MAC-1'], [0x00, ...whole.slice(1)], MALFORMED),
      v('version-only', 'Only the version byte.', ['MAC-3'], [0x02], MALFORMED),
      v('truncated-header', 'Cut inside the identifier.', ['MAC-3'], whole.slice(0, 20), MALFORMED),
      v('truncated-caveat', 'Cut inside the caveat.', ['MAC-3'], [...S.header, ...cav.slice(0, 8)], MALFORMED),
      v('missing-signature', 'No signature field.', ['MAC-8'], [...S.header, ...S.caveats], MALFORMED),
      v('truncated-signature', 'A signature field announcing 32 bytes but holding 31.', ['MAC-3', 'MAC-8'], whole.slice(0, -1), MALFORMED),
      v('short-signature', 'A 31-byte signature field (pymacaroons accepts any length).', ['MAC-8'], [...S.header, ...S.caveats, ...packet.field(6, sig([CAVEAT]).subarray(0, 31))], MALFORMED, ['BinaryStrictness']),
      v('long-signature', 'A 33-byte signature field.', ['MAC-8'], [...S.header, ...S.caveats, ...packet.field(6, Buffer.concat([sig([CAVEAT]), Buffer.from([0])]))], MALFORMED, ['BinaryStrictness']),
      v('trailing-zero-byte', 'A correctly signed macaroon followed by one 0x00 byte, which pymacaroons ignores.', ['MAC-9'], [...whole, 0x00], MALFORMED, ['BinaryStrictness']),
      v('trailing-macaroon', 'Two macaroons back to back.', ['MAC-9'], [...whole, ...whole], MALFORMED, ['BinaryStrictness']),
      v('non-minimal-length', 'The identifier length written as a two-byte varint (0xa4 0x00 for 36).', ['MAC-3'], [0x02, ...locField, 0x02, 0xa4, 0x00, ...Buffer.from(IDENTIFIER), 0x00, ...cav, 0x00, ...sigField], MALFORMED, ['BinaryStrictness']),
      v('non-minimal-type', 'The identifier\'s field type written as 0x82 0x00.', ['MAC-3'], [0x02, ...locField, 0x82, 0x00, 36, ...Buffer.from(IDENTIFIER), 0x00, ...cav, 0x00, ...sigField], MALFORMED, ['BinaryStrictness']),
      v('huge-length', 'A length varint above 2^31.', ['MAC-3'], [0x02, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x41], MALFORMED),
      v('very-long-length-varint', 'The identifier length written as 150 continuation bytes 0x80 and a final 0x01: far above 2^31 − 1. A reader that does not bound a varint\'s bytes overflows a double here (0 × 2^1029 is not a number) and must still refuse it.', ['MAC-3'], [0x02, ...locField, 0x02, ...Array<number>(150).fill(0x80), 0x01, ...Buffer.from(IDENTIFIER), 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('fields-out-of-order', 'The identifier before the location.', ['MAC-4'], [0x02, ...idField, ...locField, 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('two-identifiers', 'Two identifier fields in the header.', ['MAC-4', 'MAC-5'], [0x02, ...locField, ...idField, ...idField, 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('unknown-field-type', 'Field type 3 in the header.', ['MAC-4'], [0x02, ...locField, ...idField, ...packet.field(3, 'x'), 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('vid-in-header', 'A vid in the header.', ['MAC-4'], [0x02, ...locField, ...idField, ...packet.field(4, 'x'), 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('signature-field-in-caveat', 'Field type 6 inside a caveat section.', ['MAC-4'], [...S.header, ...packet.field(6, 'x'), 0x00, 0x00, ...sigField], MALFORMED),
      v('no-identifier', 'A header with only a location.', ['MAC-5'], [0x02, ...locField, 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('caveat-without-identifier', 'A caveat section with only a vid.', ['MAC-6', 'MAC-7'], [...S.header, ...packet.field(4, 'vid'), 0x00, 0x00, ...sigField], MALFORMED),
      v('location-in-first-party', 'A location field in a caveat without a vid ("location not allowed in first party caveat").', ['MAC-6'], [...S.header, ...packet.field(1, 'x'), ...packet.field(2, CAVEAT), 0x00, 0x00, ...sigField], MALFORMED),
      v('no-caveat-terminator', 'The signature right after the last caveat, without the empty section.', ['MAC-8'], [...S.header, ...cav, ...sigField], MALFORMED),
      v('signature-field-wrong-type', 'The correct 32-byte signature after the caveats\' empty section, but under field type 2 (identifier) instead of 6: only a field of type 6 is the signature (pymacaroons: "unexpected field found instead of signature").', ['MAC-8'], [...S.header, ...S.caveats, ...packet.field(2, sig([CAVEAT]))], MALFORMED),
      v('field-type-33-in-header', 'Field type 33 after the identifier in the header. 33 is no field type (MAC-2); a reader that tests a type against a 32-bit mask by shifting (1 << 33 is 1 << 1 in JavaScript and C on x86) would take it for a location.', ['MAC-2', 'MAC-4'], [0x02, ...locField, ...idField, ...packet.field(33, 'x'), 0x00, ...cav, 0x00, ...sigField], MALFORMED),
      v('field-type-36-in-caveat', 'Field type 36 after a first-party caveat\'s identifier: no field type, though 1 << 36 wraps to the vid\'s bit (1 << 4) in a 32-bit shift, which would turn the caveat into a third-party one.', ['MAC-2', 'MAC-4'], [...S.header, ...packet.field(2, CAVEAT), ...packet.field(36, 'x'), 0x00, 0x00, ...sigField], MALFORMED),
      v('no-caveats', 'A macaroon with no caveats is well-formed and valid.', ['MAC-2', 'MAC-8'], [...S.header, 0x00, ...packet.field(6, sig([]))], 'valid'),
      verifyVector({
        id: 'macaroon::non-utf8-identifier',
        description: 'A correctly signed identifier that is not UTF-8: it cannot name a token (Warehouse: "Macaroon not found"; pypitoken verifies it).',
        spec: ['MAC-11'],
        flags: ['NonUtf8Identifier'],
        token: fromBytes([0x02, ...locField, ...packet.field(2, nonUtf8Id), 0x00, 0x00, ...packet.field(6, sig([], nonUtf8Id))]),
        context: emptyContext(),
        expect: MALFORMED,
      }),
      verifyVector({
        id: 'macaroon::non-utf8-identifier-recorded',
        description: 'The recorded token with identifier bytes ff 00 (pypitoken: check passes).',
        spec: ['MAC-11'],
        flags: ['NonUtf8Identifier', 'RecordedToken'],
        token: BINARY_IDENTIFIER,
        context: emptyContext(),
        expect: MALFORMED,
      }),
      verifyVector({
        id: 'macaroon::third-party-recorded',
        description: 'The recorded token with a third-party caveat (location https://auth.example, id "tp-id"): parsed, never satisfied.',
        spec: ['MAC-7', 'VERIFY-6', 'SIG-4'],
        flags: ['ThirdPartyCaveat', 'RecordedToken'],
        token: THIRD_PARTY,
        context: userContext({ project: { name: 'requests', normalized_name: 'requests', id: PT.projectId } }),
        expect: { invalid: 'CAVEAT_THIRD_PARTY' },
      }),
      inspectVector({
        id: 'macaroon::inspect-third-party',
        description: 'An inspector reports a third-party caveat with its id, location and vid (the recorded token, moved to the vector location).',
        spec: ['MAC-7'],
        flags: ['ThirdPartyCaveat', 'RecordedToken'],
        token: relocate(THIRD_PARTY),
        expect: {
          prefix: 'pypi',
          location: LOCATION,
          identifier: PT.identifier,
          caveats: [{ third_party: true, id: 'tp-id', location: 'https://auth.example', vid: recordedVid() }],
          signature: lastBytesHex(THIRD_PARTY, 32),
        },
      }),
      inspectVector({
        id: 'macaroon::inspect-non-utf8-identifier',
        description: 'An inspector shows a non-UTF-8 identifier as hex, and an empty location as an empty string.',
        spec: ['MAC-11', 'MAC-5'],
        flags: ['NonUtf8Identifier', 'RecordedToken'],
        token: BINARY_IDENTIFIER,
        expect: { prefix: 'pypi', location: '', identifier: { hex: 'ff00' }, caveats: [], signature: lastBytesHex(BINARY_IDENTIFIER, 32) },
      }),
      ...thirdParty(),
      verifyVector({
        id: 'macaroon::identifier-not-uuid',
        description: 'A UTF-8 identifier that is not a UUID (`token-1`), correctly signed with the vector key. The identifier is opaque here (MAC-12): valid; Warehouse, whose identifiers are UUIDs, finds no such token ("Macaroon not found"), which is allowed.',
        spec: ['MAC-11', 'MAC-12'],
        flags: ['OpaqueIdentifier'],
        token: fromBytes([0x02, ...locField, ...packet.field(2, 'token-1'), 0x00, 0x00, ...packet.field(6, sig([], 'token-1'))]),
        context: emptyContext(),
        expect: { acceptable: 'MACAROON_MALFORMED' },
      }),
      verifyVector({
        id: 'macaroon::identifier-with-nul',
        description: 'The vector identifier followed by U+0000, a valid UTF-8 byte: opaque, so valid (a C-string reader would cut it off and find another token); Warehouse\'s UUID parse rejects it, which is allowed.',
        spec: ['MAC-11', 'MAC-12'],
        flags: ['OpaqueIdentifier'],
        token: fromBytes([0x02, ...locField, ...packet.field(2, `${IDENTIFIER}\u0000`), 0x00, 0x00, ...packet.field(6, sig([], `${IDENTIFIER}\u0000`))]),
        context: emptyContext(),
        expect: { acceptable: 'MACAROON_MALFORMED' },
      }),
      inspectVector({ id: 'macaroon::inspect-v1', description: 'An inspector rejects a V1 macaroon too.', spec: ['MAC-1'], flags: ['MacaroonV1', 'RecordedToken'], token: V1_TOKEN, expect: MALFORMED }),
      inspectVector({ id: 'macaroon::inspect-trailing-bytes', description: 'An inspector rejects trailing bytes too.', spec: ['MAC-9'], flags: ['BinaryStrictness'], token: fromBytes([...whole, 0x00]), expect: MALFORMED }),
    ],
  )
}

/** A correctly signed token (vector key) whose caveats are first-party texts or third-party parts. */
function assembled(caveats: Caveat[], tamper?: (bytes: number[]) => number[]): string {
  const section = (c: Caveat) => (c.kind === 'first-party' ? [...packet.field(2, c.id), 0x00] : [...(c.location === null ? [] : packet.field(1, c.location)), ...packet.field(2, c.id), ...packet.field(4, c.vid), 0x00])
  const bytes = [0x02, ...packet.field(1, LOCATION), ...packet.field(2, IDENTIFIER), 0x00, ...caveats.flatMap(section), 0x00, ...packet.field(6, computeSignature(KEY, Buffer.from(IDENTIFIER), caveats))]
  return fromBytes(tamper === undefined ? bytes : tamper(bytes))
}

/** Third-party caveats beyond the recorded one: no location, a tampered vid, and next to a failing first-party caveat. */
function thirdParty() {
  const first = (text: string): Caveat => ({ kind: 'first-party', id: Buffer.from(text) })
  const third = (location: string | null): Caveat => ({ kind: 'third-party', id: Buffer.from('discharge-me'), location: location === null ? null : Buffer.from(location), vid: Buffer.alloc(72, 0x5a) })
  const tp = (id: string, description: string, spec: string[], token: string, expect: VerifyExpectation) =>
    verifyVector({ id: `macaroon::${id}`, description, spec, flags: ['ThirdPartyCaveat'], token, context: userContext(), expect })
  // The vid is the last field of the third-party section: flip its last byte after signing.
  const flipVid = (bytes: number[]) => bytes.map((b, i) => (i === bytes.length - 34 - 2 - 1 ? b ^ 0x01 : b))
  return [
    tp('third-party-no-location', 'A correctly signed third-party caveat without a location field (MAC-7 makes it optional): parsed, never satisfied.', ['MAC-7', 'VERIFY-6', 'SIG-4'], assembled([third(null)]), { invalid: 'CAVEAT_THIRD_PARTY' }),
    tp('third-party-tampered-vid', 'The same caveat with one bit of its vid flipped after signing: the vid is signed (SIG-4), so the signature no longer matches.', ['SIG-4', 'SIG-5', 'VERIFY-4'], assembled([third(null)], flipVid), { invalid: 'SIGNATURE_MISMATCH' }),
    tp('third-party-after-failing', 'A failing first-party caveat (`[1,["flask"]]` on sampleproject), then a third-party caveat: both fail, and CAVEAT_THIRD_PARTY outranks CAVEAT_NOT_SATISFIED (REASON-2).', ['VERIFY-5', 'VERIFY-6', 'REASON-2'], assembled([first('[1,["flask"]]'), third('https://auth.example')]), { invalid: 'CAVEAT_THIRD_PARTY', failures: [[0, 'CAVEAT_NOT_SATISFIED'], [1, 'CAVEAT_THIRD_PARTY']] }),
    tp('third-party-before-failing', 'The same two caveats the other way round: the same reason (LAW-3).', ['VERIFY-5', 'REASON-2', 'LAW-3'], assembled([third('https://auth.example'), first('[1,["flask"]]')]), { invalid: 'CAVEAT_THIRD_PARTY', failures: [[0, 'CAVEAT_THIRD_PARTY'], [1, 'CAVEAT_NOT_SATISFIED']] }),
  ]
}

/** The last `n` bytes of a recorded token's binary: its signature, read off the bytes. */
function lastBytesHex(t: string, n: number): string {
  return Buffer.from(bytesOf(t).subarray(-n)).toString('hex')
}

/** The recorded third-party caveat's vid: the 72 bytes after the field header `04 48` that follows "tp-id". */
function recordedVid(): string {
  const b = Buffer.from(bytesOf(THIRD_PARTY))
  const at = b.indexOf(Buffer.from([0x04, 0x48]), b.indexOf(Buffer.from('tp-id')))
  return b.subarray(at + 2, at + 2 + 72).toString('hex')
}
