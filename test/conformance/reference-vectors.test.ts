/**
 * The reference implementation passes every checked-in vector at both levels, called in-process
 * through the reference adapter (src/adapter/handle.ts) and judged by the harness (VEC-4, VEC-5,
 * VEC-7, CONF-1, CONF-2). The files are read as they are on disk, listed by vectors/index.json,
 * without the generator: this file alone is what `npm run mutation:vectors` runs as its tests
 * (test/mutation/vectors/vitest.config.ts). Each test's name carries a digest of its vector
 * (test/mutation/content-tag.ts), so that StrykerJS's incremental mode re-tests the mutants a
 * changed, added or removed vector covers.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handle } from '../../src/adapter/handle.js'
import type { Vector, VectorFile } from '../../src/generated/types.js'
import { judge } from '../../src/harness/judging/judge.js'
import { contentTag } from '../mutation/content-tag.js'

const root = join(import.meta.dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(root, 'vectors', 'index.json'), 'utf8')) as { files: { path: string }[] }
const files = manifest.files.map(({ path }) => ({ path: `vectors/${path}`, file: JSON.parse(readFileSync(join(root, 'vectors', path), 'utf8')) as VectorFile }))

/** What the reference adapter is sent for a vector (restrict keeps its key to itself). */
function request(v: Vector): Record<string, unknown> {
  if (v.op === 'restrict') return { id: 1, op: 'restrict', token: v.input.token, restrictions: v.input.restrictions }
  return { id: 1, op: v.op, ...v.input }
}

describe('the reference implementation passes every vector at both levels (VEC-4, VEC-5, VEC-7, CONF-1, CONF-2)', () => {
  for (const { path, file } of files) {
    describe(path, () => {
      it.each(file.vectors.map((v) => [`${v.id} [${contentTag(v)}]`, v] as const))('%s', (_name, v) => {
        const judgement = judge(v, handle(request(v)))
        expect(judgement.reason.message ?? '').toBe('')
        expect(judgement).toMatchObject({ verdict: { outcome: 'PASS' }, reason: { outcome: 'PASS' } })
      })
    })
  }
})
