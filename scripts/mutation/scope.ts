/** Which files mutation testing (StrykerJS) covers: the `mutate` patterns of stryker.config.json. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** The `mutate` patterns of stryker.config.json (globs like `src/json/**\/*.ts` or plain paths). */
export function scopePatterns(root = ROOT): string[] {
  const config = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8')) as { mutate: string[] }
  return config.mutate
}

/** Whether a repository path is in scope: under a `dir/**\/*.ts` pattern's folder, or a listed path. */
export function inScope(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const m = /^(.*)\/\*\*\/\*\.ts$/.exec(p)
    return m === null ? p === path : path.startsWith(`${m[1]}/`) && path.endsWith('.ts')
  })
}

/** Every file under src/ that is in scope, as repository paths, sorted. */
export function filesInScope(patterns: readonly string[], root = ROOT): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(root, join(dir, e.name))]))
  return walk(join(root, 'src')).filter((f) => inScope(f, patterns)).sort()
}

/**
 * The files Stryker was asked to mutate that have no valid mutant: those its report lists without
 * a score, and those it leaves out of its report altogether (it omits a file it finds nothing to
 * mutate in, such as one of types or re-exports).
 */
export function filesWithoutMutants(mutated: readonly string[], reported: readonly string[], measured: readonly string[]): string[] {
  return [...new Set([...reported, ...mutated])].filter((f) => !measured.includes(f)).sort()
}
