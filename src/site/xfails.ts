/**
 * @module An implementation's xfail entries as the site shows them: entries that say the same
 * thing (level, flag, reason, effect, spec ids) are one group, with every vector they match.
 */
import type { XfailEntry } from '../generated/types.js'
import { wildcard } from '../harness/judging/wildcard.js'
import { XFAIL_CLASSES, Xfails } from '../harness/judging/xfail.js'
import type { Implementation, SiteModel } from './model.js'

export interface XfailGroup {
  readonly level: XfailEntry['level']
  /** The severity class (xfail-file.schema.json), the same for every entry of the group. */
  readonly class: XfailEntry['class']
  readonly flag: string | null
  readonly reason: string
  readonly effect: string
  readonly spec: readonly string[]
  readonly links: readonly string[]
  /** Upstream source locations at the tested version (`where` of the entries, else `path.py:line` found in the reason). */
  readonly where: readonly string[]
  /** The vector ids the group's entries match, in suite order. */
  readonly vectors: readonly string[]
}

/** A group that is the caller's part of restrict for a macaroon library (spec/libraries.md, LIB-3): listed on the library's page, but neither its defect nor a deviation in a caveat. */
export const callersPart = (g: XfailGroup) => g.spec.includes('LIB-3')

/** `warehouse/macaroons/caveats/_legacy.py:60-61`, `_core.py:174`, `(:157)`: file:line references in prose. */
const LOCATION = /[\w./-]+\.py:\d+(?:-\d+)?/g

const cache = new WeakMap<Implementation, XfailGroup[]>()

/** Human words for a class slug: `widens-access` → `widens access`. */
export const classLabel = (c: XfailEntry['class']) => c.replace(/-/g, ' ')

/** Groups in the order of the schema's classes, most severe first; within a class, as in the file. */
export function byClass(groups: readonly XfailGroup[]): XfailGroup[] {
  return groups.map((g, i) => ({ g, i })).sort((a, b) => XFAIL_CLASSES.indexOf(a.g.class) - XFAIL_CLASSES.indexOf(b.g.class) || a.i - b.i).map(({ g }) => g)
}

/** The implementation's xfail groups; with `onlyVectors`, only the groups (and vectors) among them. */
export function groupXfails(model: SiteModel, impl: Implementation, onlyVectors?: ReadonlySet<string>): XfailGroup[] {
  let all = cache.get(impl)
  if (all === undefined) cache.set(impl, (all = computeGroups(model, impl)))
  if (onlyVectors === undefined) return all
  return all.map((g) => ({ ...g, vectors: g.vectors.filter((v) => onlyVectors.has(v)) })).filter((g) => g.vectors.length > 0)
}

function computeGroups(model: SiteModel, impl: Implementation): XfailGroup[] {
  const groups = new Map<string, { entries: XfailEntry[]; vectors: Set<string> }>()
  for (const entry of impl.xfails) {
    const key = JSON.stringify([entry.level, entry.class, entry.flag ?? null, entry.reason, entry.effect, entry.spec])
    const group = groups.get(key) ?? groups.set(key, { entries: [], vectors: new Set() }).get(key)!
    group.entries.push(entry)
    const matches = wildcard(entry.id)
    for (const lv of model.vectors) if (matches(lv.vector.id)) group.vectors.add(lv.vector.id)
  }
  const order = new Map(model.vectors.map((lv, i) => [lv.vector.id, i]))
  return [...groups.values()]
    .filter((g) => g.vectors.size > 0)
    .map(({ entries, vectors }) => {
      const first = entries[0] as XfailEntry
      const declared = entries.flatMap((e) => e.where ?? [])
      return {
        level: first.level,
        class: first.class,
        flag: first.flag ?? null,
        reason: first.reason,
        effect: first.effect,
        spec: first.spec,
        links: [...new Set(entries.flatMap((e) => e.links ?? []))],
        where: [...new Set(declared.length > 0 ? declared : [...first.reason.matchAll(LOCATION)].map((m) => m[0]))],
        vectors: [...vectors].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      }
    })
}

const matchers = new WeakMap<Implementation, Xfails>()

/** The xfail entry of an implementation that matches a vector (the first, as the harness takes it). */
export function xfailOf(impl: Implementation, id: string): XfailEntry | undefined {
  let x = matchers.get(impl)
  if (x === undefined) matchers.set(impl, (x = new Xfails(impl.xfails)))
  return x.match(id)
}
