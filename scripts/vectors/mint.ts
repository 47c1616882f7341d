/**
 * Byte-exact minting (spec/minting.md). Each expected token is assembled by hand from the V2
 * layout and a signature recorded from pymacaroons, pypitoken or Warehouse — the location is not
 * signed, so recorded signatures hold at the vector location too.
 */
import { createHmac } from 'node:crypto'
import { encodeBase64url } from '../../src/token/base64url.js'
import { bytesOf, LOCATION, mintVector, packet, vectorFile } from './builder.js'
import { NPM_DOC, PT, PYPITOKEN, PYPITOKEN_BASE_PLUS_COMPACT, PYPITOKEN_TESTSUITE, PYPITOKEN_USER_THEN_NAMES, WH } from './recorded.js'

/** prefix-base64url(02 [01 location] 02 identifier 00 (02 caveat 00)* 00 06 20 signature), written out. */
function assemble(location: string, identifier: string, caveats: string[], signatureHex: string, prefix = 'pypi'): string {
  const bytes = [
    0x02,
    ...packet.field(1, location),
    ...packet.field(2, identifier),
    0x00,
    ...caveats.flatMap((c) => [...packet.field(2, c), 0x00]),
    0x00,
    ...packet.field(6, Buffer.from(signatureHex, 'hex')),
  ]
  return `${prefix}-${encodeBase64url(Uint8Array.from(bytes))}`
}

/** The signature a recorded token carries: its last 32 bytes. */
const recordedSignature = (t: string) => Buffer.from(bytesOf(t).subarray(-32)).toString('hex')

/** `[1,["aaa…"]]`, 128 bytes long. */
const CAVEAT_128 = `[1,["${'a'.repeat(128 - '[1,[""]]'.length)}"]]`

/** SIG-1 … SIG-3 written with node:crypto's createHmac: hex of the chain over first-party caveats. */
function chainWithNodeCrypto(rootKey: Buffer, identifier: string, caveats: string[]): string {
  const hmac = (key: Buffer, message: Buffer) => createHmac('sha256', key).update(message).digest()
  let sig = hmac(hmac(Buffer.from('macaroons-key-generator'), rootKey), Buffer.from(identifier))
  for (const c of caveats) sig = hmac(sig, Buffer.from(c))
  return sig.toString('hex')
}

export function build() {
  const npmCaveats = ['[1,["requests"]]', '[0,1900000000,1600000000]', '[3,"00000000-0000-0000-0000-000000000001"]']
  return vectorFile(
    {
      topic: 'mint',
      title: 'Minting, byte for byte',
      description: 'For given key, location, identifier, prefix and caveat bytes, a minter produces exactly the token pymacaroons produces. Key: bytes 00…1f unless said otherwise.',
      generator: 'scripts/vectors/mint.ts',
      sources: ['pypitoken.md §5.3 (tokens and signatures recorded from pypitoken 7.1.1 / pymacaroons 0.13.0)', 'warehouse.md §1.2 (tokens recorded from Warehouse\'s mint path)', 'npm-macaroon.md §2 (tokens recorded from pymacaroons)', 'pypitoken tests/test_token.py (the `pre-` fixture)'],
    },
    [
      ...Object.entries(PYPITOKEN).map(([name, f]) =>
        mintVector({
          id: `mint::pypitoken-${name.replace(/_/g, '-')}`,
          description: `pypitoken's \`${name}\` token (${f.caveats.length} caveat${f.caveats.length === 1 ? '' : 's'}, pypitoken's spaced JSON).`,
          spec: ['MINT-1', 'MINT-2', 'SIG-3', 'MAC-10', 'TOKEN-7'],
          flags: ['CanonicalEncoding', 'RecordedToken'],
          identifier: PT.identifier,
          caveats: f.caveats,
          expect: { token: assemble(LOCATION, PT.identifier, f.caveats, f.signature) },
        }),
      ),
      mintVector({
        id: 'mint::warehouse-compact-caveat',
        description: 'The Warehouse-style compact `[1,["requests"]]` on pypitoken\'s identifier (pypitoken.md §5.5).',
        spec: ['MINT-1', 'CAV-9'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: PT.identifier,
        caveats: ['[1,["requests"]]'],
        expect: { token: assemble(LOCATION, PT.identifier, ['[1,["requests"]]'], recordedSignature(PYPITOKEN_BASE_PLUS_COMPACT)) },
      }),
      mintVector({
        id: 'mint::pypitoken-restricted-user',
        description: 'pypitoken\'s `user` token restricted to requests without the key (pypitoken.md §5.5), minted in one go.',
        spec: ['MINT-1', 'SIG-3', 'LAW-1'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: PT.identifier,
        caveats: ['[3, "00000000-0000-0000-0000-000000000002"]', '[1, ["requests"]]'],
        expect: { token: assemble(LOCATION, PT.identifier, ['[3, "00000000-0000-0000-0000-000000000002"]', '[1, ["requests"]]'], recordedSignature(PYPITOKEN_USER_THEN_NAMES)) },
      }),
      mintVector({
        id: 'mint::warehouse-project',
        description: 'Warehouse\'s project-scoped token for sampleproject.',
        spec: ['MINT-1', 'MINT-2'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: WH.identifier,
        caveats: WH.project.caveats,
        expect: { token: assemble(LOCATION, WH.identifier, WH.project.caveats, WH.project.signature) },
      }),
      mintVector({
        id: 'mint::warehouse-user',
        description: 'Warehouse\'s "entire account" token.',
        spec: ['MINT-1'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: WH.identifier,
        caveats: WH.user.caveats,
        expect: { token: assemble(LOCATION, WH.identifier, WH.user.caveats, WH.user.signature) },
      }),
      mintVector({
        id: 'mint::pymacaroons-two-caveats',
        description: 'pymacaroons with identifier `some-uuid-string` and two compact caveats.',
        spec: ['MINT-1'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: NPM_DOC.identifier,
        caveats: npmCaveats.slice(0, 2),
        expect: { token: assemble(LOCATION, NPM_DOC.identifier, npmCaveats.slice(0, 2), NPM_DOC.twoCaveatsSignature) },
      }),
      mintVector({
        id: 'mint::pymacaroons-three-caveats',
        description: 'The same with a third caveat (npm macaroon 3.0.4\'s exporter allocates 3.3 GB here).',
        spec: ['MINT-1'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        identifier: NPM_DOC.identifier,
        caveats: npmCaveats,
        expect: { token: assemble(LOCATION, NPM_DOC.identifier, npmCaveats, NPM_DOC.threeCaveatsSignature) },
      }),
      mintVector({
        id: 'mint::pypitoken-test-suite-prefix',
        description: 'pypitoken\'s test fixture: prefix `pre`, location `example.com`, identifier `123foo`, the text key `ohsosecret` as bytes.',
        spec: ['MINT-1', 'TOKEN-2'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        key: Buffer.from(PYPITOKEN_TESTSUITE.key).toString('hex'),
        location: PYPITOKEN_TESTSUITE.location,
        identifier: PYPITOKEN_TESTSUITE.identifier,
        prefix: 'pre',
        caveats: [],
        expect: { token: PYPITOKEN_TESTSUITE.token },
      }),
      mintVector({
        id: 'mint::empty-location',
        description: 'An empty location is written as an empty field (`01 00`), as pymacaroons writes it.',
        spec: ['MINT-3', 'MAC-5'],
        flags: ['CanonicalEncoding', 'RecordedToken'],
        location: '',
        identifier: PT.identifier,
        caveats: [],
        expect: { token: assemble('', PT.identifier, [], PYPITOKEN.base!.signature) },
      }),
      mintVector({
        id: 'mint::caveat-of-128-bytes',
        description: 'A caveat of exactly 128 bytes: its length is the two-byte varint `80 01`, the first length that needs a second byte (MAC-3). The signature is computed here with node:crypto, not by the reference.',
        spec: ['MINT-1', 'MAC-3', 'MAC-10'],
        flags: ['CanonicalEncoding'],
        identifier: PT.identifier,
        caveats: [CAVEAT_128],
        expect: { token: assemble(LOCATION, PT.identifier, [CAVEAT_128], chainWithNodeCrypto(Buffer.from(Array.from({ length: 32 }, (_, i) => i)), PT.identifier, [CAVEAT_128])) },
      }),
      mintVector({ id: 'mint::refuses-prefix-with-dash', description: 'Prefix `py-pi`: every reader would split the token at its first `-`, so a minter refuses it.', spec: ['MINT-5', 'TOKEN-1'], flags: ['RestrictArgument'], prefix: 'py-pi', caveats: [], expect: { invalid: 'INVALID_ARGUMENT' } }),
      mintVector({ id: 'mint::refuses-empty-prefix', description: 'An empty prefix (the token would begin with `-`).', spec: ['MINT-5'], flags: ['RestrictArgument'], prefix: '', caveats: [], expect: { invalid: 'INVALID_ARGUMENT' } }),
      mintVector({ id: 'mint::refuses-65-character-prefix', description: 'A prefix of 65 letters, one more than MINT-5 allows.', spec: ['MINT-5'], flags: ['RestrictArgument'], prefix: 'p'.repeat(65), caveats: [], expect: { invalid: 'INVALID_ARGUMENT' } }),
      mintVector({ id: 'mint::empty-key', description: 'An empty key: pymacaroons would sign nothing; a minter refuses.', spec: ['MINT-4', 'SIG-6'], flags: ['EmptyKey'], key: '', caveats: [], expect: { invalid: 'KEY_INVALID' } }),
    ],
  )
}

