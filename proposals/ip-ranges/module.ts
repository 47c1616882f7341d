/** @module Proposed tag 6, `[6, [network, ...]]`: the ip-ranges caveat (proposals/ip-ranges/spec.md). */
import type { CaveatModule, JsonSchema } from '../../src/caveats/types.js'
import caveatSchema from './caveat.schema.json' with { type: 'json' }
import contextSchema from './context.schema.json' with { type: 'json' }
import restrictionSchema from './restriction.schema.json' with { type: 'json' }
import type { IpRangesContext, IpRangesRestriction } from './generated/types.js'
import { contains, formatNetwork, parseAddress, parseNetwork, unmapped, type Network } from './ip.js'

/** The proposed tag (PROP-2): the schema's `x-tag`. */
const TAG = 6

const networksOf = (r: IpRangesRestriction): Network[] => r.networks.flatMap((text) => {
  const n = parseNetwork(text)
  return n.ok ? [n.network] : []
})

export const caveat: CaveatModule<IpRangesRestriction> = {
  slug: 'ip-ranges',
  tag: TAG,
  type: 'ip_ranges',
  schemas: { caveat: caveatSchema as JsonSchema, restriction: restrictionSchema as JsonSchema, context: contextSchema.properties as Record<string, JsonSchema> },
  // IPR-1: every network in the grammar, without host bits, outside the v4-mapped block.
  validate: (wire) => {
    for (const text of (wire as [number, string[]])[1]) {
      const n = parseNetwork(text)
      if (!n.ok) return n.why
    }
    return null
  },
  decode: (wire) => ({ type: 'ip_ranges', networks: (wire as [number, string[]])[1] }),
  encode: (r) => [TAG, r.networks],
  // IPR-7: networks (or bare addresses) in canonical text; refuse what could never be meant.
  normalize: (r) => {
    if (r.networks.length === 0) return { ok: false, message: 'an empty network list would make the token unusable (RESTRICT-5)' }
    const networks: string[] = []
    for (const given of r.networks) {
      // A single address is the network of one address, and must be a well-formed network (IPR-1).
      const address = parseAddress(given)
      const n = parseNetwork(address === null ? given : `${given}/${address.family === 4 ? 32 : 128}`)
      if (!n.ok) return { ok: false, message: `${n.why} (IPR-7)` }
      networks.push(formatNetwork(n.network))
    }
    return { ok: true, restriction: { type: 'ip_ranges', networks } }
  },
  // IPR-3 … IPR-6: the client's address, a v4-mapped one as IPv4, in one of the networks.
  check: (r, context) => {
    const client = (context as IpRangesContext).client_address ?? null
    if (client === null) return 'address-restricted token used by a request whose client address is unknown'
    const address = parseAddress(client)
    if (address === null) return `the client address ${JSON.stringify(client)} is not an IPv4 or IPv6 address`
    const a = unmapped(address)
    if (networksOf(r).some((n) => contains(n, a))) return null
    return `the client address ${client} is in none of the networks ${r.networks.join(', ') || '(none)'}`
  },
  explain: (r) => (r.networks.length === 0 ? 'Valid from no address at all (empty list): the token cannot be used.' : `Only for requests from an address in ${r.networks.join(', ')}.`),
}
