import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { contains, formatAddress, formatNetwork, parseAddress, parseNetwork, unmapped, type Network } from '../../../proposals/ip-ranges/ip.js'

const net = (text: string): Network => {
  const n = parseNetwork(text)
  if (!n.ok) throw new Error(n.why)
  return n.network
}
const addr = (text: string) => parseAddress(text)

describe('addresses (IPR-1, IPR-5)', () => {
  it.each([
    ['192.0.2.1', 4, 0xc0000201n],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:DB8::1', 6, 0x20010db8000000000000000000000001n],
    ['1:2:3:4:5:6:7::', 6, 0x00010002000300040005000600070000n],
    ['::ffff:192.0.2.1', 6, 0xffffc0000201n],
    ['64:ff9b::192.0.2.1', 6, 0x0064ff9b0000000000000000c0000201n],
    ['1:2:3:4:5:6:192.0.2.1', 6, 0x000100020003000400050006c0000201n],
  ])('%s is IPv%i %s', (text, family, bits) => {
    expect(addr(text)).toEqual({ family, bits })
  })

  it.each(['', '192.0.2', '192.0.2.1.5', '192.0.2.256', '192.0.02.1', '0x7f.0.0.1', '3221225985', ' 192.0.2.1', '192.0.2.1\n', '１９２.0.2.1', 'fe80::1%eth0', '2001::db8::1', ':1::', '1::2:', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', '1.2.3.4::', '::ffff:192.0.2.01', 'g::', 'localhost'])('%j is not an address', (text) => {
    expect(addr(text)).toBeNull()
  })
})

describe('networks (IPR-1)', () => {
  it('reads address/prefix, /0 included', () => {
    expect(net('192.0.2.0/24')).toEqual({ family: 4, bits: 0xc0000200n, prefix: 24 })
    expect(net('::/0')).toEqual({ family: 6, bits: 0n, prefix: 0 })
    expect(net('0.0.0.0/0')).toEqual({ family: 4, bits: 0n, prefix: 0 })
  })

  it.each([
    ['192.0.2.1/24', 'has host bits set (the network is 192.0.2.0/24)'],
    ['192.0.2.0', 'has no prefix length'],
    ['192.0.2.0/33', 'is not a prefix length from 0 to 32'],
    ['::/129', 'is not a prefix length from 0 to 128'],
    ['192.0.2.0/024', 'is not a prefix length'],
    ['192.0.2.0/+24', 'is not a prefix length'],
    ['192.0.2.0/', 'is not a prefix length'],
    ['::ffff:192.0.2.0/120', 'is inside the IPv4-mapped block'],
    ['::ffff:0:0/96', 'is inside the IPv4-mapped block'],
    ['fe80::%eth0/64', 'is not an IPv4 or IPv6 address'],
  ])('%s is malformed: %s', (text, why) => {
    const n = parseNetwork(text)
    expect(n.ok ? 'ok' : n.why).toContain(why)
  })

  it('lets a network that only contains the mapped block be', () => {
    expect(parseNetwork('::/64').ok).toBe(true)
    expect(parseNetwork('::/80').ok).toBe(true)
    expect(parseNetwork('::fffe:0:0/95').ok).toBe(true)
  })
})

describe('containment (IPR-3, IPR-4)', () => {
  it('holds for the same family and the first prefix bits', () => {
    expect(contains(net('192.0.2.0/24'), addr('192.0.2.255')!)).toBe(true)
    expect(contains(net('192.0.2.0/24'), addr('192.0.3.0')!)).toBe(false)
    expect(contains(net('0.0.0.0/0'), addr('203.0.113.1')!)).toBe(true)
    expect(contains(net('::/0'), addr('192.0.2.1')!)).toBe(false)
    expect(contains(net('0.0.0.0/0'), addr('::1')!)).toBe(false)
  })

  it('reads a v4-mapped client as IPv4, and nothing else', () => {
    expect(unmapped(addr('::ffff:192.0.2.1')!)).toEqual({ family: 4, bits: 0xc0000201n })
    expect(unmapped(addr('::ffff:c000:201')!)).toEqual({ family: 4, bits: 0xc0000201n })
    expect(unmapped(addr('::192.0.2.1')!)).toEqual({ family: 6, bits: 0xc0000201n })
    expect(unmapped(addr('192.0.2.1')!)).toEqual({ family: 4, bits: 0xc0000201n })
  })
})

describe('canonical text (IPR-7, RFC 5952)', () => {
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['192.000.2.1'.replace('000', '0'), '192.0.2.1'],
  ])('%s is written %s', (text, canonical) => {
    expect(formatAddress(addr(text)!)).toBe(canonical)
  })

  const v4 = fc.nat({ max: 0xffffffff }).map((n) => ({ family: 4 as const, bits: BigInt(n) }))
  const v6 = fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 0xffff })), { minLength: 8, maxLength: 8 }).map((gs) => ({ family: 6 as const, bits: gs.reduce((b, g) => (b << 16n) | BigInt(g), 0n) }))
  test.prop([fc.oneof(v4, v6)])('parse(format(a)) = a, and the text is its own canonical form', (a) => {
    const text = formatAddress(a)
    expect(parseAddress(text)).toEqual(a)
    expect(formatAddress(parseAddress(text)!)).toBe(text)
  })

  test.prop([fc.oneof(v4, v6), fc.nat({ max: 128 })])('a network with its host bits cleared reads back as itself', (a, p) => {
    const prefix = Math.min(p, a.family === 4 ? 32 : 128)
    const width = a.family === 4 ? 32 : 128
    const bits = (a.bits >> BigInt(width - prefix)) << BigInt(width - prefix)
    const text = formatNetwork({ ...a, bits, prefix })
    const read = parseNetwork(text)
    if (read.ok) expect(read.network).toEqual({ ...a, bits, prefix })
    else expect(read.why).toContain('IPv4-mapped block')
  })
})
