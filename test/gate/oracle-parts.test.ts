/** The pieces of the gate's own evidence (PROP-11 … PROP-18), each on its own. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nearArbitrary, nearChoice, schemaArbitrary, schemaFormats } from '../../src/gate/arbitraries.js'
import { declaredNotApplicable, namedOracles, notApplicable } from '../../src/gate/declarations.js'
import { DERIVED_KINDS } from '../../src/gate/derived-kills.js'
import { derivedSites } from '../../src/gate/checks/derived-mutants.js'
import { mentionedIds } from '../../src/gate/checks/ids.js'
import { canonicalVersion, ORACLES } from '../../src/gate/oracles.js'

const ip = ORACLES['ipaddr.js']!
const pep = ORACLES['@renovatebot/pep440']!

describe('schema arbitraries (PROP-11)', () => {
  it('draws strings matching a pattern, and only those', () => {
    const pattern = '^(?:0|[1-9][0-9]*)(?:\\.(?:0|[1-9][0-9]*))*$'
    for (const s of fc.sample(schemaArbitrary({ type: 'string', pattern }), { numRuns: 200, seed: 1 })) expect(s).toMatch(new RegExp(pattern))
  })
  it('draws integers at their bounds often', () => {
    const drawn = fc.sample(schemaArbitrary({ type: 'integer', minimum: 5, maximum: 1000 }), { numRuns: 300, seed: 1 }) as number[]
    expect(drawn.every((n) => n >= 5 && n <= 1000)).toBe(true)
    expect(drawn.filter((n) => n === 5 || n === 1000).length).toBeGreaterThan(20)
  })
  it('draws every known format, refuses an unknown one, and lists the formats a schema names', () => {
    expect(fc.sample(schemaArbitrary({ type: 'string', format: 'ipv4' }), { numRuns: 20, seed: 1 }).every((s) => /^\d+\.\d+\.\d+\.\d+$/.test(String(s)))).toBe(true)
    expect(() => schemaArbitrary({ type: 'string', format: 'color' })).toThrow(/format "color"/)
    expect(schemaFormats({ properties: { a: { format: 'ipv6' }, b: { oneOf: [{ format: 'uuid' }] } } }).map((f) => f.format)).toEqual(['ipv6', 'uuid'])
  })
  it('draws objects with optional members, unions and tuples', () => {
    const drawn = fc.sample(schemaArbitrary({ type: 'object', properties: { m: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] } } }), { numRuns: 100, seed: 1 }) as Record<string, unknown>[]
    expect(drawn.some((d) => !('m' in d))).toBe(true)
    expect(drawn.some((d) => d.m === null)).toBe(true)
    expect(drawn.some((d) => typeof d.m === 'string')).toBe(true)
  })
  it('near misses are one edit away', () => {
    const drawn = fc.sample(nearArbitrary('1.2'), { numRuns: 300, seed: 1 })
    expect(drawn).toContain('112')
    expect(drawn).toContain('12')
  })
})

describe('oracles (PROP-12, PROP-18)', () => {
  it('ipaddr.js: prefixes to the bit, families, v4-mapped clients, loopback', () => {
    expect(ip.matches('fe80::/10', 'fec0::1')).toBe(false)
    expect(ip.matches('fe80::/10', 'FEBF::1')).toBe(true)
    expect(ip.matches('192.0.2.0/24', '::ffff:c000:24d')).toBe(true)
    expect(ip.matches('::/0', '::ffff:192.0.2.1')).toBe(false)
    expect(ip.matches('192.0.2.0/24', '127.0.0.1')).toBe(false)
    expect(ip.reads('192.0.2.077')).toBe(false)
    expect(ip.reads('fe80::1%eth0')).toBe(false)
    expect(ip.same('2001:db8::1/32', '2001:db8::/32')).toBe(false)
    expect(ip.same('192.0.2.77', '192.0.2.77/32')).toBe(true)
    expect(ip.same('2001:DB8::/32', '2001:db8::/32')).toBe(true)
  })
  it('ipaddr.js draws well-formed networks without host bits and clients on both sides of them', () => {
    for (const n of fc.sample(ip.allowed, { numRuns: 100, seed: 2 })) expect(ip.same(n, n)).toBe(true)
    const [net] = fc.sample(ip.allowed.filter((n) => !n.endsWith('/0')), { numRuns: 1, seed: 3 }) as [string]
    const verdicts = fc.sample(nearChoice.map((c) => ip.near(net, c)), { numRuns: 200, seed: 3 }).map((c) => ip.matches(net, c))
    expect(verdicts).toContain(true)
    expect(verdicts).toContain(false)
  })
  it('pep440: canonical forms, other releases, local versions', () => {
    expect(canonicalVersion('v1.0-RC1')).toBe('1rc1')
    expect(canonicalVersion('0!1.2.0')).toBe('1.2')
    expect(pep.matches('1.2', '112')).toBe(false)
    expect(pep.matches('1.2', '1.2+local')).toBe(false)
    expect(pep.matches('1.2', '1.2')).toBe(true)
    expect(pep.same('1.0.0', '1')).toBe(true)
    expect(pep.same('1.2+local', '1.2')).toBe(false)
    expect(pep.same('not a version', 'x')).toBe(null)
  })
})

describe('declarations, derived kinds and ids (PROP-12, PROP-13, PROP-14, PROP-16, PROP-17)', () => {
  const spec = '<!-- oracle: ABC-3 ipaddr.js -->\n<!-- not-applicable: ABC-3 case-insensitive, trimmed: both sides are canonical text -->\n<!-- not-applicable: ABC-3 nfkc: no -->'
  it('reads oracles and not-applicable declarations, and ignores one without a reason', () => {
    expect(namedOracles(spec)).toEqual([{ rule: 'ABC-3', library: 'ipaddr.js' }])
    const declared = notApplicable(spec)
    expect(declaredNotApplicable(declared, 'ABC-3', 'trimmed')).toBe(true)
    expect(declaredNotApplicable(declared, 'ABC-3', 'nfkc')).toBe(false)
    expect(declaredNotApplicable(declared, 'ABC-4', 'trimmed')).toBe(false)
  })
  it('each derived kind loosens: it holds for equal values and for its own near miss', () => {
    const kind = (k: string) => DERIVED_KINDS.find((d) => d.kind === k)!.match
    for (const d of DERIVED_KINDS) if (d.kind !== 'bounds') expect(d.match('abc', 'abc')).toBe(true)
    expect(kind('suffix')('xabc', 'abc')).toBe(true)
    expect(kind('prefix')('abcx', 'abc')).toBe(true)
    expect(kind('bounds')(4, 5)).toBe(true)
    expect(kind('bounds')(3, 5)).toBe(false)
  })
  it('finds ids of known prefixes only', () => {
    expect(mentionedIds('see XQ-42, UTF-8 and XR-9; XQ-42 again', new Set(['XQ', 'XR']))).toEqual(['XQ-42', 'XR-9'])
  })
  it('derives mutants where a rule compares and where a context member names a format; bounds only for numbers (PROP-13)', () => {
    const folder = {
      dir: '',
      slug: 'x',
      caveat: {},
      restriction: {},
      spec: '<!-- comparison-rules: rule | caveat | allowed value | compared with | comparison -->\n| rule | caveat | allowed value | compared with | comparison |\n|---|---|---|---|---|\n| XQ-1 | x | each | `count` | exact |\n',
      context: { properties: { count: { type: ['integer', 'null'] }, peer: { oneOf: [{ type: 'string', format: 'ipv4' }, { type: 'null' }] } } },
    }
    expect(derivedSites(folder)).toEqual([
      { rule: 'XQ-1', member: 'count', numeric: true },
      { rule: 'format:peer', member: 'peer', numeric: false },
    ])
  })
})
