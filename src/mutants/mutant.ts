/**
 * @module What a mutant is, and patching one into a source text. A mutant is a plausible bug in
 * the reference implementation: one or more exact text replacements in one file under `src/`.
 * Every `find` must occur exactly once, so a refactoring that moves the code makes the mutant
 * "no longer apply" loudly instead of silently testing nothing.
 */

export interface Edit {
  /** Exact text that must occur exactly once in the file. */
  readonly find: string
  readonly replace: string
}

export interface Mutant extends Edit {
  /** Unique, stable, `area/kind` (e.g. `project-names/prefix`). */
  readonly name: string
  /** Path under the repository root, always under `src/` (e.g. `src/caveats/window.ts`). */
  readonly file: string
  /** The bug in one sentence. */
  readonly description: string
  /** Spec ids and vector families (file topics) that should kill it. */
  readonly targets: readonly string[]
  /** Further edits in the same file, applied after the first (each must also occur exactly once). */
  readonly also?: readonly Edit[]
}

export type PatchResult = { ok: true; text: string } | { ok: false; message: string }

function occurrences(text: string, find: string): number {
  if (find === '') return Infinity
  let count = 0
  for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + 1)) count++
  return count
}

/**
 * Applies the mutant's edits to `source` (the text of `mutant.file`). Fails when an edit's
 * `find` does not occur exactly once, or when the edits leave the text unchanged.
 */
export function patch(source: string, mutant: Mutant): PatchResult {
  let text = source
  for (const [i, edit] of [mutant, ...(mutant.also ?? [])].entries()) {
    const count = occurrences(text, edit.find)
    if (count !== 1) {
      const which = i === 0 ? '`find`' : `\`also[${i - 1}].find\``
      const times = count === Infinity ? 'is empty' : `occurs ${count} times`
      return { ok: false, message: `mutant ${mutant.name} no longer applies: its ${which} ${times} in ${mutant.file} (must be exactly once)` }
    }
    const at = text.indexOf(edit.find)
    text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length)
  }
  if (text === source) return { ok: false, message: `mutant ${mutant.name} no longer applies: its edits leave ${mutant.file} unchanged` }
  return { ok: true, text }
}

/** Problems with a catalog's shape: duplicate names, files outside `src/`, missing descriptions or targets. */
export function catalogProblems(mutants: readonly Mutant[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const m of mutants) {
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(m.name)) problems.push(`mutant name ${JSON.stringify(m.name)} is not area/kind in lower case`)
    if (seen.has(m.name)) problems.push(`mutant ${m.name} is defined twice`)
    seen.add(m.name)
    if (!m.file.startsWith('src/') || m.file.includes('..') || m.file.startsWith('src/mutants/')) problems.push(`mutant ${m.name}: file ${m.file} is not under src/`)
    if (m.description.trim() === '') problems.push(`mutant ${m.name} has no description`)
    if (m.targets.length === 0) problems.push(`mutant ${m.name} has no targets`)
  }
  return problems
}

/** Glob-style selection (`*` matches anything): the mutants whose name matches any pattern. */
export function selectMutants(mutants: readonly Mutant[], patterns: readonly string[]): { selected: Mutant[]; unmatched: string[] } {
  if (patterns.length === 0) return { selected: [...mutants], unmatched: [] }
  const matchers = patterns.map((p) => ({ p, re: new RegExp(`^${p.split('*').map(escapeRegExp).join('.*')}$`) }))
  const selected = mutants.filter((m) => matchers.some(({ re }) => re.test(m.name)))
  const unmatched = matchers.filter(({ re }) => !mutants.some((m) => re.test(m.name))).map(({ p }) => p)
  return { selected, unmatched }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
