import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { VectorFile } from '../../src/generated/types.js'
import { loadVectors, VectorLoadError } from '../../src/vectors/load.js'
import { FIXTURE_VECTORS, tempDir } from './helpers.js'

const EXPIRATION = join('caveats', 'expiration.json')

/** A copy of the fixture vectors with one file changed. */
function withChange(path: string, change: (f: VectorFile) => unknown): string {
  const dir = tempDir()
  cpSync(FIXTURE_VECTORS, dir, { recursive: true })
  const data = JSON.parse(readFileSync(join(dir, path), 'utf8')) as VectorFile
  writeFileSync(join(dir, path), typeof change === 'function' ? JSON.stringify(change(data) ?? data) : '')
  return dir
}

const loadError = (dir: string) => {
  try {
    loadVectors(dir)
  } catch (err) {
    expect(err).toBeInstanceOf(VectorLoadError)
    return (err as Error).message
  }
  throw new Error('expected a VectorLoadError')
}

describe('loadVectors (VEC-1, VEC-2)', () => {
  it('loads every file recursively, in sorted order, and skips candidates/', () => {
    const suite = loadVectors(FIXTURE_VECTORS)
    expect(suite.files.map((f) => f.file)).toEqual(['caveats/expiration.json', 'caveats/project-names.json', 'token-format.json'])
    expect(suite.vectors).toHaveLength(15)
    expect(suite.vectors[0]).toMatchObject({ file: 'caveats/expiration.json', vector: { id: 'expiration::inside-window' } })
  })

  it('names the file and the problem', () => {
    const cases: [string, (f: VectorFile) => unknown, RegExp][] = [
      ['a schema violation', (f) => ({ ...f, vectors: [{ ...f.vectors[0], expected: { result: 'maybe' } }] , number_of_vectors: 1 }), /expiration\.json: does not match vector-file\.schema\.json: .* \(vector expiration::inside-window\)$/],
      ['a missing member', (f) => ({ ...f, topic: undefined }), /expiration\.json: does not match vector-file\.schema\.json: value must have required property 'topic'/],
      ['an id outside the topic', (f) => void (f.vectors[1]!.id = 'other::at-not-before'), /expiration\.json: vector id other::at-not-before does not start with the file's topic "expiration::"/],
      ['an id used twice in a file', (f) => void (f.vectors[1]!.id = f.vectors[0]!.id), /expiration\.json: vector id expiration::inside-window is used twice in this file/],
      ['an undefined flag', (f) => void f.vectors[0]!.flags.push('Mystery'), /expiration\.json: vector expiration::inside-window uses flag Mystery, which the file's notes do not define/],
      ['a wrong count', (f) => void (f.number_of_vectors = 4), /expiration\.json: number_of_vectors is 4 but the file has 5 vectors/],
    ]
    for (const [, change, message] of cases) expect(loadError(withChange(EXPIRATION, change))).toMatch(message)
  })

  it('rejects an id used in two files, naming both', () => {
    const dir = withChange(join('caveats', 'project-names.json'), (f) => void (f.topic = 'expiration', f.vectors.forEach((v, i) => (v.id = i === 0 ? 'expiration::inside-window' : `expiration::other-${i}`))))
    expect(loadError(dir)).toMatch(/project-names\.json: vector id expiration::inside-window is used twice \(also in caveats\/expiration\.json\)/)
  })

  it('rejects a file that is not JSON, and a missing directory', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'broken.json'), '{"schema": ')
    expect(loadError(dir)).toMatch(/broken\.json: not JSON/)
    expect(loadError(join(dir, 'nope'))).toMatch(/nope: no such vectors directory/)
  })

  it('checks the manifest index.json when there is one', () => {
    const dir = tempDir()
    cpSync(FIXTURE_VECTORS, dir, { recursive: true })
    const files = [
      { path: 'caveats/expiration.json', number_of_vectors: 5 },
      { path: 'caveats/project-names.json', number_of_vectors: 4 },
      { path: 'token-format.json', number_of_vectors: 6 },
    ]
    const manifest = (over: object) => writeFileSync(join(dir, 'index.json'), JSON.stringify({ suite_version: '0.1.0', number_of_vectors: 15, files, retired_ids: [], ...over }))
    manifest({})
    expect(loadVectors(dir).vectors).toHaveLength(15)
    manifest({ files: files.slice(1) })
    expect(loadError(dir)).toMatch(/index\.json: the manifest does not list caveats\/expiration\.json/)
    manifest({ files: [...files, { path: 'gone.json', number_of_vectors: 1 }] })
    expect(loadError(dir)).toMatch(/the manifest lists gone\.json, which does not exist/)
    manifest({ files: [{ ...files[0], number_of_vectors: 6 }, ...files.slice(1)] })
    expect(loadError(dir)).toMatch(/the manifest says caveats\/expiration\.json has 6 vectors, it has 5/)
    manifest({ retired_ids: ['expiration::wrong-key'] })
    expect(loadError(dir)).toMatch(/vector id expiration::wrong-key \(caveats\/expiration\.json\) is retired/)
  })

  it('loads vectors/candidates when asked for it directly', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'candidates'))
    cpSync(join(FIXTURE_VECTORS, 'token-format.json'), join(dir, 'candidates', 'token-format.json'))
    expect(loadVectors(dir).vectors).toHaveLength(0)
    expect(loadVectors(join(dir, 'candidates')).vectors).toHaveLength(6)
  })
})
