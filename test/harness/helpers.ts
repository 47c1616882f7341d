/** Shared by the harness tests: adapter commands, in-memory suites, a temporary directory. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Vector, VectorFile, VerifyVector } from '../../src/generated/types.js'
import type { Clock } from '../../src/harness/process/clock.js'
import { suiteOf, type VectorSuite } from '../../src/vectors/load.js'
import { ctx, KEY_HEX, PROJECT, token } from './fixtures/build-vectors.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const FIXTURES = join(import.meta.dirname, 'fixtures')
export const FIXTURE_VECTORS = join(FIXTURES, 'vectors')

/** The reference adapter, run from source. */
export const REFERENCE = `node --import tsx ${join(ROOT, 'src', 'adapter', 'main.ts')}`
/** A deliberately misbehaving adapter (see fixtures/fake-adapter.mjs for the modes). */
export const fake = (mode: string) => `node ${join(FIXTURES, 'fake-adapter.mjs')} ${mode}`
/** The reference adapter with one deviation (see fixtures/reference-variant.ts for the modes). */
export const variant = (mode: 'other-reasons' | 'no-failures' | 'reversed-failures' | 'accepts-unsatisfied' | 'lenient-padding') => `node --import tsx ${join(FIXTURES, 'reference-variant.ts')} ${mode}`

export const CRASH_NOW = 1700000666
export const HANG_NOW = 1700000999

/**
 * The time limit of a test that starts processes: far beyond what a loaded machine needs, so that
 * it only catches a harness that never finishes. No outcome in these tests depends on it.
 */
export const SLOW = { timeout: 120_000 }

/** A clock that stands still until the test moves it: no request or start-up ever times out by itself. */
export class ManualClock implements Clock {
  private time = 0
  private readonly timers = new Set<{ at: number; fn: () => void }>()

  now(): number {
    return this.time
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + ms, fn }
    this.timers.add(timer)
    return () => void this.timers.delete(timer)
  }

  /** Moves time forward and runs every timer that has come due, earliest first. */
  advance(ms: number): void {
    this.time += ms
    const due = [...this.timers].filter((t) => t.at <= this.time).sort((a, b) => a.at - b.at)
    for (const t of due) if (this.timers.delete(t)) t.fn()
  }
}

/** Polls `test` until it holds; gives up after `ms` (a generous limit: only a broken harness reaches it). */
export async function eventually(test: () => boolean, ms = 30_000): Promise<boolean> {
  for (const end = performance.now() + ms; !test() && performance.now() < end; ) await new Promise((r) => setTimeout(r, 20))
  return test()
}

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

/** One verify vector in which two caveats fail (a project list, and a float tag that wins), with the failures a verifier must report. */
export function twoFailuresSuite(): VectorSuite {
  const vector: VerifyVector = {
    id: 'levels::two-failures',
    description: 'two failing caveats',
    spec: ['VERIFY-5'],
    flags: [],
    op: 'verify',
    input: { token: token(['[1,["other"]]', '[1.0,["sampleproject"]]']), key: KEY_HEX, context: ctx({ project: PROJECT }) },
    expected: { result: 'invalid', reason: 'CAVEAT_MALFORMED', failures: [{ index: 0, reason: 'CAVEAT_NOT_SATISFIED' }, { index: 1, reason: 'CAVEAT_MALFORMED' }] },
  }
  return suiteOf([{ file: 'levels.json', data: vectorFile('levels', [vector]) }])
}
