/**
 * npm run coverage:spec — which vectors (or tests) exercise each spec id, and whether the suite
 * covers what spec/vector-format.md#coverage requires. Exits 1 below 100%.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Vector, VectorFile } from '../src/generated/types.js'
import { commonSchema } from '../src/generated/schemas.js'
import { FLAGS } from './vectors/flags.js'
import { DEFAULT_REGISTRY } from '../src/caveats/registry.js'
import { comparisonRules, familyProblems } from '../src/vectors/near-miss-coverage.js'
import { BASE_CONTEXTS } from './vectors/near-miss-vectors.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Ids about the suite itself: covered by tests in test/, not by vectors. */
const SUITE_PREFIXES = ['CONF', 'ADAPT', 'VEC', 'SEMVER', 'PROP', 'INTEROP', 'LIB']
/** The codes spec/reason-codes.md marks as never in vectors (its call-codes table, column "in vectors" = no). */
function libraryOnlyReasons(): string[] {
  const text = readFileSync(join(root, 'spec/reason-codes.md'), 'utf8')
  const start = text.indexOf('<!-- call-codes')
  const rows = start < 0 ? [] : text.slice(start).split('\n').slice(3)
  const out: string[] = []
  for (const row of rows) {
    if (!row.startsWith('|')) break
    const [code, , inVectors] = row.split('|').slice(1, -1).map((c) => c.trim())
    if (inVectors?.startsWith('no')) out.push((code ?? '').replace(/`/g, ''))
  }
  return out
}
/** Flags that mark a near miss: one character, type or member away from the other verdict. */
const NEAR_MISS = ['NearMiss', 'TagTyping', 'FloatNumber', 'TrailingElements', 'LegacyExtraKeys', 'LegacyVersionTyping', 'NameNormalization', 'UuidCase', 'NonUuidId', 'DuplicateKey', 'LoneSurrogate', 'JsonWhitespace', 'TimeBoundary', 'HugeInteger', 'ExpiryFirst']

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return ['candidates', 'node_modules', 'fixtures', '.venv', 'generated'].includes(name) ? [] : walk(path, ext)
    return path.endsWith(ext) ? [path] : []
  })
}

/** GitHub-style heading anchor. */
const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ /g, '-')

export interface Coverage {
  ids: { id: string; page: string; citedBy: string[] }[]
  problems: string[]
  vectors: number
}

export function computeCoverage(): Coverage {
  const problems: string[] = []
  const ids: Coverage['ids'] = []
  for (const page of walk(join(root, 'spec'), '.md')) {
    for (const m of readFileSync(page, 'utf8').matchAll(/\*\*([A-Z]+-\d+)\b[^*]*\*\*/g)) {
      const id = m[1] as string
      if (ids.some((x) => x.id === id)) problems.push(`${id} is defined twice`)
      ids.push({ id, page: relative(root, page), citedBy: [] })
    }
  }
  const files = walk(join(root, 'vectors'), '.json').filter((p) => !p.endsWith('vectors/index.json')).map((p) => ({ path: relative(root, p), file: JSON.parse(readFileSync(p, 'utf8')) as VectorFile }))
  const vectors: (Vector & { topic: string })[] = files.flatMap(({ file }) => file.vectors.map((v) => ({ ...v, topic: file.topic })))
  const tests = walk(join(root, 'test'), '.ts').map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }))

  for (const entry of ids) {
    if (SUITE_PREFIXES.includes(entry.id.split('-')[0] as string)) {
      entry.citedBy = tests.filter((t) => new RegExp(`\\b${entry.id}\\b`).test(t.text)).map((t) => t.path)
    } else {
      entry.citedBy = vectors.filter((v) => v.spec.includes(entry.id)).map((v) => v.id)
    }
    if (entry.citedBy.length === 0) problems.push(`${entry.id} (${entry.page}) is cited by no ${SUITE_PREFIXES.includes(entry.id.split('-')[0] as string) ? 'test' : 'vector'}`)
  }
  for (const v of vectors) for (const id of v.spec) if (!ids.some((x) => x.id === id)) problems.push(`${v.id} cites ${id}, which the spec does not define`)

  // Every reason code appears in an expected result.
  // Every reason code appears in an expected result, except those reason-codes.md says never do,
  // which must then appear in no vector and be tested by a library test.
  const libraryOnly = libraryOnlyReasons()
  const inVector = (reason: string) => vectors.some((v) => 'reason' in v.expected && (v.expected.reason === reason || (v.expected as { acceptable_reasons?: string[] }).acceptable_reasons?.includes(reason)))
  for (const reason of commonSchema.definitions.ReasonCode.enum as readonly string[]) {
    if (libraryOnly.includes(reason)) {
      if (inVector(reason)) problems.push(`reason ${reason} is marked "no" in reason-codes.md's call-codes table but a vector uses it`)
      if (!tests.some((t) => t.text.includes(reason))) problems.push(`library-only reason ${reason} is tested nowhere`)
    } else if (!inVector(reason)) problems.push(`reason ${reason} appears in no expected result`)
  }

  // Every caveat has valid, not-satisfied, malformed, near-miss and restrict vectors.
  for (const { file } of files.filter(({ path }) => path.startsWith('vectors/caveats/'))) {
    const vs = file.vectors
    const verdicts = vs.filter((v) => v.op === 'verify')
    const need: [string, boolean][] = [
      ['a valid vector', verdicts.some((v) => v.expected.result === 'valid')],
      ['a CAVEAT_NOT_SATISFIED vector', verdicts.some((v) => 'reason' in v.expected && v.expected.reason === 'CAVEAT_NOT_SATISFIED')],
      ['a CAVEAT_MALFORMED vector', verdicts.some((v) => 'reason' in v.expected && v.expected.reason === 'CAVEAT_MALFORMED')],
      ['a near-miss vector', vs.some((v) => v.flags.some((f) => NEAR_MISS.includes(f)))],
      ['a restrict vector', vs.some((v) => v.op === 'restrict')],
    ]
    for (const [what, ok] of need) if (!ok) problems.push(`caveat ${file.topic} has no ${what}`)
  }

  problems.push(...nearMissProblems(vectors))

  // Every decision has a flagged vector, and every flag points at a decision that exists.
  const decisions = [...readFileSync(join(root, 'spec/decisions.md'), 'utf8').matchAll(/^## (D\d+\. .+)$/gm)].map((m) => slug(m[1] as string))
  const flagged = new Set(vectors.flatMap((v) => v.flags))
  for (const [flag, note] of Object.entries(FLAGS)) {
    const anchor = note.decision?.split('#')[1]
    if (anchor === undefined || !decisions.includes(anchor)) problems.push(`flag ${flag} points at ${note.decision}, which is not a heading of spec/decisions.md`)
  }
  for (const decision of decisions) {
    const flags = Object.entries(FLAGS).filter(([, n]) => n.decision?.endsWith(`#${decision}`)).map(([f]) => f)
    if (!flags.some((f) => flagged.has(f))) problems.push(`decision ${decision} has no flagged vector`)
  }

  // Ids cited in code, tests and adapters exist.
  const defined = new Set(ids.map((x) => x.id))
  const prefixes = [...new Set(ids.map((x) => x.id.split('-')[0]))].join('|')
  const sources = ['src', 'scripts', 'test'].flatMap((d) => walk(join(root, d), '.ts')).concat(walk(join(root, 'adapters'), '.py'))
  for (const path of sources) {
    for (const m of readFileSync(path, 'utf8').matchAll(new RegExp(`\\b(?:${prefixes})-\\d+\\b`, 'g'))) {
      if (!defined.has(m[0])) problems.push(`${relative(root, path)} cites ${m[0]}, which the spec does not define`)
    }
  }

  // Links to decisions from the spec resolve.
  for (const page of walk(join(root, 'spec'), '.md')) {
    for (const m of readFileSync(page, 'utf8').matchAll(/decisions\.md#([a-z0-9-]+)/g)) {
      if (!decisions.includes(m[1] as string)) problems.push(`${relative(root, page)} links to decisions.md#${m[1]}, which does not exist`)
    }
  }
  return { ids, problems, vectors: vectors.length }
}

/** CTX-3, VEC-10: every comparison rule of spec/verification.md has its whole near-miss family. */
function nearMissProblems(vectors: readonly Vector[]): string[] {
  const rules = comparisonRules(readFileSync(join(root, 'spec/verification.md'), 'utf8'))
  if (rules.length === 0) return ['spec/verification.md has no comparison-rules table']
  return familyProblems(rules, vectors, { bases: BASE_CONTEXTS(), registry: DEFAULT_REGISTRY })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ids, problems, vectors } = computeCoverage()
  const width = Math.max(...ids.map((x) => x.id.length))
  for (const { id, page, citedBy } of ids) {
    const shown = citedBy.slice(0, 3).join(', ') + (citedBy.length > 3 ? `, … (${citedBy.length})` : '')
    console.log(`${id.padEnd(width)}  ${String(citedBy.length).padStart(3)}  ${page.padEnd(34)} ${shown || '—'}`)
  }
  const covered = ids.filter((x) => x.citedBy.length > 0).length
  console.log(`\n${covered}/${ids.length} spec ids covered (${((100 * covered) / ids.length).toFixed(1)}%), ${vectors} vectors`)
  for (const p of problems) console.log(`problem: ${p}`)
  process.exitCode = problems.length === 0 ? 0 : 1
}
