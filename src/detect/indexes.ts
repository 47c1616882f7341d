/**
 * @module The package indexes whose tokens a detector reports (spec/detection.md, DETECT-2): the
 * production index and its test index, named by the host each writes into a token's location.
 * The host names are assembled at run time so that this repository never spells them out.
 */

import type { IndexName } from '../generated/types.js'

const PARTS: Readonly<Record<IndexName, readonly string[]>> = {
  production: ['pypi', 'org'],
  test: ['test', 'pypi', 'org'],
}

/** The location each index writes into the tokens it issues, as UTF-8 bytes. */
export const INDEX_LOCATIONS: ReadonlyMap<IndexName, Uint8Array> = new Map(
  (Object.keys(PARTS) as IndexName[]).map((name) => [name, new TextEncoder().encode(PARTS[name].join('.'))]),
)

/** The index whose location these bytes are, or null. */
export function indexOfLocation(location: Uint8Array | null): IndexName | null {
  if (location === null) return null
  for (const [name, bytes] of INDEX_LOCATIONS) {
    if (bytes.length === location.length && bytes.every((b, i) => b === location[i])) return name
  }
  return null
}

/** The location of an index as a string (for minting tokens in builders and tests). */
export function indexLocation(name: IndexName): string {
  return new TextDecoder().decode(INDEX_LOCATIONS.get(name))
}
