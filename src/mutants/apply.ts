/**
 * @module A mutated reference adapter: a temporary copy of `src/`, one mutant patched in, bundled
 * with esbuild into one file that `node` runs. The repository's own `src/` is never written.
 */
import { build } from 'esbuild'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { patch, type Mutant } from './mutant.js'

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
 * Copies `root/src` (and the rest of `workspace`) to a new temporary directory, applies `mutant`
 * there (none: the unmutated baseline; its `file` is relative to the copy) and bundles the entry
 * point. The caller removes `dir` (see {@link removeDir}). `tempRoot` is where the directory is made
 * (default: the OS temporary directory).
 */
export async function prepareAdapter(root: string, mutant: Mutant | null, tempRoot: string = tmpdir(), workspace: Workspace = {}): Promise<Prepared> {
  const dir = mkdtempSync(join(tempRoot, `pypi-token-mutant-${mutant === null ? 'baseline' : mutant.name.replace(/\//g, '_')}-`))
  const mutantsDir = join(root, 'src', 'mutants')
  const copied = (from: string) => workspace.withMutants === true || (from !== mutantsDir && !from.startsWith(mutantsDir + sep))
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true, filter: copied })
  for (const [from, to] of workspace.copies ?? []) cpSync(from, join(dir, to), { recursive: true })
  for (const [path, text] of Object.entries(workspace.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  if (mutant !== null) {
    let source: string
    try {
      source = readFileSync(join(dir, mutant.file), 'utf8')
    } catch {
      removeDir(dir)
      return { ok: false, kind: 'not-applying', dir: null, message: `mutant ${mutant.name} no longer applies: ${mutant.file} does not exist` }
    }
    const result = patch(source, mutant)
    if (!result.ok) {
      removeDir(dir)
      return { ok: false, kind: 'not-applying', dir: null, message: result.message }
    }
    writeFileSync(join(dir, mutant.file), result.text)
  }
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
