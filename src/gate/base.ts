/**
 * @module The base the gate judges against (PROP-27): the merge-base of a ref (default `main`)
 * with HEAD, read with `git`. From it come the existing vectors, the core spec (with the tag
 * registry) and the vector builders, extracted into a temporary folder; and against it the change
 * set — every commit since the merge-base plus the working tree's staged, unstaged and untracked
 * files — is listed where a proposal may not write.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** What a proposal never edits (PROP-28), as paths of the repository. */
export const GUARDED = [
  { path: 'vectors', what: 'an existing vector file' },
  { path: 'scripts/vectors', what: 'a vector builder' },
  { path: 'spec', what: 'the core spec' },
] as const

export interface Change {
  readonly path: string
  /** git's status letter: M modified, D deleted, A added, R renamed, T type changed, ? untracked. */
  readonly status: string
  readonly what: string
}

export interface Base {
  /** The ref as given, and the ref it resolved to (`main`, or `origin/main` when there is no local `main`). */
  readonly ref: string
  readonly resolved: string
  readonly mergeBase: string
  /** A folder holding vectors/, spec/ and scripts/vectors/ as they are at the merge-base. */
  readonly dir: string
  readonly changes: readonly Change[]
}

export type BaseResult = { ok: true; base: Base } | { ok: false; message: string }

const git = (root: string, args: readonly string[], input?: Buffer): Buffer =>
  execFileSync('git', ['-C', root, ...args], { stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...(input === undefined ? {} : { input }) })

const tryGit = (root: string, args: readonly string[]): string | null => {
  try {
    return git(root, args).toString('utf8').trim()
  } catch {
    return null
  }
}

const whatOf = (path: string) => GUARDED.find((g) => path === g.path || path.startsWith(`${g.path}/`))

/** Resolves `ref` in the repository at `root`, extracts the guarded folders at the merge-base into `into`, and lists the change set's edits of them. Never throws. */
export function prepareBase(root: string, ref: string, into: string): BaseResult {
  const top = tryGit(root, ['rev-parse', '--show-toplevel'])
  if (top === null) return { ok: false, message: `${root} is not a git work tree (a tarball?), so there is no base to judge against: run the gate in a clone that has ${ref}` }
  const prefix = tryGit(root, ['rev-parse', '--show-prefix']) ?? ''
  const candidates = ref.includes('/') ? [ref] : [ref, `origin/${ref}`]
  const resolved = candidates.find((c) => tryGit(root, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`]) !== null)
  if (resolved === undefined) return { ok: false, message: `the base ref ${ref} does not exist here${ref.includes('/') ? '' : ` (nor origin/${ref})`}: fetch it (a shallow CI checkout: fetch-depth 0) or name another with --base REF` }
  const mergeBase = tryGit(root, ['merge-base', resolved, 'HEAD'])
  if (mergeBase === null) return { ok: false, message: `${resolved} and HEAD have no merge-base (a shallow clone?): fetch their history or name another base with --base REF` }
  const paths = GUARDED.map((g) => g.path)
  const changes: Change[] = []
  try {
    // Committed, staged and unstaged edits: the merge-base against the working tree.
    const diff = git(root, ['diff', '--name-status', '--no-renames', '--no-ext-diff', '--relative', mergeBase, '--', ...paths]).toString('utf8')
    for (const line of diff.split('\n').filter((l) => l !== '')) {
      const [status, path] = line.split('\t') as [string, string]
      changes.push({ path, status: status.slice(0, 1), what: whatOf(path)?.what ?? '' })
    }
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', ...paths]).toString('utf8')
    for (const path of untracked.split('\n').filter((l) => l !== '')) changes.push({ path, status: '?', what: whatOf(path)?.what ?? '' })
    mkdirSync(into, { recursive: true })
    for (const path of paths) {
      const spec = `${mergeBase}:${prefix}${path}`
      if (tryGit(root, ['cat-file', '-e', spec]) === null) continue
      mkdirSync(join(into, path), { recursive: true })
      execFileSync('tar', ['-x', '-C', join(into, path)], { input: git(root, ['archive', '--format=tar', spec]), stdio: ['pipe', 'pipe', 'pipe'] })
    }
  } catch (err) {
    return { ok: false, message: `git could not read the base ${resolved} (${mergeBase.slice(0, 12)}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }
  }
  return { ok: true, base: { ref, resolved, mergeBase, dir: into, changes } }
}
