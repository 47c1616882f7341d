import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REGISTRY } from '../../src/caveats/registry.js'
import { changelogProblems, nextMinor, parseChangelog, proposalEntry, repositoryVersionProblems, tagRegistry, tagRegistryProblems } from '../../src/gate/versioning.js'
import { VERSION } from '../../src/version.js'

const root = join(import.meta.dirname, '..', '..')

const CHANGELOG = `# Changelog

Intro.

## Unreleased

### Added
- Proposed caveat \`release-version\` (tag 5, pypi/warehouse#12616): allowed
  release versions.
- Something else.

## 0.2.0

### Added
- Near-miss families.

## 0.1.0

The first.
`

describe('the repository follows spec/versioning.md', () => {
  it('names one version everywhere, keeps CHANGELOG.md in order and the tag registry exact (SEMVER-5, SEMVER-6, SEMVER-7)', () => {
    expect(repositoryVersionProblems(root, VERSION, DEFAULT_REGISTRY)).toEqual([])
  })
})

describe('CHANGELOG.md (SEMVER-6)', () => {
  it('reads Unreleased and the versions, with their lists and multi-line bullets', () => {
    const sections = parseChangelog(CHANGELOG)
    expect(sections.map((s) => s.version)).toEqual([null, '0.2.0', '0.1.0'])
    expect(sections[0]?.lists.get('Added')).toEqual(['Proposed caveat `release-version` (tag 5, pypi/warehouse#12616): allowed release versions.', 'Something else.'])
    expect(changelogProblems(sections)).toEqual([])
  })

  it('refuses Unreleased below a version, versions out of order or twice, and headings that are not versions', () => {
    const moved = CHANGELOG.replace('## Unreleased', '## Later').replace('## 0.1.0', '## Unreleased')
    expect(changelogProblems(parseChangelog(moved))).toEqual(['CHANGELOG.md: ## Later is neither Unreleased nor a version MAJOR.MINOR.PATCH', 'CHANGELOG.md: ## Unreleased must come before every version'])
    expect(changelogProblems(parseChangelog(CHANGELOG.replace('## 0.1.0', '## 0.3.0')))).toEqual(['CHANGELOG.md: ## 0.3.0 comes after ## 0.2.0: versions go newest first, each once'])
    expect(changelogProblems(parseChangelog(CHANGELOG.replace('## 0.1.0', '## 0.2.0')))).toEqual(['CHANGELOG.md: ## 0.2.0 comes after ## 0.2.0: versions go newest first, each once'])
    expect(changelogProblems(parseChangelog('# Changelog\n'))).toEqual(['CHANGELOG.md has no version'])
  })

  it("finds a proposal's entry only under Unreleased, Added, naming its slug in backticks and its tag (PROP-9)", () => {
    const sections = parseChangelog(CHANGELOG)
    expect(proposalEntry(sections, 'release-version', 5)).toContain('allowed release versions')
    expect(proposalEntry(sections, 'release-version', 6)).toBeNull()
    expect(proposalEntry(sections, 'release', 5)).toBeNull()
    expect(proposalEntry(parseChangelog(CHANGELOG.replace('### Added', '### Changed')), 'release-version', 5)).toBeNull()
    expect(proposalEntry(parseChangelog(CHANGELOG.replace('## Unreleased', '## 0.3.0')), 'release-version', 5)).toBeNull()
  })

  it('computes the next MINOR version for a new tag (SEMVER-2)', () => {
    expect(nextMinor('0.2.0')).toBe('0.3.0')
    expect(nextMinor('1.9.4')).toBe('1.10.0')
  })
})

describe('the tag registry (SEMVER-5)', () => {
  const table = (rows: string) => `<!-- tag-registry: tag | slug | status -->\n| tag | slug | status |\n|---|---|---|\n${rows}\n`
  const built = '| 0 | `expiration` | registered |\n| 1 | `project-names` | registered |\n| 2 | `project-ids` | registered |\n| 3 | `request-user` | registered |\n| 4 | `oidc-publisher` | registered |'

  it('matches the registered tags exactly, and keeps a retired tag out of the registry', () => {
    expect(tagRegistry(table(built))).toHaveLength(5)
    expect(tagRegistryProblems(tagRegistry(table(built)), DEFAULT_REGISTRY)).toEqual([])
    expect(tagRegistryProblems(tagRegistry(table(`${built}\n| 7 | \`gone\` | retired |`)), DEFAULT_REGISTRY)).toEqual([])
    expect(tagRegistryProblems(tagRegistry(table(built.replace('| 4 | `oidc-publisher` | registered |', '| 4 | `oidc-publisher` | retired |'))), DEFAULT_REGISTRY)).toEqual([
      'tag registry: tag 4 is retired, but the reference registers oidc-publisher under it',
    ])
    expect(tagRegistryProblems(tagRegistry(table(built.split('\n').slice(0, 4).join('\n'))), DEFAULT_REGISTRY)).toEqual([
      'tag registry: the reference registers oidc-publisher under tag 4, which the registry does not list',
    ])
    expect(tagRegistryProblems(tagRegistry(table(`${built}\n| 1 | \`x\` | retired |`)), DEFAULT_REGISTRY)).toContain('tag registry: tag 1 is listed twice')
    expect(tagRegistryProblems([], DEFAULT_REGISTRY)[0]).toBe('spec/caveats/index.md has no tag-registry table')
  })
})
