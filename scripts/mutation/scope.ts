/**
 * Which files mutation testing (StrykerJS) covers: the `mutate` patterns of stryker.config.json,
 * and, for `--since REF`, those of them a git diff since REF touches.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

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

/** Files in scope that changed between `ref` and the work tree (deleted files left out). */
export function changedSince(ref: string, patterns: readonly string[], root = ROOT): string[] {
  const out = execFileSync('git', ['diff', '--name-only', '--diff-filter=d', ref, '--'], { cwd: root, encoding: 'utf8' })
  return out
    .split('\n')
    .filter((p) => p !== '' && inScope(p, patterns))
    .sort()
}
