import { describe, expect, it } from 'vitest'
import { inspect, mint } from '../../src/index.js'
import { dumpToken } from '../../src/token/parse.js'
import { BINARY_IDENTIFIER, PYPITOKEN, THIRD_PARTY } from '../fixtures/reference-tokens.js'

describe('inspect', () => {
  it('reports parts, parsed caveats and explanations of the `all` fixture', () => {
    const r = inspect(PYPITOKEN.all!.token, { now: 1700000010 })
    if (!r.ok) throw new Error(r.message)
    expect(r.token.prefix).toBe('pypi')
    expect(r.token.identifier).toBe('12345678-1234-5678-1234-567812345678')
    expect(r.token.signature).toBe(PYPITOKEN.all!.signature)
    expect(r.token.caveats.map((c) => c.slug)).toEqual([
      'expiration',
      'project-names',
      'project-ids',
      'request-user',
      'legacy-user',
      'legacy-project-names',
      'legacy-expiration',
    ])
    expect(r.token.caveats[0]!.explanation).toBe(
      'Valid from 2023-11-14T22:13:20Z (inclusive) until 2023-11-14T23:13:20Z (exclusive), a window of 1 hour. Expires in 59 minutes 50 seconds.',
    )
    expect(r.token.caveats[1]!.explanation).toBe('Only for the project named "requests".')
    expect(r.token.caveats.every((c) => c.error === null)).toBe(true)
  })

  it('explains an expired window relative to now', () => {
    const r = inspect(PYPITOKEN.date!.token, { now: 1700003600 + 86400 * 3 })
    expect(r.ok && r.token.caveats[0]!.explanation).toMatch(/Expired 3 days ago\.$/)
  })

  it('shows non-UTF-8 bytes as hex', () => {
    const r = inspect(BINARY_IDENTIFIER)
    expect(r.ok && r.token.identifier).toEqual({ hex: 'ff00' })
    expect(r.ok && r.token.location).toBe('')
  })

  it('describes a third-party caveat and why it fails', () => {
    const r = inspect(THIRD_PARTY)
    if (!r.ok) throw new Error(r.message)
    const [c] = r.token.caveats
    expect(c).toMatchObject({ kind: 'third-party', raw: 'tp-id', location: 'https://auth.example', error: { reason: 'CAVEAT_THIRD_PARTY' } })
    expect(c!.vid).toMatch(/^[0-9a-f]{144}$/)
  })

  it('refuses options whose registry is not a registry, before reading the token', () => {
    for (const registry of [5, {}, null]) expect(inspect(PYPITOKEN.all!.token, { registry } as never)).toMatchObject({ ok: false, reason: 'INVALID_ARGUMENT' })
  })

  it('reports an absent location field, and a third-party caveat without one, as null', () => {
    const sig = new Uint8Array(32)
    const token = dumpToken({
      prefix: 'pypi',
      macaroon: { location: null, identifier: Buffer.from('id'), caveats: [{ kind: 'third-party', id: Buffer.from('tp'), vid: new Uint8Array(4), location: null }], signature: sig },
    })
    const r = inspect(token)
    if (!r.ok) throw new Error(r.message)
    expect(r.token.location).toBeNull()
    expect(r.token.caveats[0]).toMatchObject({ kind: 'third-party', location: null, vid: '00000000', error: { reason: 'CAVEAT_THIRD_PARTY' } })
  })

  it('gives a first-party caveat no location or vid, and reports an unknown or malformed one with its reason and slug', () => {
    const t = mint({ key: new Uint8Array([1]), identifier: 'x', caveats: ['[9,1]', '{"exp":1}', '[1,["a"]]'] })
    if (!t.ok) throw new Error(t.message)
    const r = inspect(t.token)
    if (!r.ok) throw new Error(r.message)
    const [unknown, malformed, fine] = r.token.caveats
    expect(unknown).toMatchObject({ slug: null, restriction: null, error: { reason: 'CAVEAT_UNKNOWN' } })
    expect(malformed).toMatchObject({ slug: 'legacy-expiration', restriction: null, error: { reason: 'CAVEAT_MALFORMED' } })
    expect(fine).toMatchObject({ slug: 'project-names', error: null })
    for (const c of r.token.caveats) expect(Object.keys(c).sort()).toEqual(['error', 'explanation', 'index', 'kind', 'raw', 'restriction', 'slug'])
  })

  it('reports a malformed token with its reason code', () => {
    expect(inspect('pypi-!!!!')).toMatchObject({ ok: false, reason: 'TOKEN_BAD_ENCODING' })
    expect(inspect(undefined)).toMatchObject({ ok: false, reason: 'TOKEN_BAD_ENCODING' })
  })
})
