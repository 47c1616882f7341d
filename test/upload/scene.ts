/**
 * One upload scene: a fresh local index with its own store and upload folder, and in it a user
 * (`alice`) with a token row that stores no caveats (the scene's `token`: limited only by
 * alice's roles, as a token issued before the production index stored caveats is), and a home
 * folder for the clients. Projects do not exist until a test creates them or a first upload
 * makes one that alice then owns.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './clients.js'
import { writeDists, type Dists } from './dists.js'
import { IndexStore, type MacaroonRow, type User } from './index-store.js'
import { startLocalIndex, type IndexOptions, type LocalIndex } from './local-index.js'

/** Per test of the index alone (an HTTP server, python3 children): generous, so that a loaded machine never fails it. */
export const INDEX_TEST_TIMEOUT_MS = 120_000

export interface Scene {
  readonly index: LocalIndex
  readonly store: IndexStore
  /** The user the scene's token belongs to. */
  readonly owner: User
  /** alice's token with no stored or embedded caveats. */
  readonly token: string
  readonly row: MacaroonRow
  /** The clients' HOME (and the scene's scratch folder). */
  readonly home: string
  /** A wheel and an sdist of `name`, in a folder of their own. */
  dists(name: string, version?: string): Dists
  close(): Promise<void>
}

export async function openScene(options: Omit<IndexOptions, 'store' | 'dir'> = {}): Promise<Scene> {
  const work = tempDir()
  const home = join(work, 'home')
  const files = join(work, 'index-files')
  mkdirSync(home)
  mkdirSync(files)
  const store = new IndexStore()
  const owner = store.addUser('alice')
  const { token, row } = store.issue(owner, { kind: 'unscoped' }, { description: 'scene token' })
  const index = await startLocalIndex({ ...options, store, dir: files })
  let n = 0
  return {
    index,
    store,
    owner,
    token,
    row,
    home,
    dists(name, version) {
      const dir = join(work, `dist-${n++}`)
      mkdirSync(dir)
      return writeDists(dir, name, version)
    },
    async close() {
      await index.close()
      rmSync(work, { recursive: true, force: true })
    },
  }
}
