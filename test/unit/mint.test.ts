import { describe, expect, it } from 'vitest'
import { mint } from '../../src/index.js'
import { KEY, NPM_DOC, PT, PYPITOKEN, PYPITOKEN_BASE_PLUS_COMPACT, PYPITOKEN_TESTSUITE, WH } from '../fixtures/reference-tokens.js'
import { bodyBytes, locationOf } from '../helpers.js'

const token = (r: ReturnType<typeof mint>) => (r.ok ? r.token : `${r.reason}: ${r.message}`)

describe('mint', () => {
  const location = () => locationOf(PYPITOKEN.base!.token)

  it('reproduces pypitoken and pymacaroons tokens byte for byte (MINT-1)', () => {
    for (const f of Object.values(PYPITOKEN)) {
      expect(token(mint({ key: KEY, identifier: PT.identifier, location: location(), caveats: f.caveats }))).toBe(f.token)
    }
    expect(token(mint({ key: KEY, identifier: PT.identifier, location: location(), caveats: ['[1,["requests"]]'] }))).toBe(PYPITOKEN_BASE_PLUS_COMPACT)
  })

  it('reproduces the Warehouse tokens byte for byte', () => {
    for (const f of [WH.project, WH.user]) expect(token(mint({ key: KEY, identifier: WH.identifier, location: location(), caveats: f.caveats }))).toBe(f.token)
  })

  it('reproduces the npm macaroon document tokens', () => {
    const caveats = ['[1,["requests"]]', '[0,1900000000,1600000000]', '[3,"00000000-0000-0000-0000-000000000001"]']
    expect(token(mint({ key: KEY, identifier: NPM_DOC.identifier, location: location(), caveats: caveats.slice(0, 2) }))).toBe(NPM_DOC.twoCaveats)
    expect(token(mint({ key: KEY, identifier: NPM_DOC.identifier, location: location(), caveats }))).toBe(NPM_DOC.threeCaveats)
  })

  it("reproduces pypitoken's own test-suite token, with its prefix and a text key", () => {
    const { key, identifier, location: loc } = PYPITOKEN_TESTSUITE
    expect(token(mint({ key: Buffer.from(key), identifier, location: loc, prefix: 'pre' }))).toBe(PYPITOKEN_TESTSUITE.token)
  })

  it('writes restriction objects canonically (RESTRICT-1)', () => {
    const r = mint({ key: KEY, identifier: PT.identifier, location: location(), caveats: [{ type: 'project_names', names: ['Requests'] }] })
    expect(token(r)).toBe(PYPITOKEN_BASE_PLUS_COMPACT)
  })

  it('writes an empty location field as pymacaroons does (MINT-3)', () => {
    const r = mint({ key: KEY, identifier: 'x' })
    expect(r.ok && Buffer.from(bodyBytes(r.token)).subarray(0, 6).toString('hex')).toBe('020100020178')
  })

  it('embeds caveat bytes as given, even when they are not valid caveats (MINT-2)', () => {
    const r = mint({ key: KEY, identifier: 'x', caveats: ['not json', Uint8Array.from([0xff])] })
    expect(r.ok).toBe(true)
  })

  it.each([
    ['an empty key', { key: new Uint8Array(), identifier: 'x' }, 'KEY_INVALID'],
    ['a string key', { key: 'secret', identifier: 'x' }, 'KEY_INVALID'],
    ['a bad prefix', { key: KEY, identifier: 'x', prefix: 'py-pi' }, 'INVALID_ARGUMENT'],
    ['a numeric identifier', { key: KEY, identifier: 5 }, 'INVALID_ARGUMENT'],
    ['a lone surrogate in a caveat', { key: KEY, identifier: 'x', caveats: ['"\ud800"'] }, 'INVALID_ARGUMENT'],
    ['an invalid restriction', { key: KEY, identifier: 'x', caveats: [{ type: 'project_names', names: [] }] }, 'INVALID_ARGUMENT'],
    ['caveats that are not a list', { key: KEY, identifier: 'x', caveats: 'x' }, 'INVALID_ARGUMENT'],
    ['a token over the size limit', { key: KEY, identifier: 'x'.repeat(70000) }, 'INVALID_ARGUMENT'],
    ['a lone surrogate in the identifier', { key: KEY, identifier: 'x\ud800' }, 'INVALID_ARGUMENT'],
    ['a lone surrogate in the location', { key: KEY, identifier: 'x', location: '\udc00' }, 'INVALID_ARGUMENT'],
    ['a numeric location', { key: KEY, identifier: 'x', location: 5 }, 'INVALID_ARGUMENT'],
  ])('refuses %s', (_what, options, code) => {
    const r = mint(options as never)
    expect(r.ok ? 'ok' : r.reason).toBe(code)
  })

  it('writes a token of exactly the 65,536-character limit and refuses one character more', () => {
    // 5 characters of `pypi-`, then 4 characters per 3 bytes: the identifier's length sets the total.
    const lengthWith = (n: number) => {
      const r = mint({ key: KEY, identifier: 'x'.repeat(n) })
      return r.ok ? r.token.length : null
    }
    let n = Math.floor(((65536 - 5) * 3) / 4) - 100
    while ((lengthWith(n) ?? 65537) < 65536) n++
    expect(lengthWith(n)).toBe(65536)
    expect(lengthWith(n + 1)).toBeNull()
  })
})
