/** Vectors for proposed tag 6, `[6, [network, …]]` (proposals/ip-ranges/spec.md). */
import { DEFAULT_REGISTRY, extendRegistry, type CaveatModule, type VerifyContext } from '../../src/index.js'
import type { Comparison, NearMissCase, RuleRef } from '../../src/vectors/near-miss.js'
import { emptyContext, OTHER_PROJECT, PROJECT, restrictVector, token, userContext, vectorFile, verifyVector, type VerifyExpectation } from '../../scripts/vectors/builder.js'
import type { Flag } from '../../scripts/vectors/flags.js'
import { nearMissFamily, type NearMissRule } from '../../scripts/vectors/near-miss-vectors.js'
import { caveat as module } from './module.js'

/** The version this proposal is for (PROP-9). */
export const VERSION = '0.3.0'

const TOPIC = 'ip-ranges'
const TAG = module.tag as number
/** The formats the vectors are written for: the built-in ones and this proposal's (PROP-1). */
const registry = () => extendRegistry(DEFAULT_REGISTRY, [module as unknown as CaveatModule])
const NS = { invalid: 'CAVEAT_NOT_SATISFIED' } as const
const MALFORMED = { invalid: 'CAVEAT_MALFORMED' } as const
const REFUSED = { invalid: 'INVALID_ARGUMENT' } as const

const caveatText = (networks: readonly string[]) => `[${TAG},${JSON.stringify(networks)}]`
/** USER on SampleProject from `address` (null: the index does not know the client's address). */
const from = (address: string | null): VerifyContext => ({ ...userContext(), client_address: address }) as VerifyContext

const checkAll = (id: string, description: string, spec: string[], caveats: string[], expect: VerifyExpectation, flags: Flag[] = [], context: VerifyContext = from('192.0.2.77')) =>
  verifyVector({ id: `${TOPIC}::${id}`, description, spec, flags, token: token({ caveats }), context, expect })
const check = (id: string, description: string, spec: string[], caveat: string, expect: VerifyExpectation, flags: Flag[] = [], context?: VerifyContext) =>
  checkAll(id, description, spec, [caveat], expect, flags, context)
const restrict = (id: string, description: string, spec: string[], networks: unknown[], expect: { caveats: unknown[] } | typeof REFUSED, flags: Flag[] = []) =>
  restrictVector({ id: `${TOPIC}::${id}`, description, spec, flags, token: token(), restrictions: [{ type: 'ip_ranges', networks }], expect })

const V4 = '192.0.2.0/24'
const V6 = '2001:db8::/32'
const near = (name: string, allowed: string, compared: string, expect: NearMissCase['expect'], why: string): NearMissCase => ({
  name,
  allowed,
  compared,
  expect,
  describe: (rule: RuleRef) => `${rule.spec} (ip-network): the caveat allows ${JSON.stringify(allowed)} and \`${rule.compared}\` is ${JSON.stringify(compared)}: ${why}`,
})
const NOT = 'CAVEAT_NOT_SATISFIED'
const BAD = 'CAVEAT_MALFORMED'

/** IPR-3's comparison: is the client address in the network? Each case says why it is a near miss. */
export const comparisons: Record<string, Comparison> = {
  'ip-network': {
    name: 'ip-network',
    spec: 'IPR-3',
    cases: (client) => [
      near('exact', V4, client, 'valid', 'the address is in the network, so the caveat holds.'),
      near('first-address', V4, '192.0.2.0', 'valid', 'the first address of the network is in it.'),
      near('last-address', V4, '192.0.2.255', 'valid', 'the last address of the network is in it.'),
      near('below', V4, '192.0.1.255', NOT, 'the address just below the network is outside it.'),
      near('above', V4, '192.0.3.0', NOT, 'the address just above the network is outside it.'),
      near('narrower', '192.0.2.128/25', client, NOT, 'a prefix one bit longer leaves the address outside.'),
      near('single-address', '192.0.2.77/32', '192.0.2.77', 'valid', 'a /32 network holds exactly its address.'),
      near('neighbour', '192.0.2.77/32', '192.0.2.78', NOT, 'the next address is outside a /32.'),
      near('v4-mapped-client', V4, '::ffff:192.0.2.77', 'valid', 'a v4-mapped client is the IPv4 client it maps (IPR-4).'),
      near('v4-mapped-hex-client', V4, '::ffff:c000:24d', 'valid', 'the same v4-mapped client written in hex is the same IPv4 client (IPR-4).'),
      near('v4-compatible-client', V4, '::192.0.2.77', NOT, 'an IPv4-compatible address is an IPv6 address, not an IPv4 client (IPR-4).'),
      near('ipv6-same-bits', '::c000:200/120', '192.0.2.77', NOT, 'an IPv6 network whose low bits spell the IPv4 network never contains an IPv4 client (IPR-3).'),
      near('v4-mapped-network', '::ffff:192.0.2.0/120', '::ffff:192.0.2.77', BAD, 'a network inside the v4-mapped block is malformed: the IPv4 network is written instead (IPR-1).'),
      near('ipv4-any', '0.0.0.0/0', client, 'valid', '`0.0.0.0/0` contains every IPv4 client (IPR-3).'),
      near('ipv4-any-ipv6-client', '0.0.0.0/0', '2001:db8::1', NOT, '`0.0.0.0/0` contains no IPv6 client (IPR-3).'),
      near('ipv6-any', '::/0', '2001:db8::1', 'valid', '`::/0` contains every IPv6 client (IPR-3).'),
      near('ipv6-any-ipv4-client', '::/0', client, NOT, '`::/0` contains no IPv4 client (IPR-3).'),
      near('ipv6-any-v4-mapped-client', '::/0', '::ffff:192.0.2.77', NOT, 'a v4-mapped client is an IPv4 client, which `::/0` does not contain (IPR-3, IPR-4).'),
      near('ipv6-network', V6, '2001:db8::1', 'valid', 'the IPv6 address is in the network.'),
      near('ipv6-last-address', V6, '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'valid', 'the last address of the IPv6 network is in it.'),
      near('ipv6-above', V6, '2001:db9::', NOT, 'the address just above the IPv6 network is outside it.'),
      near('ipv6-upper-case', '2001:DB8::/32', '2001:db8::1', 'valid', 'hex digits in upper case are the same network (IPR-1: either case).'),
      near('ipv6-written-out', '2001:0db8:0000:0000:0000:0000:0000:0000/32', '2001:db8::1', 'valid', 'all eight groups written out are the same network.'),
      near('zone-client', 'fe80::/64', 'fe80::1%eth0', NOT, 'a client address with a zone id is in no network (IPR-5).'),
      near('leading-zero-client', V4, '192.0.2.077', NOT, 'an octet with a leading zero is not an address, whichever way a parser would read it (IPR-5).'),
      near('prefixed-client', V4, '192.0.2.77/32', NOT, 'a client address with a prefix is not an address (IPR-5).'),
      near('whitespace-client', V4, `${client} `, NOT, 'a client address with a trailing space is not an address (IPR-5).'),
      near('host-bits', '192.0.2.1/24', client, BAD, 'host bits set: malformed, not read as 192.0.2.0/24 (IPR-1).'),
      near('ipv6-host-bits', '2001:db8::1/32', '2001:db8::1', BAD, 'IPv6 host bits set: malformed (IPR-1).'),
      near('leading-zero', '192.0.02.0/24', client, BAD, 'an octet with a leading zero is malformed (IPR-1).'),
      near('short-ipv4', '192.0.2/24', client, BAD, 'three numbers are not an IPv4 address (IPR-1), though inet_aton reads them.'),
      near('no-prefix', '192.0.2.77', client, BAD, 'an address without a prefix length is not a network (IPR-1; a restricter writes /32).'),
      near('prefix-too-long', '192.0.2.0/33', client, BAD, 'an IPv4 prefix longer than 32 is malformed (IPR-1).'),
      near('ipv6-prefix-too-long', '::/129', '2001:db8::1', BAD, 'an IPv6 prefix longer than 128 is malformed (IPR-1).'),
      near('prefix-leading-zero', '192.0.2.0/024', client, BAD, 'a prefix length with a leading zero is malformed (IPR-1).'),
      near('prefix-sign', '192.0.2.0/+24', client, BAD, 'a prefix length with a sign is malformed (IPR-1).'),
      near('double-compression', '2001::db8::/32', '2001:db8::1', BAD, 'two `::` are malformed (IPR-1).'),
      near('zone-network', 'fe80::%eth0/64', 'fe80::1', BAD, 'a zone id in a network is malformed (IPR-1).'),
      near('whitespace', ` ${V4} `, client, BAD, 'surrounding whitespace is malformed (IPR-1).'),
      near('trailing-newline', `${V4}\n`, client, BAD, 'a final newline is malformed (IPR-1).'),
      near('empty', '', client, BAD, 'the empty string is not a network (IPR-1).'),
      near('full-width', V4.replace(/[0-9./]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), client, BAD, 'full-width digits, which NFKC maps to ASCII, are malformed (IPR-1).'),
      near('trailing-nul', `${V4}\u0000`, client, BAD, 'a trailing U+0000 is malformed (IPR-1).'),
    ],
  },
}

const RULE: NearMissRule = {
  spec: 'IPR-3',
  topic: TOPIC,
  compared: 'client_address',
  comparison: comparisons['ip-network'] as Comparison,
  caveat: (allowed) => caveatText([allowed]),
  context: (compared) => from(compared),
  cites: ['IPR-1'],
}

const SCOPED = [`[1,["${PROJECT.normalized_name}"]]`, caveatText([V4])]

export function build() {
  return vectorFile(
    {
      topic: TOPIC,
      title: 'Proposed tag 6: IP ranges',
      description:
        '`[6, [network, …]]`: valid only for a request whose client address (`context.client_address`, IPR-2) is in one of the listed IPv4 or IPv6 networks. Unless said otherwise the request is by USER on SampleProject from 192.0.2.77 at T0 + 10.',
      generator: 'proposals/ip-ranges/vectors.ts',
      sources: ['RFC 4291 §2.2, §2.5.5 (IPv6 text and v4-mapped addresses)', 'RFC 5952 (canonical IPv6 text)', 'pypi/warehouse#17773 (the request)'],
      version: VERSION,
    },
    [
      // Valid.
      check('in-network', 'The client address (`client_address`, IPR-2) is in the only listed network.', ['IPR-1', 'IPR-2', 'IPR-3'], caveatText([V4]), 'valid'),
      check('second-network', 'The client is in the second of two networks.', ['IPR-3'], caveatText(['198.51.100.0/24', V4]), 'valid'),
      check('ipv6-and-ipv4', 'An IPv6 client is allowed by the IPv6 network of a list that mixes both families.', ['IPR-2', 'IPR-3'], caveatText([V4, V6]), 'valid', [], from('2001:db8:1::1')),
      check('embedded-ipv4-network', 'An IPv6 network written with its last 32 bits as an IPv4 address is well-formed.', ['IPR-1', 'IPR-3'], caveatText(['64:ff9b::c000:200/120']), 'valid', [], from('64:ff9b::192.0.2.77')),
      checkAll('with-project-scope', 'With a project-names caveat beside it, both hold.', ['IPR-3', 'CAV-11'], SCOPED, 'valid'),
      check('json-whitespace', 'JSON whitespace between the elements is allowed (JSON-3).', ['IPR-1', 'JSON-3'], `[ ${TAG} , [ "${V4}" ] ]`, 'valid', ['JsonWhitespace']),

      // Not satisfied.
      check('other-network', 'The client is outside the only listed network.', ['IPR-3'], caveatText(['198.51.100.0/24']), NS),
      check('empty-list', '`[6,[]]` is well-formed and never holds.', ['IPR-1', 'IPR-3'], caveatText([]), NS, ['EmptyList']),
      check('no-client-address', 'A request whose client address is unknown (null) does not satisfy the caveat (IPR-2: null when the index does not know it).', ['IPR-2', 'IPR-6', 'VERIFY-2'], caveatText([V4]), NS, ['MissingContext'], from(null)),
      check('client-address-absent', 'A context without `client_address` at all is the same as null: not satisfied.', ['IPR-6', 'VERIFY-2'], caveatText(['0.0.0.0/0']), NS, ['MissingContext'], userContext()),
      check('nothing-but-time', 'A request with nothing but the time has no client address.', ['IPR-6', 'VERIFY-2'], caveatText(['0.0.0.0/0', '::/0']), NS, ['MissingContext'], emptyContext()),
      check('not-an-address', 'A client address that is a host name is in no network (IPR-5).', ['IPR-5'], caveatText(['0.0.0.0/0', '::/0']), NS, [], from('localhost')),
      checkAll('other-project-same-network', 'The project-names caveat fails on another project although the address is allowed (CAV-11).', ['IPR-3', 'CAV-11'], SCOPED, NS, [], { ...from('192.0.2.77'), project: OTHER_PROJECT } as VerifyContext),

      // Malformed.
      check('networks-as-string', '`[6,"192.0.2.0/24"]`: the networks must be an array.', ['IPR-1', 'CAV-8'], `[${TAG},"${V4}"]`, MALFORMED),
      check('null-networks', '`[6,null]`: null is not a list of networks.', ['IPR-1', 'CAV-8'], `[${TAG},null]`, MALFORMED),
      check('networks-missing', '`[6]` lacks the networks, which have no default.', ['CAV-6'], `[${TAG}]`, MALFORMED),
      check('trailing-element', 'A trailing element after the networks.', ['CAV-6'], `[${TAG},["${V4}"],null]`, MALFORMED, ['TrailingElements']),
      check('one-bad-network', 'One malformed network among good ones makes the whole caveat malformed.', ['IPR-1', 'CAV-8'], caveatText([V4, '198.51.100.1/24']), MALFORMED),
      check('integer-address', 'An IPv4 address written as one integer is malformed.', ['IPR-1'], caveatText(['3221225984/24']), MALFORMED),

      // Near misses (IPR-3, the ip-network comparison).
      ...nearMissFamily(RULE, registry()),

      // Restrict.
      restrict('restrict-network', `Restricting to ${V4} appends \`[6,["${V4}"]]\`.`, ['IPR-7', 'RESTRICT-1'], [V4], { caveats: [[TAG, [V4]]] }),
      restrict('restrict-canonical-ipv6', '`2001:DB8:0:0::/32` and `2001:0db8:0:0:1:0:0:0/80` are written `2001:db8::/32` and `2001:db8:0:0:1::/80` (RFC 5952: the longest run of zero groups is compressed).', ['IPR-7'], ['2001:DB8:0:0::/32', '2001:0db8:0:0:1:0:0:0/80'], { caveats: [[TAG, ['2001:db8::/32', '2001:db8:0:0:1::/80']]] }),
      restrict('restrict-first-longest-run', 'Of two equal runs of zero groups the first becomes `::`; a single zero group stays `0`.', ['IPR-7'], ['1:0:0:2:0:0:3:4/128', '1:0:2:3:4:5:6:7/128'], { caveats: [[TAG, ['1::2:0:0:3:4/128', '1:0:2:3:4:5:6:7/128']]] }),
      restrict('restrict-single-addresses', 'Single addresses become /32 and /128 networks.', ['IPR-7'], ['192.0.2.77', '2001:db8::1'], { caveats: [[TAG, ['192.0.2.77/32', '2001:db8::1/128']]] }),
      restrict('restrict-any', '`0.0.0.0/0` and `::/0` are written as given: every IPv4, every IPv6 client.', ['IPR-7', 'IPR-3'], ['0.0.0.0/0', '::/0'], { caveats: [[TAG, ['0.0.0.0/0', '::/0']]] }),
      restrict('restrict-refuses-host-bits', '`192.0.2.1/24` has host bits set: refused, not silently widened or narrowed.', ['IPR-7', 'IPR-1'], ['192.0.2.1/24'], REFUSED),
      restrict('restrict-refuses-v4-mapped', '`::ffff:192.0.2.0/120` is inside the v4-mapped block: refused (write 192.0.2.0/24).', ['IPR-7', 'IPR-4'], ['::ffff:192.0.2.0/120'], REFUSED),
      restrict('restrict-refuses-v4-mapped-address', '`::ffff:192.0.2.77` as a single address is the network `::ffff:192.0.2.77/128`, inside the v4-mapped block: refused (write 192.0.2.77), not written as a caveat every verifier rejects.', ['IPR-7', 'IPR-1'], ['::ffff:192.0.2.77'], REFUSED),
      restrict('restrict-refuses-zone', 'An address with a zone id is refused.', ['IPR-7'], ['fe80::1%eth0'], REFUSED),
      restrict('restrict-refuses-leading-zero', '`010.0.0.0/8` is refused: octal or decimal is anyone\'s guess.', ['IPR-7'], ['010.0.0.0/8'], REFUSED),
      restrict('restrict-refuses-empty-list', 'An empty network list is refused: the token could never be used (RESTRICT-5).', ['IPR-7', 'RESTRICT-5'], [], REFUSED, ['EmptyList']),
    ],
  )
}
