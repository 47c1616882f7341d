/** @module PROP-3: every id of the proposal's spec page is cited by its vectors, and they cite no unknown id. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { VectorFile } from '../../generated/types.js'
import { judged, listed, type CheckResult } from '../check.js'

/** The ids a spec page defines: `**ID-1.**` in bold where defined (spec/index.md). */
export function definedIds(markdown: string): string[] {
  return [...markdown.matchAll(/\*\*([A-Z]+-\d+)\b[^*]*\*\*/g)].map((m) => m[1] as string)
}

/** Every id of the specification under `root/spec`. */
export function specIds(root: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.md') ? [join(dir, n)] : []))
  return walk(join(root, 'spec')).flatMap((page) => definedIds(readFileSync(page, 'utf8')))
}

const prefix = (id: string) => id.replace(/-\d+$/, '')

export function checkSpecIds(root: string, spec: string, file: VectorFile): CheckResult {
  const problems: string[] = []
  const own = definedIds(spec)
  const core = specIds(root)
  if (own.length === 0) problems.push('spec.md defines no id (ids are in bold where defined: **ABC-1.**)')
  const corePrefixes = new Set(core.map(prefix))
  for (const p of new Set(own.map(prefix))) if (corePrefixes.has(p)) problems.push(`spec.md uses the prefix ${p}, which the specification already uses`)
  for (const id of new Set(own)) if (own.filter((x) => x === id).length > 1) problems.push(`spec.md defines ${id} twice`)
  const citing = (id: string) => file.vectors.filter((v) => v.spec.includes(id)).length
  const uncited = own.filter((id) => citing(id) === 0)
  if (uncited.length > 0) problems.push(`cited by no vector: ${uncited.join(', ')}`)
  const known = new Set([...own, ...core])
  const unknown = file.vectors.flatMap((v) => v.spec.filter((id) => !known.has(id)).map((id) => `${v.id} cites ${id}`))
  if (unknown.length > 0) problems.push(`ids neither spec.md nor the specification defines: ${listed(unknown)}`)
  return judged('spec-ids', problems, `${own.map((id) => `${id} (${citing(id)})`).join(', ')}: each cited by the proposal's vectors`)
}
