/** The four macaroon-library adapters (spec/libraries.md): where each is, and whether it is built here. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './python.js'

export interface LibraryAdapter {
  readonly name: string
  /** hello's implementation. */
  readonly implementation: { readonly name: string; readonly version: string }
  readonly command: string
  /** The build product; the tests skip, saying so, when it is missing. */
  readonly product: string
  readonly hint: string
}

export const LIBRARIES: readonly LibraryAdapter[] = [
  { name: 'pymacaroons', implementation: { name: 'pymacaroons', version: '0.13.0' }, command: 'adapters/pymacaroons/.venv/bin/python adapters/pymacaroons/adapter.py', product: 'adapters/pymacaroons/.venv/bin/python', hint: 'run `npm run adapters:setup` to build its virtualenv' },
  { name: 'macaroon-go', implementation: { name: 'gopkg.in/macaroon.v2', version: '2.1.0' }, command: 'adapters/macaroon-go/bin/adapter', product: 'adapters/macaroon-go/bin/adapter', hint: 'run `npm run adapters:setup` to build it (needs Go)' },
  { name: 'macaroon-rs', implementation: { name: 'macaroon (Rust crate)', version: '0.3.0' }, command: 'adapters/macaroon-rs/target/release/adapter', product: 'adapters/macaroon-rs/target/release/adapter', hint: 'run `npm run adapters:setup` to build it (needs cargo)' },
  { name: 'macaroon-js', implementation: { name: 'macaroon (npm)', version: '3.0.4' }, command: 'node adapters/macaroon-js/adapter.mjs', product: 'node_modules/macaroon/package.json', hint: 'run `npm ci`' },
]

/** .ci/run sets LIBRARY_ADAPTERS_REQUIRED=1: there a missing build product fails the tests instead of skipping them. */
export const required = process.env.LIBRARY_ADAPTERS_REQUIRED === '1'
export const built = (a: LibraryAdapter) => required || existsSync(join(ROOT, a.product))
export const library = (name: string) => LIBRARIES.find((a) => a.name === name) as LibraryAdapter
