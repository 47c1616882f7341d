/**
 * @module PROP-9: the semver impact of the proposal, computed from spec/versioning.md — a new tag
 * is MINOR (SEMVER-2), a changed existing result MAJOR (SEMVER-1) — the versions its spec page and
 * vectors carry, and its CHANGELOG entry.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { VectorFile } from '../../generated/types.js'
import { judged, type CheckResult } from '../check.js'
import { changelogProblems, nextMinor, parseChangelog, proposalEntry } from '../versioning.js'

export interface SemverInput {
  readonly root: string
  readonly slug: string
  readonly tag: number
  readonly spec: string
  readonly file: VectorFile | null
  /** Whether existing vectors keep their results (null: not known, the check did not run). */
  readonly existingKept: boolean | null
  readonly changelog: string
}

export function checkSemver(input: SemverInput): CheckResult {
  const problems: string[] = []
  const current = (JSON.parse(readFileSync(join(input.root, 'package.json'), 'utf8')) as { version: string }).version
  const target = nextMinor(current)
  if (input.existingKept === false) problems.push(`the proposal changes existing vectors' results, a MAJOR change (SEMVER-1), which a new tag must not make`)
  const stated = /^Proposed for version (\S+?)\s/m.exec(input.spec)?.[1]
  if (stated !== target) problems.push(`spec.md must say "Proposed for version ${target}" (a new tag is MINOR: ${current} → ${target}, SEMVER-2)${stated === undefined ? '' : `, not ${stated}`}`)
  if (input.file !== null && input.file.suite_version !== target) problems.push(`the vector file's suite_version is ${input.file.suite_version}, not ${target} (SEMVER-2)`)
  let entry: string | null = null
  if (!existsSync(input.changelog)) problems.push(`${input.changelog} does not exist`)
  else {
    const sections = parseChangelog(readFileSync(input.changelog, 'utf8'))
    problems.push(...changelogProblems(sections))
    entry = proposalEntry(sections, input.slug, input.tag)
    if (entry === null) problems.push(`CHANGELOG.md has no entry for the proposal: under "## Unreleased", "### Added", a bullet naming \`${input.slug}\` and "tag ${input.tag}" (PROP-9, SEMVER-6)`)
  }
  return judged('semver', problems, `MINOR (a new tag, SEMVER-2): spec and vectors ${current} → ${target}; CHANGELOG.md: "${entry ?? ''}"`)
}
