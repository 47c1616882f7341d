/**
 * @module PROP-16, PROP-17: ids that mean something. Every id mentioned anywhere in the proposal
 * resolves to the core specification or the proposal's spec page; every id the page defines is
 * cited by a vector that some declared or derived mutant flips — a vector nothing can turn is a
 * control, and an id only controls cite is a statement nothing checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { VectorFile } from '../../generated/types.js'
import { judged, listed, type CheckResult } from '../check.js'
import type { ProposalFolder } from '../proposal.js'
import { definedIds, specIds } from './spec-ids.js'

const TEXT = /\.(md|ts|json)$/
const prefix = (id: string) => id.replace(/-\d+$/, '')

/** The proposal's own text files (not the generated types), by path relative to the folder. */
function textFiles(dir: string, at = dir): string[] {
  return readdirSync(at).flatMap((n) => {
    const path = join(at, n)
    if (statSync(path).isDirectory()) return n === 'generated' || n === 'node_modules' ? [] : textFiles(dir, path)
    return TEXT.test(n) ? [relative(dir, path)] : []
  })
}

/** Ids of the known prefixes mentioned in `text`. */
export function mentionedIds(text: string, prefixes: ReadonlySet<string>): string[] {
  return [...new Set([...text.matchAll(/\b([A-Z][A-Z0-9]*)-(\d+)\b/g)].map((m) => m[0]).filter((id) => prefixes.has(prefix(id))))]
}

export function checkIds(root: string, folder: ProposalFolder, file: VectorFile, flipped: ReadonlySet<string>): CheckResult {
  const problems: string[] = []
  const own = definedIds(folder.spec)
  const known = new Set([...own, ...specIds(root)])
  const prefixes = new Set([...known].map(prefix))
  const unresolved: string[] = []
  for (const path of textFiles(folder.dir)) {
    for (const id of mentionedIds(readFileSync(join(folder.dir, path), 'utf8'), prefixes)) if (!known.has(id)) unresolved.push(`${path} mentions ${id}`)
  }
  if (unresolved.length > 0) problems.push(`ids that neither spec.md nor the specification defines (PROP-16): ${listed(unresolved)}`)
  const meaningless: string[] = []
  const counts: string[] = []
  for (const id of new Set(own)) {
    const citing = file.vectors.filter((v) => v.spec.includes(id))
    const flips = citing.filter((v) => flipped.has(v.id)).length
    counts.push(`${id} (${flips})`)
    if (flips === 0) meaningless.push(`${id} (cited by ${citing.length === 0 ? 'no vector' : listed(citing.map((v) => v.id), 3)})`)
  }
  if (meaningless.length > 0) problems.push(`ids no mutant can tell apart — cited by no vector that a declared or derived mutant flips (PROP-17): ${meaningless.join('; ')}`)
  return judged('ids', problems, `every id mentioned resolves; each defined id is cited by vectors a mutant flips: ${counts.join(', ')}`)
}
