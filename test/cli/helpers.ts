/** Running the built CLI (dist/cli/main.js) as a user would: a process, a shell, a terminal. */
import { execFile, execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mint, type Restriction } from '../../src/index.js'
import { KEY, KEY_HEX } from '../fixtures/reference-tokens.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'main.js')
export { KEY_HEX }

/**
 * The time limit of a test that starts processes: far beyond what a loaded machine needs, so that
 * it only catches one that never finishes.
 */
export const SLOW = { timeout: 120_000 }

export interface Result {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A folder whose `pypi-token` runs the built CLI with this Node, for shells. */
export function shimDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pypi-token-cli-'))
  mkdirSync(join(dir, 'bin'))
  const shim = join(dir, 'bin', 'pypi-token')
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`)
  chmodSync(shim, 0o755)
  return join(dir, 'bin')
}

/** A clean environment: PATH with the shim first, no colour settings unless given. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: `${shimDir()}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8' }
  return { ...env, ...extra }
}

export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code
      resolve({ status: err === null ? 0 : typeof code === 'number' ? code : null, stdout, stderr })
    })
    child.stdin?.end(input ?? '')
  })
}

/** Whether a program is on PATH. */
export function has(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** A token minted with the fixture key, carrying these restrictions. */
export function token(...caveats: Restriction[]): string {
  const r = mint({ key: KEY, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', caveats })
  if (!r.ok) throw new Error(r.message)
  return r.token
}
