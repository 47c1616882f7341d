/**
 * Generates vectors/ from the builders in scripts/vectors/: fixed keys, identifiers, times and
 * seeds, so regenerating changes nothing unless a builder changed.
 *
 *   npm run generate:vectors    write the files
 *   (test/conformance/vectors.test.ts fails when the checked-in files differ from this output)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { VectorFile } from '../src/generated/types.js'
import { TOPICS } from './vectors/index.js'
import { RETIRED_IDS } from './vectors/retired-ids.js'
import { VERSION } from '../src/version.js'

/** Not a vector file: the list of them (skipped by the vector loader). */
export const MANIFEST = 'vectors/index.json'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Everything this script writes, as path (relative to the repository) → content. */
export function generatedVectorFiles(): Map<string, string> {
  const out = new Map<string, string>()
  const ids = new Set<string>()
  for (const { path, build } of TOPICS) {
    const file: VectorFile = build()
    for (const v of file.vectors) {
      if (ids.has(v.id)) throw new Error(`gen-vectors: id ${v.id} is used twice`)
      ids.add(v.id)
    }
    out.set(path, JSON.stringify(file, null, 2) + '\n')
  }
  for (const id of RETIRED_IDS) if (ids.has(id)) throw new Error(`gen-vectors: retired id ${id} is used again`)
  out.set(MANIFEST, JSON.stringify(manifest(out), null, 2) + '\n')
  return out
}

/** The manifest: suite version, every file with its topic and count, and the retired ids. */
function manifest(files: Map<string, string>) {
  const entries = [...files.entries()].map(([path, text]) => {
    const file = JSON.parse(text) as VectorFile
    return { path: path.replace(/^vectors\//, ''), topic: file.topic, number_of_vectors: file.number_of_vectors }
  })
  return {
    suite_version: VERSION,
    number_of_vectors: entries.reduce((n, e) => n + e.number_of_vectors, 0),
    files: entries,
    retired_ids: [...RETIRED_IDS],
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, content] of generatedVectorFiles()) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  console.error(`wrote ${TOPICS.length} vector files and ${MANIFEST}`)
}
