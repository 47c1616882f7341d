/**
 * @module The copy a mutated adapter is bundled from, without copying: an esbuild plugin that
 * serves each file of the copy — `src/`, the workspace's copies and written files, the one mutated
 * file — from where it really is, or from memory, under the copy's own (never written) paths. The
 * bundle is what a copy on disk would give: the same paths, so the same error locations and no
 * tsconfig.json of the repository; only files, never the repository, are read.
 *
 * Copying `src/` (and removing it) for every mutant cost more than bundling it.
 */
import type { Loader, OnResolveResult, Plugin } from 'esbuild'
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Workspace } from './apply.js'

/** Where a path of the copy comes from: text in memory, a real file, a directory, or nothing. */
type Source = { kind: 'text'; text: string } | { kind: 'file'; path: string } | { kind: 'dir' } | null

const kindOf = (path: string): 'file' | 'dir' | null => {
  const stats = statSync(path, { throwIfNoEntry: false })
  return stats === undefined ? null : stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : null
}

/** esbuild's rules for a relative import (TypeScript's `.js` meaning `.ts`), over the copy. */
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.css', '.json']
const TS_FOR: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] }
const LOADERS: Readonly<Record<string, Loader>> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json', '.css': 'css' }

export class Overlay {
  /** Files written into the copy (the workspace's, then the mutated one), by path relative to it. */
  private readonly texts = new Map<string, string>()

  constructor(
    private readonly root: string,
    /** The copy's directory: only the bundle is written there. */
    readonly dir: string,
    private readonly workspace: Workspace,
  ) {
    for (const [path, text] of Object.entries(workspace.files ?? {})) this.texts.set(join(path), text)
  }

  /** Writes `text` at `path` (relative to the copy), in memory. */
  write(path: string, text: string): void {
    this.texts.set(join(path), text)
    this.found.clear()
  }

  /** The text at `path` (relative to the copy), or null when the copy has no such file. */
  read(path: string): string | null {
    const source = this.source(join(path))
    return source?.kind === 'text' ? source.text : source?.kind === 'file' ? readFileSync(source.path, 'utf8') : null
  }

  /** Writes the copy out as files into its directory, for a reader (the mutant gate's `keep`); the bundle never needs it. */
  writeOut(): void {
    const mutants = join(this.root, 'src', 'mutants')
    const copied = (from: string) => this.workspace.withMutants === true || (from !== mutants && !from.startsWith(mutants + sep))
    cpSync(join(this.root, 'src'), join(this.dir, 'src'), { recursive: true, filter: copied })
    for (const [from, to] of this.workspace.copies ?? []) cpSync(from, join(this.dir, to), { recursive: true })
    for (const [path, text] of this.texts) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true })
      writeFileSync(join(this.dir, path), text)
    }
  }

  /** What {@link source} found, by path: a build asks for each path many times, and the files do not change during it. */
  private readonly found = new Map<string, Source>()

  private source(rel: string): Source {
    let source = this.found.get(rel)
    if (source === undefined) this.found.set(rel, (source = this.lookUp(rel)))
    return source
  }

  /** As prepareAdapter copied: `src/` (without src/mutants/ unless asked), then each copy over it, then the written files. */
  private lookUp(rel: string): Source {
    const text = this.texts.get(rel)
    if (text !== undefined) return { kind: 'text', text }
    if ([...this.texts.keys()].some((p) => p.startsWith(rel + sep))) return { kind: 'dir' }
    const real: string[] = []
    for (const [from, to] of this.workspace.copies ?? []) {
      const under = relative(join(to), rel)
      if (under === '' || (!under.startsWith('..') && !isAbsolute(under))) real.push(join(from, under))
    }
    const src = relative('src', rel)
    const mutants = src === 'mutants' || src.startsWith('mutants' + sep)
    if (rel === 'src' || (!src.startsWith('..') && !isAbsolute(src) && (this.workspace.withMutants === true || !mutants))) real.push(join(this.root, rel))
    // Later copies overwrite earlier ones; directories merge.
    let dir = false
    for (const path of real.reverse()) {
      const kind = kindOf(path)
      if (kind === 'file' && !dir) return { kind: 'file', path }
      if (kind === 'dir') dir = true
    }
    return dir ? { kind: 'dir' } : null
  }

  private inCopy(abs: string): string | null {
    const rel = relative(this.dir, abs)
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel
  }

  private resolveFile(rel: string): string | null {
    const file = (r: string) => ['text', 'file'].includes(this.source(r)?.kind as string)
    if (file(rel)) return rel
    for (const ext of EXTENSIONS) if (file(rel + ext)) return rel + ext
    const ext = extname(rel)
    for (const ts of TS_FOR[ext] ?? []) if (file(rel.slice(0, -ext.length) + ts)) return rel.slice(0, -ext.length) + ts
    if (this.source(rel)?.kind === 'dir') for (const e of EXTENSIONS) if (file(join(rel, 'index' + e))) return join(rel, 'index' + e)
    return null
  }

  /** The esbuild plugin: relative imports inside the copy resolve and load through the overlay; packages resolve as usual. */
  plugin(): Plugin {
    const prefix = this.dir + sep
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    return {
      name: 'mutant-overlay',
      setup: (build) => {
        build.onResolve({ filter: /^(\.|\/)/ }, (args) => {
          const abs = resolve(args.resolveDir, args.path)
          const rel = this.inCopy(abs)
          if (rel === null) return undefined
          const found = this.resolveFile(rel)
          // Unresolved: esbuild's own resolver fails on the path as a copy on disk would.
          return found === null ? undefined : { path: join(this.dir, found) }
        })
        // A package imported from the copy resolves as from the copy's directory, which exists (its
        // subdirectories do not): its node_modules/ up the tree, then `nodePaths`.
        const packages = new Map<string, Promise<OnResolveResult | undefined>>()
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.resolveDir === this.dir || this.inCopy(args.resolveDir) === null) return undefined
          // The same from anywhere in the copy, so asked once per kind of import.
          const key = `${args.kind} ${args.path}`
          let resolved = packages.get(key)
          if (resolved === undefined) {
            resolved = build.resolve(args.path, { kind: args.kind, resolveDir: this.dir }).then((r) => (r.errors.length > 0 ? undefined : { path: r.path, external: r.external, namespace: r.namespace, sideEffects: r.sideEffects, suffix: r.suffix }))
            packages.set(key, resolved)
          }
          return resolved
        })
        build.onLoad({ filter: new RegExp(`^${escaped}`) }, (args) => {
          const rel = this.inCopy(args.path)
          const source = rel === null ? null : this.source(rel)
          if (source === null || source.kind === 'dir') return undefined
          const contents = source.kind === 'text' ? source.text : readFileSync(source.path)
          return { contents, loader: LOADERS[extname(args.path)] ?? 'default', resolveDir: dirname(args.path) }
        })
      },
    }
  }
}
