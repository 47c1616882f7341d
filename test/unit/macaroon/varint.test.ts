/** MAC-3's varints at their bounds: the largest value, the longest encoding, and where each error is raised. */
import { describe, expect, it } from 'vitest'
import { readUvarint, writeUvarint } from '../../../src/macaroon/varint.js'

const read = (bytes: number[]) => {
  try {
    return readUvarint(Uint8Array.from(bytes), 0)
  } catch (err) {
    return (err as Error).message
  }
}

describe('readUvarint', () => {
  it('reads 2^31 - 1, the largest value, in five bytes', () => {
    expect(read([0xff, 0xff, 0xff, 0xff, 0x07])).toEqual([0x7fffffff, 5])
    const out: number[] = []
    writeUvarint(out, 0x7fffffff)
    expect(out).toEqual([0xff, 0xff, 0xff, 0xff, 0x07])
  })

  it('refuses 2^31 and any sixth byte as too large', () => {
    expect(read([0x80, 0x80, 0x80, 0x80, 0x08])).toBe('varint too large')
    expect(read([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).toBe('varint too large')
    expect(read(Array(40).fill(0x80))).toBe('varint too large')
  })

  it('calls a varint that ends inside its continuation bytes truncated, even after four of them', () => {
    expect(read([])).toBe('truncated varint')
    expect(read([0x80, 0x80, 0x80, 0x80])).toBe('truncated varint')
  })
})
