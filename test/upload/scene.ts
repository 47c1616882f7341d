/**
 * One upload scene: a fresh local index with its own random key and upload folder, a token
 * minted for that key (as the index would issue it), and a home folder for the clients.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { mint } from '../../src/index.js'
import { tempDir } from './clients.js'
import { writeDists, type Dists } from './dists.js'
import { startLocalIndex, type IndexOptions, type LocalIndex } from './local-index.js'

export interface Scene {
  readonly index: LocalIndex
  readonly key: Uint8Array
  /** The minted, unrestricted token for the index's key. */
  readonly token: string
  /** The clients' HOME (and the scene's scratch folder). */
  readonly home: string
  /** A wheel and an sdist of `name`, in a folder of their own. */
  dists(name: string, version?: string): Dists
  close(): Promise<void>
}

export async function openScene(options: Omit<IndexOptions, 'key' | 'dir'> = {}): Promise<Scene> {
  const work = tempDir()
  const home = join(work, 'home')
  const store = join(work, 'index-files')
  mkdirSync(home)
  mkdirSync(store)
  const key = new Uint8Array(randomBytes(32))
  const minted = mint({ key, identifier: randomUUID(), location: 'index.example' })
  if (!minted.ok) throw new Error(minted.message)
  const index = await startLocalIndex({ ...options, key, dir: store })
  let n = 0
  return {
    index,
    key,
    token: minted.token,
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
