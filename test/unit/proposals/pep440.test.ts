import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { canonicalize, parseVersion } from '../../../proposals/release-version/pep440.js'
import caveatSchema from '../../../proposals/release-version/caveat.schema.json' with { type: 'json' }
import contextSchema from '../../../proposals/release-version/context.schema.json' with { type: 'json' }

const PUBLIC = new RegExp((caveatSchema.items[1] as { items: { pattern: string } }).items.pattern, 'u')
const WITH_LOCAL = new RegExp((contextSchema.properties.release_version.oneOf[0] as { pattern: string }).pattern, 'u')

describe('canonicalize (RVER-6): every PEP 440 spelling to the canonical form of RVER-1 and RVER-2', () => {
  it.each([
    ['1.0.0', '1'],
    ['1.0', '1'],
    ['1', '1'],
    ['v1.0', '1'],
    ['V1.2', '1.2'],
    [' 1.2\n', '1.2'],
    ['0.0.0', '0'],
    ['0.1', '0.1'],
    ['01.002.000', '1.2'],
    ['1.0-RC1', '1rc1'],
    ['1.0c1', '1rc1'],
    ['1.0.pre2', '1rc2'],
    ['1.0-preview3', '1rc3'],
    ['1.0alpha', '1a0'],
    ['1.0.beta.2', '1b2'],
    ['1.0_a_5', '1a5'],
    ['1.0-1', '1.post1'],
    ['1.0.post', '1.post0'],
    ['1.0rev2', '1.post2'],
    ['1.0-r3', '1.post3'],
    ['1.0.dev', '1.dev0'],
    ['1.0_dev4', '1.dev4'],
    ['1.0a1.post2.dev3', '1a1.post2.dev3'],
    ['0!1.0', '1'],
    ['2!1.0', '2!1'],
    ['1.0+Ubuntu-1', '1+ubuntu.1'],
    ['1.0+01.abc', '1+1.abc'],
  ])('%j → %j', (given, canonical) => {
    expect(canonicalize(given)).toBe(canonical)
  })

  it.each(['', 'latest', '1.0-', '1..0', '.1', '1.0+', '1.0 beta', 'v', '1.0.0-1-1', '1.0+a..b', '１.０', '1.0\u0000', 'a1', '1.0-dev-dev', '1!'])('%j is not a version', (text) => {
    expect(parseVersion(text)).toBeNull()
    expect(canonicalize(text)).toBeNull()
  })

  it('reads the parts of a version', () => {
    expect(parseVersion('3!1.02.0rc4.post5.dev6+X.07')).toEqual({ epoch: '3', release: ['1', '2', '0'], pre: { letter: 'rc', number: '4' }, post: '5', dev: '6', local: ['x', '7'] })
  })
})

/** A version spelled any way PEP 440 allows, from random parts and separators. */
const spelling = fc
  .record({
    v: fc.constantFrom('', 'v', 'V'),
    epoch: fc.option(fc.nat({ max: 12 }).map(String), { nil: undefined }),
    release: fc.array(fc.nat({ max: 120 }).map((n) => (n > 100 ? `0${n - 100}` : String(n))), { minLength: 1, maxLength: 4 }),
    pre: fc.option(fc.tuple(fc.constantFrom('-', '_', '.', ''), fc.constantFrom('a', 'alpha', 'B', 'beta', 'c', 'RC', 'pre', 'preview'), fc.constantFrom('', '1', '02')), { nil: undefined }),
    post: fc.option(fc.constantFrom('-1', '.post', 'post2', '_rev3', '.r'), { nil: undefined }),
    dev: fc.option(fc.constantFrom('.dev', 'dev4', '-DEV05'), { nil: undefined }),
    local: fc.option(fc.constantFrom('+abc', '+Ubuntu-1', '+0.07_x'), { nil: undefined }),
  })
  .map((p) => `${p.v}${p.epoch === undefined ? '' : `${p.epoch}!`}${p.release.join('.')}${p.pre === undefined ? '' : p.pre.join('')}${p.post ?? ''}${p.dev ?? ''}${p.local ?? ''}`)

describe('canonical forms and the schemas agree (RVER-1, RVER-2)', () => {
  test.prop([spelling])('the canonical form matches the context pattern, the caveat pattern exactly when it has no local part, and is its own canonical form', (text) => {
    const canonical = canonicalize(text)
    expect(canonical).not.toBeNull()
    expect(WITH_LOCAL.test(canonical as string)).toBe(true)
    expect(PUBLIC.test(canonical as string)).toBe(!(canonical as string).includes('+'))
    expect(canonicalize(canonical as string)).toBe(canonical)
  })

  test.prop([spelling])('a spelling matches the context pattern exactly when it is already canonical', (text) => {
    expect(WITH_LOCAL.test(text)).toBe(canonicalize(text) === text)
  })
})
