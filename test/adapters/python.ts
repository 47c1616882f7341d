/** Locating the Python adapters' virtualenvs and talking to an adapter process from tests. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

export function venvPython(adapter: string): string | null {
  const python = join(ROOT, 'adapters', adapter, '.venv', 'bin', 'python')
  return existsSync(python) ? python : null
}

export const SETUP_HINT = 'run `npm run adapters:setup` to build the adapters\u2019 virtualenvs'

/** Sends request lines to a fresh adapter process and returns the parsed responses. */
export function exchange(command: string[], requests: unknown[], env: NodeJS.ProcessEnv = process.env) {
  const [cmd, ...args] = command
  const result = spawnSync(cmd as string, args, { input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n', env, encoding: 'utf8', timeout: 60000 })
  const lines = result.stdout.trim() === '' ? [] : result.stdout.trim().split('\n')
  return { status: result.status, stderr: result.stderr, responses: lines.map((l) => JSON.parse(l) as Record<string, unknown>) }
}
