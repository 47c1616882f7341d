import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handle } from '../../src/adapter/handle.js'
import { validateRef } from '../../src/caveats/schema-validator.js'
import type { Vector, VectorFile } from '../../src/generated/types.js'
import { judge } from '../../src/harness/judging/judge.js'
import { CAVEAT_MODULES } from '../../src/index.js'
import { VERSION } from '../../src/version.js'
import { computeCoverage } from '../../scripts/coverage-spec.js'
import { generatedVectorFiles, MANIFEST } from '../../scripts/gen-vectors.js'

const root = join(import.meta.dirname, '..', '..')
const generated = generatedVectorFiles()
const files = [...generated.keys()].filter((p) => p !== MANIFEST).map((path) => ({ path, file: JSON.parse(readFileSync(join(root, path), 'utf8')) as VectorFile }))

/** What the reference adapter is sent for a vector (restrict keeps its key to itself). */
function request(v: Vector): Record<string, unknown> {
  if (v.op === 'restrict') return { id: 1, op: 'restrict', token: v.input.token, restrictions: v.input.restrictions }
  return { id: 1, op: v.op, ...v.input }
}

describe('vector files', () => {
  it('are exactly what the builders generate (deterministic generation; npm run generate:vectors)', () => {
    for (const [path, content] of generated) expect(readFileSync(join(root, path), 'utf8'), `${path} is stale: run npm run generate:vectors`).toBe(content)
  })

  it('validate against vector-file.schema.json (VEC-1, VEC-2)', () => {
    for (const { path, file } of files) expect(validateRef('vector-file.schema.json', file), path).toEqual({ ok: true })
  })

  it('have unique ids prefixed by their topic, and define every flag they use (VEC-2)', () => {
    const seen = new Set<string>()
    for (const { file } of files) {
      expect(file.number_of_vectors).toBe(file.vectors.length)
      for (const v of file.vectors) {
        expect(v.id.startsWith(`${file.topic}::`), v.id).toBe(true)
        expect(seen.has(v.id), `${v.id} is used twice`).toBe(false)
        seen.add(v.id)
        for (const f of v.flags) expect(file.notes[f], `${v.id}: flag ${f}`).toBeDefined()
      }
    }
  })

  it('give every acceptable vector, and every one with acceptable_reasons, a flag saying why both behaviours conform (VEC-3)', () => {
    for (const { file } of files) {
      for (const v of file.vectors) if (v.expected.result === 'acceptable' || 'acceptable_reasons' in v.expected) expect(v.flags.length, v.id).toBeGreaterThan(0)
    }
  })

  it('cover every spec id, reason code, caveat kind and decision (npm run coverage:spec)', () => {
    expect(computeCoverage().problems).toEqual([])
  })
})

describe('versioning', () => {
  it('one version number for the spec, the vectors and the implementation (SEMVER-1, SEMVER-2, SEMVER-3)', () => {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8'))
    expect(manifest.suite_version).toBe(VERSION)
    for (const { path, file } of files) expect(file.suite_version, path).toBe(VERSION)
    expect(readFileSync(join(root, 'spec/index.md'), 'utf8')).toContain(`Version ${VERSION}`)
  })

  it('has a CHANGELOG entry for the current version (SEMVER-6)', () => {
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${VERSION.replace(/\./g, '\\.')}$`, 'm'))
  })

  it('never reuses a retired vector id (SEMVER-5)', () => {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8'))
    const ids = new Set(files.flatMap(({ file }) => file.vectors.map((v) => v.id)))
    for (const id of manifest.retired_ids as string[]) expect(ids.has(id), id).toBe(false)
  })

  it('admits a caveat only with its schema, spec page, module, vectors and unit tests (SEMVER-4)', () => {
    for (const { slug } of CAVEAT_MODULES) {
      for (const path of [`schemas/caveats/${slug}.schema.json`, `spec/caveats/${slug}.md`, `src/caveats/${slug}.ts`, `vectors/caveats/${slug}.json`, `test/unit/caveats/${slug}.test.ts`]) {
        expect(existsSync(join(root, path)), path).toBe(true)
      }
    }
  })
})

describe('the reference implementation passes every vector at both levels (VEC-4, VEC-5, VEC-7, CONF-1, CONF-2)', () => {
  for (const { path, file } of files) {
    describe(path, () => {
      it.each(file.vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
        const judgement = judge(v, handle(request(v)))
        expect(judgement.reason.message ?? '').toBe('')
        expect(judgement).toMatchObject({ verdict: { outcome: 'PASS' }, reason: { outcome: 'PASS' } })
      })
    })
  }
})
