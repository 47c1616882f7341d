/**
 * @module The rules of spec/versioning.md as checks: one version everywhere (SEMVER-7), the shape
 * of CHANGELOG.md (SEMVER-6), the tag registry (SEMVER-5), and what a proposal changes (PROP-9).
 * Used by the gate and by the repository's own test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaveatRegistry } from '../caveats/registry.js'

/** One `## ` section of CHANGELOG.md: `Unreleased` or a version, with its `### ` lists. */
export interface ChangelogSection {
  readonly heading: string
  /** The version, or null for `Unreleased`. */
  readonly version: string | null
  /** Bullets (continuation lines joined) by `### ` heading; bullets before any `### ` under ''. */
  readonly lists: ReadonlyMap<string, readonly string[]>
}

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/

export function parseChangelog(text: string): ChangelogSection[] {
  const sections: { heading: string; version: string | null; lists: Map<string, string[]> }[] = []
  let list: string[] | null = null
  for (const line of text.split('\n')) {
    const h2 = /^## (.+?)\s*$/.exec(line)
    if (h2 !== null) {
      const heading = h2[1] as string
      sections.push({ heading, version: heading === 'Unreleased' ? null : heading, lists: new Map() })
      list = null
      continue
    }
    const section = sections.at(-1)
    if (section === undefined) continue
    const h3 = /^### (.+?)\s*$/.exec(line)
    if (h3 !== null) {
      section.lists.set(h3[1] as string, (list = []))
    } else if (line.startsWith('- ')) {
      if (list === null) section.lists.set('', (list = []))
      list.push(line.slice(2).trim())
    } else if (/^\s+\S/.test(line) && list !== null && list.length > 0) {
      list[list.length - 1] += ` ${line.trim()}`
    }
  }
  return sections
}

const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number)
  return 0
}

/** SEMVER-6: `## Unreleased` only first, then versions, each MAJOR.MINOR.PATCH, newest first, once each. */
export function changelogProblems(sections: readonly ChangelogSection[]): string[] {
  const problems: string[] = []
  sections.forEach((s, i) => {
    if (s.version === null) {
      if (i !== 0) problems.push('CHANGELOG.md: ## Unreleased must come before every version')
      return
    }
    if (!SEMVER.test(s.version)) problems.push(`CHANGELOG.md: ## ${s.heading} is neither Unreleased nor a version MAJOR.MINOR.PATCH`)
    const before = sections.slice(0, i).find((p) => p.version !== null && SEMVER.test(p.version) && SEMVER.test(s.version as string) && compare(p.version, s.version as string) <= 0)
    if (before !== undefined) problems.push(`CHANGELOG.md: ## ${s.version} comes after ## ${before.version}: versions go newest first, each once`)
  })
  if (!sections.some((s) => s.version !== null)) problems.push('CHANGELOG.md has no version')
  return problems
}

/** The newest released version of a changelog, or null. */
export const newestVersion = (sections: readonly ChangelogSection[]): string | null => sections.find((s) => s.version !== null)?.version ?? null

/** PROP-9, SEMVER-2: the version a new caveat tag is released in. */
export function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number) as [number, number]
  return `${major}.${minor + 1}.0`
}

/** The bullet under `## Unreleased` → `### Added` that names `slug` in backticks and `tag N`, or null. */
export function proposalEntry(sections: readonly ChangelogSection[], slug: string, tag: number): string | null {
  const unreleased = sections[0]?.version === null ? sections[0] : undefined
  const added = unreleased?.lists.get('Added') ?? []
  return added.find((b) => b.includes(`\`${slug}\``) && new RegExp(`\\btag ${tag}\\b`).test(b)) ?? null
}

export interface TagEntry {
  readonly tag: number
  readonly slug: string
  readonly status: string
}

/** The tag registry of spec/caveats/index.md: the table after `<!-- tag-registry … -->`. */
export function tagRegistry(markdown: string): TagEntry[] {
  const start = markdown.indexOf('<!-- tag-registry')
  if (start < 0) return []
  const out: TagEntry[] = []
  for (const row of markdown.slice(start).split('\n').slice(3)) {
    if (!row.startsWith('|')) break
    const [tag = '', slug = '', status = ''] = row.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''))
    out.push({ tag: Number(tag), slug, status })
  }
  return out
}

/** SEMVER-5, SEMVER-7: the registry's tags are exactly the registered ones; none is listed twice. */
export function tagRegistryProblems(entries: readonly TagEntry[], registry: CaveatRegistry): string[] {
  const problems: string[] = []
  if (entries.length === 0) problems.push('spec/caveats/index.md has no tag-registry table')
  for (const e of entries) {
    if (!Number.isSafeInteger(e.tag) || e.tag < 0) problems.push(`tag registry: ${JSON.stringify(e.tag)} is not a tag`)
    if (e.status !== 'registered' && e.status !== 'retired') problems.push(`tag registry: tag ${e.tag} has status ${JSON.stringify(e.status)} (registered or retired)`)
    if (entries.filter((x) => x.tag === e.tag).length > 1) problems.push(`tag registry: tag ${e.tag} is listed twice`)
    const module = registry.byTag.get(e.tag)
    if (e.status === 'registered' && module?.slug !== e.slug) problems.push(`tag registry: tag ${e.tag} is registered to ${e.slug}, but the reference has ${module?.slug ?? 'nothing'} there`)
    if (e.status === 'retired' && module !== undefined) problems.push(`tag registry: tag ${e.tag} is retired, but the reference registers ${module.slug} under it`)
  }
  for (const [tag, module] of registry.byTag) {
    if (!entries.some((e) => e.tag === tag)) problems.push(`tag registry: the reference registers ${module.slug} under tag ${tag}, which the registry does not list`)
  }
  return [...new Set(problems)]
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'candidates' ? [] : jsonFiles(join(dir, e.name))) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
}

/**
 * SEMVER-5 … SEMVER-7 on a repository: one version in package.json, the reference, every vector
 * file, the manifest, the spec and the newest CHANGELOG version; the CHANGELOG's shape; the tag
 * registry against the reference's registry.
 */
export function repositoryVersionProblems(root: string, referenceVersion: string, registry: CaveatRegistry): string[] {
  const read = (path: string) => readFileSync(join(root, path), 'utf8')
  const problems: string[] = []
  const version = (JSON.parse(read('package.json')) as { version: string }).version
  const differs = (where: string, v: unknown) => v !== version && problems.push(`${where} says ${JSON.stringify(v)}, package.json ${version} (SEMVER-7)`)
  differs('the reference (src/version.ts)', referenceVersion)
  for (const path of jsonFiles(join(root, 'vectors'))) differs(path.slice(root.length + 1), (JSON.parse(readFileSync(path, 'utf8')) as { suite_version?: unknown }).suite_version)
  differs('spec/index.md', /^Version (\S+) of this specification/m.exec(read('spec/index.md'))?.[1] ?? 'no version')
  const changelog = existsSync(join(root, 'CHANGELOG.md')) ? parseChangelog(read('CHANGELOG.md')) : []
  problems.push(...changelogProblems(changelog))
  differs('the newest version of CHANGELOG.md', newestVersion(changelog))
  problems.push(...tagRegistryProblems(tagRegistry(read('spec/caveats/index.md')), registry))
  return problems
}
