import { build } from 'esbuild'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KIT_ENTRY, proposalWorkspace } from '../../src/gate/bundle.js'
import { ADAPTER_ENTRY, prepareAdapter, type Workspace } from '../../src/mutants/apply.js'
import { CATALOG } from '../../src/mutants/catalog.js'
import type { Mutant } from '../../src/mutants/mutant.js'
import { mutants as releaseVersionMutants } from '../../proposals/release-version/mutants.js'
import { PROCESSES_MS } from '../limits.js'

const ROOT = join(import.meta.dirname, '..', '..')
const temp = mkdtempSync(join(tmpdir(), 'overlay-test-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** The bundle esbuild makes of the copy written out as files, as prepareAdapter made it before the overlay. */
async function fromFiles(dir: string, entry: string): Promise<string> {
  const out = await build({ entryPoints: [join(dir, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', nodePaths: [join(ROOT, 'node_modules')], logLevel: 'silent', write: false, outfile: join(dir, 'adapter.mjs') })
  return out.outputFiles[0]?.text ?? ''
}

const PROPOSAL = proposalWorkspace(ROOT, join(ROOT, 'proposals', 'release-version'), 'release-version')
const CASES: [string, Mutant | null, Workspace][] = [
  ['the reference adapter', null, {}],
  ['a mutant of src/', CATALOG[0] as Mutant, {}],
  ['the kit of a proposal', null, proposalWorkspace(ROOT, join(ROOT, 'proposals', 'release-version'), 'release-version', KIT_ENTRY)],
  ["a mutant of a proposal's module", releaseVersionMutants[0] as Mutant, PROPOSAL],
]

describe('the overlay a mutant is bundled from (src/mutants/overlay.ts)', () => {
  it.each(CASES)('bundles %s exactly as a copy on disk would', async (_name, mutant, workspace) => {
    const prepared = await prepareAdapter(ROOT, mutant, temp, workspace, true)
    if (!prepared.ok) throw new Error(prepared.message)
    expect(readFileSync(prepared.bundle, 'utf8')).toBe(await fromFiles(prepared.dir, workspace.entry ?? ADAPTER_ENTRY))
    if (mutant !== null) expect(readFileSync(join(prepared.dir, mutant.file), 'utf8')).toContain(mutant.replace)
  }, PROCESSES_MS)

  it('reads no file outside the copy: a mutant of a path that leaves it does not apply', async () => {
    const outside: Mutant = { name: 'test/outside', file: 'src/../package.json', find: '"name"', replace: '"nom"', description: '', targets: [] }
    const prepared = await prepareAdapter(ROOT, outside, temp)
    expect(prepared).toMatchObject({ ok: false, kind: 'not-applying', message: 'mutant test/outside no longer applies: src/../package.json does not exist' })
  }, PROCESSES_MS)
})
