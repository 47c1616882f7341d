/**
 * @module IPv4 and IPv6 addresses and networks as the ip-ranges caveat reads and writes them
 * (proposals/ip-ranges/spec.md, IPR-1, IPR-2, IPR-7): a strict grammar, numbers as bigints, and the
 * canonical text a restricter writes. Written from RFC 4291 §2.2 and RFC 5952.
 */

export interface Address {
  readonly family: 4 | 6
  /** The address as a number: 32 bits for IPv4, 128 for IPv6. */
  readonly bits: bigint
}

export interface Network extends Address {
  readonly prefix: number
}

const WIDTH = { 4: 32, 6: 128 } as const
/** ::ffff:0:0/96, the IPv4-mapped block (RFC 4291 §2.5.5.2). */
const MAPPED = 0xffffn << 32n

/** A decimal octet without leading zeros: `0`, `7`, `255`, never `07` (which some readers take as octal). */
function octet(text: string): bigint | null {
  if (!/^(0|[1-9][0-9]{0,2})$/.test(text)) return null
  const n = Number(text)
  return n <= 255 ? BigInt(n) : null
}

function ipv4(text: string): bigint | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  let bits = 0n
  for (const part of parts) {
    const n = octet(part)
    if (n === null) return null
    bits = (bits << 8n) | n
  }
  return bits
}

/** 1 to 4 hex digits, either case. */
const group = (text: string): bigint | null => (/^[0-9A-Fa-f]{1,4}$/.test(text) ? BigInt(`0x${text}`) : null)

function ipv6(text: string): bigint | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const side = (s: string) => (s === '' ? [] : s.split(':'))
  const head = side(halves[0] as string)
  const tail = halves.length === 2 ? side(halves[1] as string) : []
  // The last two groups may be an IPv4 address.
  const groups: bigint[][] = [[], []]
  for (const [i, list] of [head, tail].entries()) {
    for (const [j, g] of list.entries()) {
      const last = (halves.length === 1 || i === 1) && j === list.length - 1
      if (last && g.includes('.')) {
        const v4 = ipv4(g)
        if (v4 === null) return null
        groups[i]?.push(v4 >> 16n, v4 & 0xffffn)
      } else {
        const n = group(g)
        if (n === null) return null
        groups[i]?.push(n)
      }
    }
  }
  const [before, after] = groups as [bigint[], bigint[]]
  const count = before.length + after.length
  if (halves.length === 1 ? count !== 8 : count > 7) return null
  const all = [...before, ...Array<bigint>(8 - count).fill(0n), ...after]
  return all.reduce((bits, g) => (bits << 16n) | g, 0n)
}

/** An address in the grammar of IPR-1 (no zone id, no prefix), or null. */
export function parseAddress(text: string): Address | null {
  if (text.includes(':')) {
    const bits = ipv6(text)
    return bits === null ? null : { family: 6, bits }
  }
  const bits = ipv4(text)
  return bits === null ? null : { family: 4, bits }
}

export type NetworkResult = { ok: true; network: Network } | { ok: false; why: string }

/** `address/prefix` per IPR-1: a prefix in decimal without leading zeros, no host bits, no v4-mapped block. */
export function parseNetwork(text: string): NetworkResult {
  const slash = text.lastIndexOf('/')
  if (slash < 0) return { ok: false, why: `${JSON.stringify(text)} has no prefix length (write address/prefix)` }
  const address = parseAddress(text.slice(0, slash))
  if (address === null) return { ok: false, why: `${JSON.stringify(text.slice(0, slash))} is not an IPv4 or IPv6 address` }
  const prefixText = text.slice(slash + 1)
  const width = WIDTH[address.family]
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > width) return { ok: false, why: `${JSON.stringify(prefixText)} is not a prefix length from 0 to ${width}` }
  const prefix = Number(prefixText)
  const network = { ...address, prefix }
  if ((address.bits & hostMask(network)) !== 0n) return { ok: false, why: `${JSON.stringify(text)} has host bits set (the network is ${formatNetwork({ ...network, bits: address.bits & ~hostMask(network) })})` }
  if (address.family === 6 && prefix >= 96 && address.bits >> 32n === MAPPED >> 32n) return { ok: false, why: `${JSON.stringify(text)} is inside the IPv4-mapped block ::ffff:0:0/96 (write the IPv4 network)` }
  return { ok: true, network }
}

function hostMask(n: Network): bigint {
  return (1n << BigInt(WIDTH[n.family] - n.prefix)) - 1n
}

/** IPR-4: a v4-mapped IPv6 address is the IPv4 address it maps. */
export function unmapped(a: Address): Address {
  return a.family === 6 && a.bits >> 32n === MAPPED >> 32n ? { family: 4, bits: a.bits & 0xffffffffn } : a
}

/** IPR-3: the same family, and the first `prefix` bits equal. */
export function contains(n: Network, a: Address): boolean {
  return n.family === a.family && (a.bits & ~hostMask(n)) === n.bits
}

/** Dotted quad, or RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the first of equals) as `::`. */
export function formatAddress(a: Address): string {
  if (a.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((a.bits >> s) & 0xffn)).join('.')
  const groups = Array.from({ length: 8 }, (_, i) => (a.bits >> BigInt(112 - 16 * i)) & 0xffffn)
  let best = { at: -1, length: 1 }
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && groups[j] === 0n) j++
    if (j - i > best.length) best = { at: i, length: j - i }
    i = j === i ? i + 1 : j
  }
  const hex = (gs: bigint[]) => gs.map((g) => g.toString(16)).join(':')
  if (best.at < 0) return hex(groups)
  return `${hex(groups.slice(0, best.at))}::${hex(groups.slice(best.at + best.length))}`
}

export const formatNetwork = (n: Network): string => `${formatAddress(n)}/${n.prefix}`
