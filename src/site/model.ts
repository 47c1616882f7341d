/**
 * @module Everything the site is built from, read once: the spec's Markdown and the ids it
 * defines, the vectors, the adapters with their xfail files and latest reports, and the
 * cross-references between them (id → vectors, vector → results per implementation).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { validateRef } from '../caveats/schema-validator.js'
import type { ConformanceResults, InteropResults, VectorResult, XfailEntry } from '../generated/types.js'
import { loadXfailFile } from '../harness/judging/xfail.js'
import { loadAdapterConfig } from '../harness/reports/matrix.js'
import { loadVectors, type LoadedFile, type LoadedVector } from '../vectors/load.js'
import { DEFINITION } from './markdown.js'
import { docPage, specPage } from './paths.js'

export interface SpecFile {
  /** Repository path, e.g. `spec/caveats/expiration.md`. */
  readonly source: string
  readonly page: string
  readonly text: string
}

export interface Implementation {
  readonly name: string
  readonly command: string
  readonly xfailFile: string | null
  readonly xfails: readonly XfailEntry[]
  /** The latest report, or null with the reason in `missing`. */
  readonly results: ConformanceResults | null
  readonly missing: string | null
  /** When the report was written (its file's modification time, ISO-8601), or null without one. */
  readonly reportDate: string | null
}

/** A page of docs/ (maintainer data: mutation, bench, findings…), rendered by the generic renderer. */
export interface DocFile {
  /** Repository path, e.g. `docs/bench.md`. */
  readonly source: string
  readonly page: string
  readonly text: string
}

export interface SiteModel {
  readonly root: string
  readonly specFiles: readonly SpecFile[]
  /** Normative id → page defining it. */
  readonly definitions: ReadonlyMap<string, string>
  readonly files: readonly LoadedFile[]
  readonly vectors: readonly LoadedVector[]
  readonly vectorById: ReadonlyMap<string, LoadedVector>
  /** Spec id → the vectors citing it, in suite order. */
  readonly citedBy: ReadonlyMap<string, readonly LoadedVector[]>
  /** Suite ids (CONF, ADAPT, VEC, SEMVER) and laws (LAW, also fast-check properties) → test files that cite them. */
  readonly testedBy: ReadonlyMap<string, readonly string[]>
  readonly implementations: readonly Implementation[]
  /** Vector id → implementation name → its result in that implementation's latest report. */
  readonly results: ReadonlyMap<string, ReadonlyMap<string, VectorResult>>
  /** The latest interop report (`<reports>/interop/interop.json`), or null with the reason. */
  readonly interop: InteropResults | null
  readonly interopMissing: string | null
  /** The Markdown files of docs/, in name order. */
  readonly docs: readonly DocFile[]
  /** The package's version and the commit the site was built from (null outside a git checkout). */
  readonly suite: { readonly version: string; readonly commit: string | null }
}

export interface ModelOptions {
  readonly root: string
  /** Where `conformance matrix` wrote its reports (`<dir>/<name>/results.json`). Default `<root>/reports`. */
  readonly reportsDir?: string
}

/** Ids whose statements list the tests citing them: the suite's own, and the laws. */
const TESTED_PREFIXES = ['CONF', 'ADAPT', 'VEC', 'SEMVER', 'LAW']

function walk(dir: string, ext: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return skip.includes(name) ? [] : walk(path, ext, skip)
      return path.endsWith(ext) ? [path] : []
    })
}

const posixPath = (root: string, path: string) => relative(root, path).split('\\').join('/')

/** Reads the repository at `root`. Throws when the spec or the vectors cannot be read. */
export function loadModel(options: ModelOptions): SiteModel {
  const { root } = options
  const specFiles = walk(join(root, 'spec'), '.md').map((path) => {
    const source = posixPath(root, path)
    return { source, page: specPage(source), text: readFileSync(path, 'utf8') }
  })
  const definitions = new Map<string, string>()
  for (const f of specFiles) {
    for (const m of f.text.matchAll(/\*\*([A-Z]+-\d+)\b[^*]*\*\*/g)) if (DEFINITION.test(m[1] as string) && !definitions.has(m[1] as string)) definitions.set(m[1] as string, f.page)
  }

  const suite = loadVectors(join(root, 'vectors'))
  const citedBy = new Map<string, LoadedVector[]>()
  for (const lv of suite.vectors) for (const id of lv.vector.spec) (citedBy.get(id) ?? citedBy.set(id, []).get(id)!).push(lv)

  const tests = walk(join(root, 'test'), '.ts', ['fixtures', 'node_modules', '.venv']).map((p) => ({ path: posixPath(root, p), text: readFileSync(p, 'utf8') }))
  const testedBy = new Map<string, string[]>()
  for (const id of definitions.keys()) {
    if (!TESTED_PREFIXES.includes(id.split('-')[0] as string)) continue
    testedBy.set(id, tests.filter((t) => new RegExp(`\\b${id}\\b`).test(t.text)).map((t) => t.path))
  }

  const reportsDir = options.reportsDir ?? join(root, 'reports')
  const implementations = loadAdapterConfig(join(root, 'adapters', 'adapters.json')).map((entry): Implementation => {
    const xfailFile = entry.xfail ?? null
    const xfails = xfailFile !== null && existsSync(join(root, xfailFile)) ? loadXfailFile(join(root, xfailFile)).entries : []
    const report = readReport(join(reportsDir, entry.name, 'results.json'))
    const reportPath = join(reportsDir, entry.name, 'results.json')
    const reportDate = report.results === null ? null : statSync(reportPath).mtime.toISOString().replace(/\.\d+Z$/, 'Z')
    return { name: entry.name, command: entry.command, xfailFile, xfails, results: report.results, missing: report.missing, reportDate }
  })
  const results = new Map<string, Map<string, VectorResult>>()
  for (const impl of implementations) {
    for (const r of impl.results?.results ?? []) (results.get(r.id) ?? results.set(r.id, new Map()).get(r.id)!).set(impl.name, r)
  }
  return {
    root,
    specFiles,
    definitions,
    files: suite.files,
    vectors: suite.vectors,
    vectorById: new Map(suite.vectors.map((lv) => [lv.vector.id, lv])),
    citedBy,
    testedBy,
    implementations,
    results,
    ...readInterop(join(reportsDir, 'interop', 'interop.json')),
    docs: existsSync(join(root, 'docs')) ? walk(join(root, 'docs'), '.md').map((path) => ({ source: posixPath(root, path), page: docPage(posixPath(root, path)), text: readFileSync(path, 'utf8') })) : [],
    suite: { version: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version, commit: gitCommit(root) },
  }
}

/** The commit checked out at `root`, or null (no git, or not a checkout). */
function gitCommit(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

function readInterop(path: string): { interop: InteropResults | null; interopMissing: string | null } {
  if (!existsSync(path)) return { interop: null, interopMissing: 'No interop report yet. Run npm run conformance -- interop, then npm run docs.' }
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
    const valid = validateRef('interop-results.schema.json', data)
    return valid.ok ? { interop: data as InteropResults, interopMissing: null } : { interop: null, interopMissing: `The interop report does not match interop-results.schema.json: ${valid.message}` }
  } catch (err) {
    return { interop: null, interopMissing: `The interop report is not JSON (${(err as Error).message}).` }
  }
}

/** Said once on a page, however many implementations lack a report. */
export const NO_REPORT = 'No report yet. Run npm run conformance, then npm run docs.'

function readReport(path: string): { results: ConformanceResults | null; missing: string | null } {
  if (!existsSync(path)) return { results: null, missing: NO_REPORT }
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    return { results: null, missing: `the report is not JSON (${(err as Error).message})` }
  }
  const valid = validateRef('results.schema.json', data)
  if (!valid.ok) return { results: null, missing: `the report does not match results.schema.json: ${valid.message}` }
  return { results: data as ConformanceResults, missing: null }
}
