/**
 * What the laws need for the ip-ranges caveat (PROP-6): networks spelled as users spell them,
 * client addresses, malformed caveat texts, and a model of IPR-3 … IPR-7 that reads each network
 * from this table and tests containment with Node's own net.BlockList, not with the module's code.
 */
import { BlockList, isIP } from 'node:net'
import fc from 'fast-check'
import type { ProposalModel } from '../../src/laws/subjects.js'
import type { IpRangesContext, IpRangesRestriction } from './generated/types.js'

/** [how a user might write it, family, network address, prefix] (IPR-7). */
const NETWORKS: readonly (readonly [string, 4 | 6, string, number])[] = [
  ['192.0.2.0/24', 4, '192.0.2.0', 24],
  ['192.0.2.77', 4, '192.0.2.77', 32],
  ['192.0.2.128/25', 4, '192.0.2.128', 25],
  ['198.51.100.0/24', 4, '198.51.100.0', 24],
  ['0.0.0.0/0', 4, '0.0.0.0', 0],
  ['2001:db8::/32', 6, '2001:db8::', 32],
  ['2001:DB8:0:0::/48', 6, '2001:db8::', 48],
  ['2001:db8::1', 6, '2001:db8::1', 128],
  ['fe80::/10', 6, 'fe80::', 10],
  ['::/0', 6, '::', 0],
]
const BY_SPELLING = new Map(NETWORKS.map((n) => [n[0], n]))

/** Client addresses (IPR-2): plain, v4-mapped in both forms, IPv4-compatible, and ones that are not addresses (IPR-5). */
const CLIENTS = ['192.0.2.77', '192.0.2.200', '198.51.100.1', '203.0.113.9', '::ffff:192.0.2.77', '::ffff:c000:24d', '::192.0.2.77', '2001:db8::1', '2001:db8:1::1', '2001:db9::1', 'fe80::1', 'fe80::1%eth0', '192.0.2.077', ' 192.0.2.77']

const MAPPED = new BlockList()
MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6')

/** IPR-3 … IPR-5: the client's family after unmapping a v4-mapped address, then containment. */
function inNetwork(client: string, [, family, address, prefix]: readonly [string, 4 | 6, string, number]): boolean {
  if (client.includes('%') || client.trim() !== client) return false
  const kind = isIP(client)
  if (kind === 0) return false
  const ipv4Client = kind === 4 || MAPPED.check(client, 'ipv6')
  if (ipv4Client !== (family === 4)) return false
  const list = new BlockList()
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6')
  // BlockList reads a v4-mapped address against IPv4 subnets itself.
  return list.check(client, kind === 4 ? 'ipv4' : 'ipv6')
}

export const model: ProposalModel<IpRangesRestriction> = {
  restriction: fc.subarray(NETWORKS.map(([spelling]) => spelling), { minLength: 1, maxLength: 3 }).map((networks) => ({ type: 'ip_ranges' as const, networks })),
  context: fc.oneof(
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ client_address: null }) },
    { weight: 6, arbitrary: fc.constantFrom(...CLIENTS).map((client_address) => ({ client_address })) },
  ),
  rejected: fc.constantFrom('[6]', '[6,"192.0.2.0/24"]', '[6,["192.0.2.1/24"]]', '[6,["192.0.2.0"]]', '[6,["::ffff:192.0.2.0/120"]]', '[6,["fe80::%eth0/64"]]', '[6,["010.0.0.0/8"]]', '[6,["192.0.2.0/24"],null]'),
  holds: (r, context) => {
    const client = (context as IpRangesContext).client_address ?? null
    return client !== null && r.networks.some((n) => {
      const network = BY_SPELLING.get(n)
      return network !== undefined && inNetwork(client, network)
    })
  },
}
