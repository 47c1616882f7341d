/**
 * @module Loads the conformance vectors: every `*.json` under a directory (recursively, skipping
 * `candidates/` directly under it), each validated against vector-file.schema.json and checked for
 * the rules a schema cannot state: unique ids across files, ids that start with the file's topic,
 * flags defined in the file's notes, and a correct `number_of_vectors`. The manifest `index.json`
 * at the root, when there is one, is not a vector file: the files and counts it lists must be
 * exactly the ones loaded, and no vector may use one of its `retired_ids`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_REGISTRY, type CaveatRegistry } from '../caveats/registry.js'
import { checkContext } from '../context.js'
import type { Vector, VectorFile } from '../generated/types.js'

/** A vector file or directory that cannot be used; the message names the file and the problem. */
export class VectorLoadError extends Error {
  override readonly name = 'VectorLoadError'
}

/** One vector with the file it came from (relative to the vectors directory, `/`-separated). */
export interface LoadedVector {
  readonly vector: Vector
  readonly file: string
}

export interface LoadedFile {
  readonly file: string
  readonly data: VectorFile
}

/** Every vector of a directory, in file order (sorted paths) and then in each file's order. */
export interface VectorSuite {
  readonly files: readonly LoadedFile[]
  readonly vectors: readonly LoadedVector[]
}

export interface LoadOptions {
  /** Subdirectories directly under the root that are not loaded. Default: `['candidates']`. */
  readonly skip?: readonly string[]
  /** The caveat formats (and so the context members) the vectors may use. Default: the built-in ones. */
  readonly registry?: CaveatRegistry
}

/**
 * The vectors that ship with this package (`vectors/` beside `dist/` or `src/`), whatever the
 * working directory: what `pypi-token conformance` runs unless told otherwise.
 */
export const PACKAGE_VECTORS = fileURLToPath(new URL('../../vectors', import.meta.url))

/** Loads and checks every vector file under `dir` (default: the package's own). Throws VectorLoadError. */
export function loadVectors(dir = PACKAGE_VECTORS, options: LoadOptions = {}): VectorSuite {
  const skip = new Set(options.skip ?? ['candidates'])
  let stat
  // A relative path is shown as given and as resolved, so that the message names what was tried.
  const shown = isAbsolute(dir) ? dir : `${dir} (${resolve(dir)})`
  try {
    stat = statSync(dir)
  } catch {
    throw new VectorLoadError(`${shown}: no such vectors directory`)
  }
  if (!stat.isDirectory()) throw new VectorLoadError(`${shown}: not a directory`)
  const paths = listJson(dir, dir, skip)
    .filter((path) => path !== join(dir, MANIFEST))
    .sort()
  const registry = options.registry ?? DEFAULT_REGISTRY
  const files = paths.map((path) => ({ file: relative(dir, path).split(sep).join('/'), data: readVectorFile(path, registry) }))
  const suite = suiteOf(files, (file) => join(dir, file), registry)
  if (existsSync(join(dir, MANIFEST))) checkManifest(join(dir, MANIFEST), suite)
  return suite
}

/** The manifest of a vectors directory: suite version, files with their counts, retired ids. */
export const MANIFEST = 'index.json'

function checkManifest(path: string, suite: VectorSuite): void {
  let data: { files?: unknown; number_of_vectors?: unknown; retired_ids?: unknown }
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as typeof data
  } catch (err) {
    throw new VectorLoadError(`${path}: the manifest is not JSON (${(err as Error).message})`)
  }
  if (Array.isArray(data.files)) {
    const listed = new Map((data.files as { path?: unknown; number_of_vectors?: unknown }[]).map((f) => [String(f.path), f.number_of_vectors]))
    for (const { file, data: f } of suite.files) {
      if (!listed.has(file)) throw new VectorLoadError(`${path}: the manifest does not list ${file}`)
      const count = listed.get(file)
      if (typeof count === 'number' && count !== f.vectors.length) throw new VectorLoadError(`${path}: the manifest says ${file} has ${count} vectors, it has ${f.vectors.length}`)
      listed.delete(file)
    }
    const missing = [...listed.keys()][0]
    if (missing !== undefined) throw new VectorLoadError(`${path}: the manifest lists ${missing}, which does not exist`)
  }
  if (typeof data.number_of_vectors === 'number' && data.number_of_vectors !== suite.vectors.length) {
    throw new VectorLoadError(`${path}: the manifest says ${data.number_of_vectors} vectors, the files have ${suite.vectors.length}`)
  }
  const retired = new Set(Array.isArray(data.retired_ids) ? data.retired_ids.map(String) : [])
  const reused = suite.vectors.find((v) => retired.has(v.vector.id))
  if (reused !== undefined) throw new VectorLoadError(`${path}: vector id ${reused.vector.id} (${reused.file}) is retired and may not be reused`)
}

/** Checks already-parsed vector files as loadVectors does (for vectors built in memory). */
export function suiteOf(files: readonly LoadedFile[], display: (file: string) => string = (f) => f, registry: CaveatRegistry = DEFAULT_REGISTRY): VectorSuite {
  const seen = new Map<string, string>()
  const vectors: LoadedVector[] = []
  for (const { file, data } of files) {
    const where = display(file)
    const problem = checkFile(data, seen, file, registry)
    if (problem !== null) throw new VectorLoadError(`${where}: ${problem}`)
    for (const vector of data.vectors) vectors.push({ vector, file })
  }
  return { files, vectors }
}

function listJson(root: string, dir: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!(dir === root && skip.has(entry.name))) out.push(...listJson(root, path, skip))
    } else if (entry.name.endsWith('.json')) {
      out.push(path)
    }
  }
  return out
}

/** Reads and schema-validates one vector file. Throws VectorLoadError naming the file. */
export function readVectorFile(path: string, registry: CaveatRegistry = DEFAULT_REGISTRY): VectorFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new VectorLoadError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new VectorLoadError(`${path}: not JSON (${(err as Error).message})`)
  }
  const problem = schemaProblem(data, registry)
  if (problem !== null) throw new VectorLoadError(`${path}: ${problem}`)
  return data as VectorFile
}

/** Why `data` is not a vector file by vector-file.schema.json (with `registry`'s context members), or null. */
export function schemaProblem(data: unknown, registry: CaveatRegistry = DEFAULT_REGISTRY): string | null {
  const valid = registry.validators.ref('vector-file.schema.json', data)
  if (valid.ok) return null
  const id = vectorIdAt(data, valid.message)
  return `does not match vector-file.schema.json: ${valid.message}${id === null ? '' : ` (vector ${id})`}`
}

/** The first rule a valid-by-schema file breaks, or null. Records its ids in `seen`. */
function checkFile(data: VectorFile, seen: Map<string, string>, file: string, registry: CaveatRegistry): string | null {
  if (data.number_of_vectors !== data.vectors.length) return `number_of_vectors is ${data.number_of_vectors} but the file has ${data.vectors.length} vectors`
  const topic = `${data.topic}::`
  for (const v of data.vectors) {
    if (!v.id.startsWith(topic)) return `vector id ${v.id} does not start with the file's topic "${data.topic}::"`
    const other = seen.get(v.id)
    if (other !== undefined) return `vector id ${v.id} is used twice${other === file ? ' in this file' : ` (also in ${other})`}`
    seen.set(v.id, file)
    const undefinedFlag = v.flags.find((f) => !Object.hasOwn(data.notes, f))
    if (undefinedFlag !== undefined) return `vector ${v.id} uses flag ${undefinedFlag}, which the file's notes do not define`
    if (v.op === 'verify') {
      const context = checkContext(v.input.context, registry)
      if (!context.ok) return `vector ${v.id} has a context that breaks CTX-1: ${context.message}`
    }
  }
  return null
}

/** The id of the vector an error path like `/vectors/3/expected` points into, if any. */
function vectorIdAt(data: unknown, message: string): string | null {
  const m = /^\/vectors\/(\d+)/.exec(message)
  if (m === null || data === null || typeof data !== 'object') return null
  const vectors = (data as { vectors?: unknown }).vectors
  const v = Array.isArray(vectors) ? (vectors[Number(m[1])] as { id?: unknown } | undefined) : undefined
  return typeof v?.id === 'string' ? v.id : null
}
