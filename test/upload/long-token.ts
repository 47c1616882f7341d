/**
 * Tokens of an exact length for the size tests (spec/limits.md): a valid token narrowed by
 * `count` project-names caveats, each allowing `project` and a padding name, padded until the
 * token string is exactly `length` characters. Caveats are appended as a restricter does
 * (extending the signature chain), with no upper limit, so that tokens beyond the reference's
 * 65,536-character limit can be built too.
 */
import { encodeRestriction } from '../../src/index.js'
import { appendCaveats } from './append-caveats.js'

function padded(token: string, project: string, count: number, each: number, last: number): string {
  const texts = Array.from({ length: count }, (_, i) => encodeRestriction({ type: 'project_names', names: [project, `pad${i}-${'x'.repeat(i === count - 1 ? each + last : each)}`] }))
  return appendCaveats(token, texts)
}

/** A token of exactly `length` characters with `count` more caveats, valid for `project` only. */
export function tokenOfLength(token: string, project: string, length: number, count: number): string {
  if (length % 4 === 1) throw new Error('no token body has a length of 1 more than a multiple of 4 (TOKEN-5)')
  const bare = padded(token, project, count, 0, 0).length
  if (bare > length) throw new Error(`${count} caveats already make ${bare} characters, over ${length}`)
  // Each padding byte adds 4/3 of a character; start a little short and walk up one byte at a time.
  let each = Math.max(0, Math.floor(((length - bare) * 3) / 4 / count) - 4)
  for (;;) {
    for (let last = 0; ; last++) {
      const candidate = padded(token, project, count, each, last)
      if (candidate.length === length) return candidate
      if (candidate.length > length) break
    }
    if (each === 0) throw new Error(`no padding gives exactly ${length} characters`)
    each -= 1 // a length prefix grew a byte and jumped over the target: start lower
  }
}
