import { describe, expect, it } from 'vitest'
import { progressBar } from '../../../src/harness/reports/progress.js'

describe('progressBar', () => {
  it('draws on a terminal and clears the line at the end', () => {
    let written = ''
    const bar = progressBar({ isTTY: true, write: (t: string) => (written += t) }, 'ref ')
    bar.update(5, 10)
    bar.update(10, 10)
    bar.end()
    expect(written).toContain('\rref [###############...............] 5/10 50%')
    expect(written).toContain('\rref [##############################] 10/10 100%')
    expect(written.endsWith('\r\x1b[2K')).toBe(true)
  })

  it('writes nothing when the stream is not a terminal', () => {
    let written = ''
    const bar = progressBar({ isTTY: false, write: (t: string) => (written += t) })
    bar.update(1, 2)
    bar.end()
    expect(written).toBe('')
  })
})
