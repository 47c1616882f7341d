import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateRef } from '../../src/caveats/schema-validator.js'
import type { VectorFile } from '../../src/generated/types.js'
import { CAVEAT_MODULES } from '../../src/index.js'
import { VERSION } from '../../src/version.js'

const root = join(import.meta.dirname, '..', '..')
const MANIFEST = 'vectors/index.json'
// The files as they are on disk, listed by the manifest. The generator and the coverage report run
// inside their tests, not while this file loads: code run outside a test is "static" to StrykerJS,
// which then runs every test for each of its mutants (docs/mutation.md, "Where the time goes").
const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as { files: { path: string }[]; suite_version: string; retired_ids: string[] }
const files = manifest.files.map(({ path }) => ({ path: `vectors/${path}`, file: JSON.parse(readFileSync(join(root, 'vectors', path), 'utf8')) as VectorFile }))

describe('vector files', () => {
  it('are exactly what the builders generate (deterministic generation; npm run generate:vectors)', async () => {
    const { generatedVectorFiles } = await import('../../scripts/gen-vectors.js')
    const generated = generatedVectorFiles()
    expect([...generated.keys()].sort()).toEqual([MANIFEST, ...files.map(({ path }) => path)].sort())
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

  it('cover every spec id, reason code, caveat kind and decision (npm run coverage:spec)', async () => {
    const { computeCoverage } = await import('../../scripts/coverage-spec.js')
    expect(computeCoverage().problems).toEqual([])
  })
})

describe('versioning', () => {
  it('one version number for the spec, the vectors and the implementation (SEMVER-1, SEMVER-2, SEMVER-3)', () => {
    expect(manifest.suite_version).toBe(VERSION)
    for (const { path, file } of files) expect(file.suite_version, path).toBe(VERSION)
    expect(readFileSync(join(root, 'spec/index.md'), 'utf8')).toContain(`Version ${VERSION}`)
  })

  it('has a CHANGELOG entry for the current version (SEMVER-6)', () => {
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${VERSION.replace(/\./g, '\\.')}$`, 'm'))
  })

  it('never reuses a retired vector id (SEMVER-5)', () => {
    const ids = new Set(files.flatMap(({ file }) => file.vectors.map((v) => v.id)))
    for (const id of manifest.retired_ids) expect(ids.has(id), id).toBe(false)
  })

  it('admits a caveat only with its schema, spec page, module, vectors and unit tests (SEMVER-4)', () => {
    for (const { slug } of CAVEAT_MODULES) {
      for (const path of [`schemas/caveats/${slug}.schema.json`, `spec/caveats/${slug}.md`, `src/caveats/${slug}.ts`, `vectors/caveats/${slug}.json`, `test/unit/caveats/${slug}.test.ts`]) {
        expect(existsSync(join(root, path)), path).toBe(true)
      }
    }
  })
})

// That the reference passes every vector: test/conformance/reference-vectors.test.ts (read from disk,
// without the generator, so that `npm run mutation:vectors` runs it alone).
