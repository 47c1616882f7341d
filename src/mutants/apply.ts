/**
 * @module A mutated reference adapter: a temporary copy of `src/`, one mutant patched in, bundled
 * with esbuild into one file that `node` runs. The repository's own `src/` is never written.
 */
import { build } from 'esbuild'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
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
 * Copies `root/src` to a new temporary directory, applies `mutant` (none: the unmutated
 * baseline) and bundles the adapter. The caller removes `dir` (see {@link removeDir}).
 * `tempRoot` is where the directory is made (default: the OS temporary directory).
 */
export async function prepareAdapter(root: string, mutant: Mutant | null, tempRoot: string = tmpdir()): Promise<Prepared> {
  let source: string | null = null
  let patched: string | null = null
  if (mutant !== null) {
    try {
      source = readFileSync(join(root, mutant.file), 'utf8')
    } catch {
      return { ok: false, kind: 'not-applying', dir: null, message: `mutant ${mutant.name} no longer applies: ${mutant.file} does not exist` }
    }
    const result = patch(source, mutant)
    if (!result.ok) return { ok: false, kind: 'not-applying', dir: null, message: result.message }
    patched = result.text
  }
  const dir = mkdtempSync(join(tempRoot, `pypi-token-mutant-${mutant === null ? 'baseline' : mutant.name.replace(/\//g, '_')}-`))
  const mutantsDir = join(root, 'src', 'mutants')
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true, filter: (from) => from !== mutantsDir && !from.startsWith(mutantsDir + sep) })
  if (mutant !== null && patched !== null) writeFileSync(join(dir, mutant.file), patched)
  const bundle = join(dir, 'adapter.mjs')
  try {
    await build({
      entryPoints: [join(dir, ADAPTER_ENTRY)],
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
    const where = first?.location ? ` (${first.location.file.slice(dir.length + 1)}:${first.location.line})` : ''
    const what = first === undefined ? String(err) : `${first.text}${where}`
    return { ok: false, kind: 'broken', dir, message: `${mutant === null ? 'the unmutated copy' : `mutant ${mutant.name}`} does not build: ${what}` }
  }
  return { ok: true, dir, bundle, command: `${shellQuote(process.execPath)} ${shellQuote(bundle)}` }
}

export function removeDir(dir: string | null): void {
  if (dir !== null) rmSync(dir, { recursive: true, force: true })
}
