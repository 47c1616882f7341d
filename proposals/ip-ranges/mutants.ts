/**
 * Plausible bugs of the ip-ranges check (PROP-7), each of which a vector of vectors.ts must catch:
 * containment off by a bit, families mixed, v4-mapped clients misread, zone ids and lenient
 * parsers, and a module that takes malformed networks. A network without a prefix read as one
 * address is not listed: the caveat schema's pattern already requires `/prefix`, so no caveat can
 * tell that bug apart.
 */
import type { Mutant } from '../../src/mutants/mutant.js'

const IP = 'proposals/ip-ranges/ip.ts'
const MODULE = 'proposals/ip-ranges/module.ts'

const mutant = (name: string, file: string, find: string, replace: string, description: string, targets: string[]): Mutant => ({ name: `ip-ranges/${name}`, file, find, replace, description, targets: [...targets, 'ip-ranges'] })

export const mutants: readonly Mutant[] = [
  mutant('prefix-one-shorter', IP, 'return (1n << BigInt(WIDTH[n.family] - n.prefix)) - 1n', 'return (1n << BigInt(Math.min(WIDTH[n.family], WIDTH[n.family] - n.prefix + 1))) - 1n', 'a network is compared on one bit fewer than its prefix (192.0.2.0/24 allows 192.0.3.x)', ['IPR-3']),
  mutant('families-mixed', IP, 'return n.family === a.family && (a.bits & ~hostMask(n)) === n.bits', 'return (a.bits & ~hostMask(n)) === n.bits', 'the family is not compared, only the bits (::/0 allows IPv4 clients)', ['IPR-3']),
  mutant('v4-mapped-not-unmapped', IP, 'return a.family === 6 && a.bits >> 32n === MAPPED >> 32n ?', 'return false ?', 'v4-mapped clients stay IPv6 (IPv4 clients of a dual-stack index are refused)', ['IPR-4']),
  mutant('v4-compatible-unmapped', IP, 'return a.family === 6 && a.bits >> 32n === MAPPED >> 32n ?', 'return a.family === 6 && (a.bits >> 32n === MAPPED >> 32n || a.bits >> 32n === 0n) ?', 'IPv4-compatible addresses (::a.b.c.d) are read as IPv4 too', ['IPR-4']),
  mutant('zone-stripped', IP, "if (text.includes(':')) {", "text = text.split('%')[0] as string\n  if (text.includes(':')) {", 'a zone id is dropped from an address instead of making it no address', ['IPR-5', 'IPR-1']),
  mutant('leading-zeros-accepted', IP, "if (!/^(0|[1-9][0-9]{0,2})$/.test(text)) return null", "if (!/^[0-9]{1,3}$/.test(text)) return null", 'octets with leading zeros are read as decimal', ['IPR-1', 'IPR-5']),
  mutant('host-bits-masked', IP, 'if ((address.bits & hostMask(network)) !== 0n) return', 'if (false) return', 'a network with host bits set is read as its network', ['IPR-1']),
  mutant('v4-mapped-network-accepted', IP, 'if (address.family === 6 && prefix >= 96 && address.bits >> 32n === MAPPED >> 32n) return', 'if (false) return', 'networks inside the v4-mapped block are accepted', ['IPR-1']),
  mutant('malformed-skipped', MODULE, 'if (!n.ok) return n.why', 'if (!n.ok) continue', 'malformed networks are skipped instead of making the caveat malformed', ['IPR-1']),
  mutant('unknown-client-allowed', MODULE, 'if (address === null) return `the client address', 'if (address === null) return null\n    if (address === null) return `the client address', 'a client address that does not parse is let through', ['IPR-5']),
]
