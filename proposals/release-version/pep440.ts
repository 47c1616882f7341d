/**
 * @module PEP 440 versions for the restricter (RVER-6): parse any spelling PEP 440 allows and write
 * the canonical form the caveat holds (RVER-1). Written from PEP 440's normalisation rules; the
 * canonical form is the normal form with trailing `.0` release components removed, as the index
 * names a release (RVER-2).
 */

/** The parts of a version, numbers as decimal strings without leading zeros. */
export interface Version {
  readonly epoch: string
  readonly release: readonly string[]
  readonly pre: { readonly letter: 'a' | 'b' | 'rc'; readonly number: string } | null
  readonly post: string | null
  readonly dev: string | null
  /** Local segments, lower case; numeric ones without leading zeros. */
  readonly local: readonly string[] | null
}

const SEP = '[-_.]?'
const NUM = '([0-9]+)'
// The accepted spellings, in PEP 440's order: epoch, release, pre, post, dev, local.
const SPELLING = new RegExp(
  '^v?' +
    `(?:${NUM}!)?` +
    '([0-9]+(?:\\.[0-9]+)*)' +
    `(?:${SEP}(alpha|beta|preview|pre|rc|a|b|c)${SEP}${NUM}?)?` +
    `(?:-${NUM}|${SEP}(post|rev|r)${SEP}${NUM}?)?` +
    `(?:${SEP}(dev)${SEP}${NUM}?)?` +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  'i',
)

/** A decimal string without leading zeros (`007` → `7`, `0` stays `0`). */
const integer = (digits: string) => digits.replace(/^0+(?=[0-9])/, '')

const PRE: Record<string, 'a' | 'b' | 'rc'> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' }

/** Parses a version as PEP 440 allows it to be written (surrounding whitespace ignored), or null. */
export function parseVersion(text: string): Version | null {
  const m = SPELLING.exec(text.trim())
  if (m === null) return null
  const [, epoch, release, preLetter, preNumber, implicitPost, postWord, postNumber, devWord, devNumber, local] = m
  return {
    epoch: integer(epoch ?? '0'),
    release: (release as string).split('.').map(integer),
    pre: preLetter === undefined ? null : { letter: PRE[preLetter.toLowerCase()] as 'a' | 'b' | 'rc', number: integer(preNumber ?? '0') },
    post: implicitPost !== undefined ? integer(implicitPost) : postWord !== undefined ? integer(postNumber ?? '0') : null,
    dev: devWord === undefined ? null : integer(devNumber ?? '0'),
    local: local === undefined ? null : local.toLowerCase().split(/[-_.]/).map((s) => (/^[0-9]+$/.test(s) ? integer(s) : s)),
  }
}

/** The canonical form (RVER-1, RVER-2): normal form, epoch 0 left out, trailing `.0` release components removed. */
export function canonicalVersion(v: Version): string {
  const release = [...v.release]
  while (release.length > 1 && release.at(-1) === '0') release.pop()
  return (
    (v.epoch === '0' ? '' : `${v.epoch}!`) +
    release.join('.') +
    (v.pre === null ? '' : `${v.pre.letter}${v.pre.number}`) +
    (v.post === null ? '' : `.post${v.post}`) +
    (v.dev === null ? '' : `.dev${v.dev}`) +
    (v.local === null ? '' : `+${v.local.join('.')}`)
  )
}

/** The canonical form of a version written any way PEP 440 allows, or null when it is not a version. */
export function canonicalize(text: string): string | null {
  const v = parseVersion(text)
  return v === null ? null : canonicalVersion(v)
}
