/** @module The golden families: one file each under test/golden/files/, rendered from src/ in-process. */
import { join } from 'node:path'
import { ROOT } from './format.js'
import { adapterProtocol } from './families/adapter.js'
import { CLI_GROUPS, cliFamily } from './families/cli.js'
import { library } from './families/library.js'
import { reasons } from './families/reasons.js'
import { vectorsAdapter, vectorsInspect } from './families/vectors.js'

export interface Family {
  readonly name: string
  render(): string | Promise<string>
}

export const FAMILIES: readonly Family[] = [
  { name: 'vectors-adapter', render: vectorsAdapter },
  { name: 'vectors-inspect', render: vectorsInspect },
  { name: 'reasons', render: reasons },
  { name: 'adapter-protocol', render: adapterProtocol },
  { name: 'library', render: library },
  ...Object.keys(CLI_GROUPS).map((name) => ({ name, render: () => cliFamily(name) })),
]

/** The family's file, relative to the repository root (as a reviewer sees it in git). */
export const familyPath = (name: string) => `test/golden/files/${name}.txt`
export const absolutePath = (name: string) => join(ROOT, familyPath(name))

export const UPDATE_COMMAND = 'npm run golden:update'
