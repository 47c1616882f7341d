/**
 * @module Independent oracles (PROP-12): well-kept libraries of a value domain that judge a
 * proposal's comparison instead of the proposal's own model. A proposal names one per comparison
 * rule in its spec page (declarations.ts); the gate draws allowed values and
 * context values near them, and asks the library whether they match.
 */
import * as pep440 from '@renovatebot/pep440'
import fc from 'fast-check'
import ipaddr from 'ipaddr.js'
import type { NearChoice } from './arbitraries.js'

export interface Oracle {
  /** The npm package, as a proposal names it. */
  readonly library: string
  /** Values a caveat lists, well-formed by the library and the rule's spec. */
  readonly allowed: fc.Arbitrary<string>
  /** A context value near `allowed`, made from `choice`: where a careless comparison goes wrong. */
  near(allowed: string, choice: NearChoice): string
  /** Whether the library has a say on a context value: it is in the strict grammar the rule's spec gives. */
  reads(compared: string): boolean
  /** Whether the context value matches the allowed value, by the library. */
  matches(allowed: string, compared: string): boolean
  /** PROP-18: whether `written` means exactly `asked`; null when the library cannot read `asked`. */
  same(asked: string, written: string): boolean | null
}

// ---- ipaddr.js: networks and addresses ------------------------------------------------------

type Addr = ipaddr.IPv4 | ipaddr.IPv6
const width = (a: Addr) => (a.kind() === 'ipv4' ? 32 : 128)
const fromBytes = (bytes: number[]): Addr => ipaddr.fromByteArray(bytes) as Addr

/** `bytes` with every bit after `prefix` cleared (`keep`) or set at random (`noise`). */
function masked(bytes: readonly number[], prefix: number, noise: readonly number[] = []): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - 8 * i))
    const mask = (0xff << (8 - keep)) & 0xff
    return (b & mask) | ((noise[i] ?? 0) & ~mask & 0xff)
  })
}

const PREFIXES = { 4: [0, 1, 7, 8, 9, 10, 15, 16, 23, 24, 25, 31, 32], 6: [0, 1, 7, 8, 9, 10, 12, 16, 32, 48, 63, 64, 65, 96, 120, 127, 128] }
const bytesOf = (f: 4 | 6) => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: f === 4 ? 4 : 16, maxLength: f === 4 ? 4 : 16 })
const prefixOf = (f: 4 | 6) => fc.oneof(fc.constantFrom(...PREFIXES[f]), fc.integer({ min: 0, max: f === 4 ? 32 : 128 }))

/** Inside ::ffff:0:0/96 with a prefix of 96 or more: malformed by IPR-1, not drawn as allowed. */
const mappedBlock = (a: Addr, prefix: number) => a.kind() === 'ipv6' && prefix >= 96 && (a as ipaddr.IPv6).isIPv4MappedAddress()

/** The spellings an address may take: RFC 5952, uncompressed, fully written out, upper case, v4-mapped. */
function spellings(a: Addr): string[] {
  if (a.kind() === 'ipv4') return [a.toString(), (a as ipaddr.IPv4).toIPv4MappedAddress().toString(), `::ffff:${a.toString()}`]
  const v6 = a as ipaddr.IPv6
  // toFixedLengthString exists in 2.5.0 though its typings leave it out.
  const full = (v6 as ipaddr.IPv6 & { toFixedLengthString(): string }).toFixedLengthString()
  const forms = [v6.toRFC5952String(), v6.toNormalizedString(), full]
  return [...forms, ...forms.map((s) => s.toUpperCase())]
}

const ipNetwork: Oracle = {
  library: 'ipaddr.js',
  allowed: fc
    .oneof(fc.tuple(bytesOf(4), prefixOf(4)), fc.tuple(bytesOf(6), prefixOf(6)))
    .map(([bytes, prefix]) => ({ a: fromBytes(masked(bytes, prefix)), prefix }))
    .filter(({ a, prefix }) => !mappedBlock(a, prefix))
    .map(({ a, prefix }) => `${a.toString()}/${prefix}`),
  near(allowed, c) {
    const [net, prefix] = ipaddr.parseCIDR(allowed) as [Addr, number]
    const bits = width(net)
    const b = masked(net.toByteArray(), prefix, c.noise)
    // The network's address with any host bits, and one bit flipped (mostly near the prefix).
    const bit = c.at % 2 === 0 ? Math.max(0, Math.min(bits - 1, prefix - 3 + ((c.at >> 1) % 6))) : (c.at >> 1) % bits
    if (c.flip) b[bit >> 3] = (b[bit >> 3] as number) ^ (0x80 >> (bit & 7))
    const loopback = ['127.0.0.1', '::1', '0.0.0.0', '::'][c.at % 4] as string
    const address = c.way % 6 === 5 ? (ipaddr.parse(loopback) as Addr) : fromBytes(b)
    const forms = spellings(address)
    return forms[c.char % forms.length] as string
  },
  reads(compared) {
    const dotted = /(^|:)([0-9.]+)$/.exec(compared)?.[2]
    if (!compared.includes(':')) return ipaddr.IPv4.isValidFourPartDecimal(compared)
    return ipaddr.IPv6.isValid(compared) && !compared.includes('%') && (dotted === undefined || !dotted.includes('.') || ipaddr.IPv4.isValidFourPartDecimal(dotted))
  },
  matches(allowed, compared) {
    const [net, prefix] = ipaddr.parseCIDR(allowed) as [Addr, number]
    const client = ipaddr.process(compared) as Addr
    return client.kind() === net.kind() && client.match(net, prefix)
  },
  same(asked, written) {
    const slash = asked.lastIndexOf('/')
    const text = slash < 0 ? asked : asked.slice(0, slash)
    if (!ipaddr.isValid(text) || /%/.test(text)) return null
    const a = ipaddr.parse(text) as Addr
    const prefix = slash < 0 ? width(a) : Number(asked.slice(slash + 1))
    if (!/^\d+$/.test(slash < 0 ? '0' : asked.slice(slash + 1)) || prefix > width(a)) return null
    if (!ipaddr.isValidCIDR(written)) return false
    const [w, wp] = ipaddr.parseCIDR(written) as [Addr, number]
    return w.kind() === a.kind() && wp === prefix && w.toByteArray().join() === a.toByteArray().join()
  },
}

// ---- @renovatebot/pep440: versions ---------------------------------------------------------

/** The canonical public form (RVER-1): the library's parts, epoch 0 and trailing zeros left out. */
export function canonicalVersion(text: string): string | null {
  const v = pep440.explain(text)
  if (v === null) return null
  const release = [...v.release]
  while (release.length > 1 && release[release.length - 1] === 0) release.pop()
  const pre = v.pre === null ? '' : `${v.pre[0]}${v.pre[1]}`
  return `${v.epoch === 0 ? '' : `${v.epoch}!`}${release.join('.')}${pre}${v.post === null ? '' : `.post${v.post}`}${v.dev === null ? '' : `.dev${v.dev}`}${v.local === null ? '' : `+${v.local}`}`
}

const small = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, 2, 9, 10) }, { weight: 3, arbitrary: fc.nat({ max: 99 }) }, { weight: 1, arbitrary: fc.nat({ max: 2 ** 31 - 1 }) })
const pep440Version: Oracle = {
  library: '@renovatebot/pep440',
  allowed: fc
    .record({ epoch: fc.oneof(fc.constant(0), small), release: fc.array(small, { minLength: 1, maxLength: 4 }), pre: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc'), small)), post: fc.option(small), dev: fc.option(small) })
    .map((v) => canonicalVersion(`${v.epoch}!${v.release.join('.')}${v.pre === null ? '' : v.pre.join('')}${v.post === null ? '' : `.post${v.post}`}${v.dev === null ? '' : `.dev${v.dev}`}`) as string),
  near(allowed, c) {
    // One edit of the version (a character replaced, deleted or inserted), or another release beside it, read canonically.
    const i = c.at % Math.max(1, allowed.length)
    const char = '0123456789.ab!'[c.char % 14] as string
    const others = [`${allowed}.post1`, `${allowed}.dev0`, `${allowed}+local`, `${allowed}.1`, `${allowed}.0`]
    const edits = [allowed, allowed.slice(0, i) + char + allowed.slice(i + 1), allowed.slice(0, i) + allowed.slice(i + 1), allowed.slice(0, i) + char + allowed.slice(i), others[c.at % others.length] as string]
    return canonicalVersion(edits[c.way % edits.length] as string) ?? allowed
  },
  reads: (compared) => canonicalVersion(compared) === compared,
  matches: (allowed, compared) => pep440.explain(compared)?.local === null && pep440.eq(allowed, compared),
  same(asked, written) {
    // The library reads numbers as JavaScript numbers: beyond 2^53 it has no exact say.
    if (/[0-9]{16,}/.test(asked)) return null
    const canonical = canonicalVersion(asked)
    if (canonical === null) return null
    return !canonical.includes('+') && written === canonical && pep440.eq(asked, written)
  },
}

export const ORACLES: Readonly<Record<string, Oracle>> = { [ipNetwork.library]: ipNetwork, [pep440Version.library]: pep440Version }
