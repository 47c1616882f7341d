/** Shared by the harness tests: adapter commands, in-memory suites, a temporary directory. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Vector, VectorFile, VerifyVector } from '../../src/generated/types.js'
import { suiteOf, type VectorSuite } from '../../src/vectors/load.js'
import { ctx, KEY_HEX, token } from './fixtures/build-vectors.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const FIXTURES = join(import.meta.dirname, 'fixtures')
export const FIXTURE_VECTORS = join(FIXTURES, 'vectors')

/** The reference adapter, run from source. */
export const REFERENCE = `node --import tsx ${join(ROOT, 'src', 'adapter', 'main.ts')}`
/** A deliberately misbehaving adapter (see fixtures/fake-adapter.mjs for the modes). */
export const fake = (mode: string) => `node ${join(FIXTURES, 'fake-adapter.mjs')} ${mode}`

export const CRASH_NOW = 1700000666
export const HANG_NOW = 1700000999

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'harness-test-'))
}

/** A vector file around the given vectors (flags used must be in `notes`). */
export function vectorFile(topic: string, vectors: Vector[], notes: VectorFile['notes'] = {}): VectorFile {
  return {
    schema: 'vector-file.schema.json',
    topic,
    title: topic,
    description: 'test',
    suite_version: '0.1.0',
    provenance: { generator: 'test/harness/helpers.ts', seed: null, sources: [] },
    number_of_vectors: vectors.length,
    notes,
    vectors,
  }
}

/** A verify vector expecting `valid` for a real one-caveat token, at time `now`. */
export function validAt(i: number, now = 1700000010): VerifyVector {
  return { id: `proc::v-${i}`, description: 'valid', spec: ['VERIFY-1'], flags: [], op: 'verify', input: { token: TOKEN, key: KEY_HEX, context: ctx({ now }) }, expected: { result: 'valid' } }
}

const TOKEN = token(['[1,["sampleproject"]]'])

/** `n` valid verify vectors; `special` puts other `now` values at given indexes. */
export function procSuite(n: number, special: Record<number, number> = {}): VectorSuite {
  return suiteOf([{ file: 'proc.json', data: vectorFile('proc', Array.from({ length: n }, (_, i) => validAt(i, special[i])) as Vector[]) }])
}
