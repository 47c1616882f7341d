import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { INDEX_LOCATIONS } from '../../../src/detect/indexes.js'

/** The hex byte groups DETECT-6 gives for each index, in the order production, test. */
function specBytes(): string[] {
  const text = readFileSync('spec/detection.md', 'utf8')
  const rule = text.slice(text.indexOf('**DETECT-6.**'), text.indexOf('- **DETECT-2.**'))
  return [...rule.matchAll(/`((?:[0-9a-f]{2} )+[0-9a-f]{2})`/g)].map((m) => m[1] as string)
}

describe('the host names detection needs (DETECT-6)', () => {
  it('are stated in the spec as the very bytes the detector compares', () => {
    const hex = (name: 'production' | 'test') => Buffer.from(INDEX_LOCATIONS.get(name) as Uint8Array).toString('hex').match(/../g)!.join(' ')
    expect(specBytes().slice(0, 2)).toEqual([hex('production'), hex('test')])
  })
})
