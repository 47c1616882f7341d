import { describe, expect, it } from 'vitest'
import { detect } from '../../../src/detect/detect.js'
import { indexLocation, indexOfLocation } from '../../../src/detect/indexes.js'
import { mint } from '../../../src/index.js'

const KEY = new Uint8Array(32).fill(7)
const ID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'
function tokenAt(location: string, caveats: string[] = ['[3,"a614e122-a9ee-473c-b6df-8c4f1b776628"]']): string {
  const m = mint({ key: KEY, identifier: ID, location, caveats })
  if (!m.ok) throw new Error(m.message)
  return m.token
}
// Minted inside the tests, not while the file loads (code run outside a test is static to StrykerJS).
const production = () => tokenAt(indexLocation('production'))
const test = () => tokenAt(indexLocation('test'))

describe('indexes', () => {
  it('names each index by the location bytes it writes, and nothing else', () => {
    expect(indexOfLocation(new TextEncoder().encode(indexLocation('production')))).toBe('production')
    expect(indexOfLocation(new TextEncoder().encode(indexLocation('test')))).toBe('test')
    expect(indexOfLocation(new TextEncoder().encode('index.example'))).toBeNull()
    expect(indexOfLocation(new TextEncoder().encode(`${indexLocation('production')}.`))).toBeNull()
    expect(indexOfLocation(null)).toBeNull()
  })

  it('production tokens begin pypi-AgEI and test-index tokens pypi-AgEN (8 and 13 bytes of location)', () => {
    expect(production().startsWith('pypi-AgEI')).toBe(true)
    expect(test().startsWith('pypi-AgEN')).toBe(true)
  })
})

describe('detect (DETECT-1 … DETECT-4)', () => {
  it('finds a token alone or inside text, whole, with its index', () => {
    expect(detect(production())).toEqual([{ match: production(), index: 'production' }])
    expect(detect(`TWINE_PASSWORD="${test()}"\n`)).toEqual([{ match: test(), index: 'test' }])
    expect(detect(`a ${production()}== b ${test()}`)).toEqual([
      { match: production(), index: 'production' },
      { match: test(), index: 'test' },
    ])
  })

  it('finds long tokens: 60 caveats', () => {
    const long = tokenAt(indexLocation('production'), Array(60).fill('[1,["sampleproject","another-project"]]'))
    expect(long.length).toBeGreaterThan(3000)
    expect(detect(long)).toEqual([{ match: long, index: 'production' }])
  })

  it.each([
    ['another location', () => tokenAt('index.example')],
    ['another prefix', () => `PYPI-${production().slice(5)}`],
    ['the 2019 colon prefix', () => `pypi:${production().slice(5)}`],
    ['a truncated token', () => production().slice(0, -4)],
    ['a token with alphabet characters glued on', () => `${production()}AA`],
    ['a placeholder', () => `${production().slice(0, 20)}${'X'.repeat(90)}`],
    ['nothing after the prefix', () => 'pypi-'],
    ['not a string', () => 42],
  ])('reports nothing for %s', (_what, text) => {
    expect(detect(text())).toEqual([])
  })

  it('finds the token after a run that is not one (pypi-pypi-…)', () => {
    expect(detect(`pypi-${production()}`)).toEqual([{ match: production(), index: 'production' }])
  })
})
