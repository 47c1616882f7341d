/**
 * @module A mutated reference adapter: a copy of `src/`, one mutant patched in, bundled with esbuild
 * into one file that `node` runs. The copy is an overlay (./overlay.ts): files are read where they
 * are, the mutated one from memory; only the bundle is written, in a temporary directory. The
 * repository's own `src/` is never written.
 */
import { build } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { patch, type Mutant } from './mutant.js'
import { Overlay } from './overlay.js'

/** The adapter's entry point, relative to the repository root. */
export const ADAPTER_ENTRY = 'src/adapter/main.ts'

export type Prepared =
  | { ok: true; dir: string; bundle: string; command: string }
  | { ok: false; kind: 'not-applying' | 'broken'; dir: string | null; message: string }

/** Single-quotes a path for the adapter's shell command. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * What a temporary copy holds besides `src/`: more files or directories of the repository (a
 * proposal's folder, the vector builders), files written into it (a generated entry point), and
 * the entry point to bundle. Paths in the copy are relative to it, as in the repository.
 */
export interface Workspace {
  /** `[from, to]`: an absolute path copied to `to`, relative to the copy. */
  readonly copies?: readonly (readonly [from: string, to: string])[]
  /** Files written into the copy, by path relative to it. */
  readonly files?: Readonly<Record<string, string>>
  /** The entry point to bundle, relative to the copy. Default: {@link ADAPTER_ENTRY}. */
  readonly entry?: string
  /** Copy `src/mutants/` too (a proposal's mutants.ts imports it). Default false. */
  readonly withMutants?: boolean
}

/**
 * Overlays `root/src` (and the rest of `workspace`) on a new temporary directory, applies `mutant`
 * there (none: the unmutated baseline; its `file` is relative to the copy) and bundles the entry
 * point into `dir`, which holds only the bundle (and the copy as files with `writeCopy`, for a reader).
 * The caller removes `dir` (see {@link removeDir}).
 * `tempRoot` is where the directory is made (default: the OS temporary directory).
 */
export async function prepareAdapter(root: string, mutant: Mutant | null, tempRoot: string = tmpdir(), workspace: Workspace = {}, writeCopy = false): Promise<Prepared> {
  const dir = mkdtempSync(join(tempRoot, `pypi-token-mutant-${mutant === null ? 'baseline' : mutant.name.replace(/\//g, '_')}-`))
  // The copy is an overlay (src/mutants/overlay.ts): only the bundle is written to `dir`.
  const copy = new Overlay(root, dir, workspace)
  if (mutant !== null) {
    const source = copy.read(mutant.file)
    if (source === null) {
      removeDir(dir)
      return { ok: false, kind: 'not-applying', dir: null, message: `mutant ${mutant.name} no longer applies: ${mutant.file} does not exist` }
    }
    const result = patch(source, mutant)
    if (!result.ok) {
      removeDir(dir)
      return { ok: false, kind: 'not-applying', dir: null, message: result.message }
    }
    copy.write(mutant.file, result.text)
  }
  if (writeCopy) copy.writeOut()
  const bundle = join(dir, 'adapter.mjs')
  try {
    await build({
      entryPoints: [join(dir, workspace.entry ?? ADAPTER_ENTRY)],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
      plugins: [copy.plugin()],
    })
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors
    const first = errors?.[0]
    const file = first?.location ? resolve(first.location.file) : ''
    const where = first?.location ? ` (${file.startsWith(dir + sep) ? file.slice(dir.length + 1) : file}:${first.location.line})` : ''
    const what = first === undefined ? String(err) : `${first.text}${where}`
    return { ok: false, kind: 'broken', dir, message: `${mutant === null ? 'the unmutated copy' : `mutant ${mutant.name}`} does not build: ${what}` }
  }
  return { ok: true, dir, bundle, command: `${shellQuote(process.execPath)} ${shellQuote(bundle)}` }
}

export function removeDir(dir: string | null): void {
  if (dir !== null) rmSync(dir, { recursive: true, force: true })
}
