/**
 * pymacaroons (Warehouse's engine, in the Warehouse adapter's virtualenv) and pypitoken (in its
 * own), timed in-process by scripts/bench/peers.py on the 3-caveat token, in CPU time like the
 * Node side.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { KEY_HEX, TOKEN } from './tokens.js'

export interface PeerRate {
  readonly name: string
  readonly version: string
  readonly what: string
  readonly rate: number
}

const PEERS = [
  { name: 'pymacaroons', python: 'adapters/warehouse/.venv/bin/python', what: 'Macaroon.deserialize + Verifier.verify, a json.loads checker' },
  { name: 'pypitoken', python: 'adapters/pypitoken/.venv/bin/python', what: 'Token.load + Token.check' },
] as const

/** The rate of each peer whose virtualenv exists (`npm run adapters:setup`). */
export function pythonPeers(): PeerRate[] {
  return PEERS.filter((p) => existsSync(p.python)).map((p) => {
    const r = spawnSync(p.python, ['scripts/bench/peers.py', p.name, TOKEN, KEY_HEX], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${p.name} benchmark failed: ${r.stderr}`)
    const out = JSON.parse(r.stdout) as { rate: number; version: string }
    return { name: p.name, version: out.version, what: p.what, rate: out.rate }
  })
}
