/**
 * @module The temporary copies the gate works in (the mutant gate's machinery, src/mutants/apply.ts):
 * `src/`, the vector builders and the proposal's folder as `proposals/<slug>/`, with two entry
 * points written beside them — the kit the checks load in process, and the reference adapter with
 * the proposal registered, which the harness runs and the mutants patch.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { prepareAdapter, removeDir, type Workspace } from '../mutants/apply.js'
import type { Kit } from './kit.js'

export const KIT_ENTRY = 'gate/kit.ts'
export const ADAPTER_ENTRY = 'gate/adapter.ts'
/** The line of the adapter entry that derived mutants rewrite (PROP-7). */
export const CAVEAT_LINE = 'const caveat = proposal.caveat'

const kitEntry = (slug: string) => `// Written by pypi-token gate: the proposal's parts and the core they plug into, in one bundle.
import * as module from '../proposals/${slug}/module.js'
import * as vectors from '../proposals/${slug}/vectors.js'
import * as model from '../proposals/${slug}/model.js'
import * as mutants from '../proposals/${slug}/mutants.js'
import { BASE_CONTEXTS } from '../scripts/vectors/near-miss-vectors.js'
import { kitOf } from '../src/gate/kit.js'

export default kitOf({ module, vectors, model, mutants, bases: BASE_CONTEXTS() })
`

const adapterEntry = (slug: string) => `// Written by pypi-token gate: the reference adapter with the proposal registered (PROP-1).
import { serve } from '../src/adapter/jsonl.js'
import { DEFAULT_REGISTRY, extendRegistry } from '../src/caveats/registry.js'
import * as proposal from '../proposals/${slug}/module.js'

${CAVEAT_LINE}
const registry = extendRegistry(DEFAULT_REGISTRY, [caveat])
serve(process.stdin, process.stdout, registry).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write('adapter: ' + String(err) + '\\n')
    process.exit(1)
  },
)
`

/** The copy for a proposal: what the kit and the adapter bundle from; the builders are the base's (PROP-27). */
export function proposalWorkspace(root: string, dir: string, slug: string, entry: string = ADAPTER_ENTRY, builders: string = join(root, 'scripts', 'vectors')): Workspace {
  return {
    copies: [
      [dir, `proposals/${slug}`],
      [builders, 'scripts/vectors'],
    ],
    files: { [KIT_ENTRY]: kitEntry(slug), [ADAPTER_ENTRY]: adapterEntry(slug) },
    entry,
    withMutants: true,
  }
}

export type KitResult = { ok: true; kit: Kit } | { ok: false; problems: string[] }

/** Bundles the proposal with the core and imports it. Never throws for a broken proposal. */
export async function loadKit(root: string, dir: string, slug: string, tempDir: string, builders?: string): Promise<KitResult> {
  const prepared = await prepareAdapter(root, null, tempDir, proposalWorkspace(root, dir, slug, KIT_ENTRY, builders))
  if (!prepared.ok) {
    removeDir(prepared.dir)
    return { ok: false, problems: [prepared.message.replace('the unmutated copy does not build', 'the proposal does not build')] }
  }
  try {
    const loaded = (await import(pathToFileURL(prepared.bundle).href)) as { default: KitResult }
    return loaded.default
  } catch (err) {
    return { ok: false, problems: [`the proposal's files fail when loaded: ${err instanceof Error ? err.message : String(err)}`] }
  } finally {
    removeDir(prepared.dir)
  }
}
