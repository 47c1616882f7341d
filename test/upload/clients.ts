/**
 * Running the real upload clients (twine, `uv publish`) and the built `pypi-token` CLI from the
 * upload tests. Every child runs asynchronously (the local index answers from this process), in
 * a clean environment: a temporary HOME, no configuration, no keyring, and every proxy variable
 * pointing at a closed port so that nothing but 127.0.0.1 can ever be reached.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
export const CLIENT_BIN = join(import.meta.dirname, 'clients', '.venv', 'bin')
export const CLI = join(ROOT, 'dist', 'cli', 'main.js')

/** Generous: a client that needs this long on a loaded machine is hung, not slow. */
export const CLIENT_TIMEOUT_MS = 180_000
/** Per test: several client runs, each within CLIENT_TIMEOUT_MS. */
export const TEST_TIMEOUT_MS = 900_000

/** Why the upload tests cannot run here, or null when they can. */
export function missingClients(): string | null {
  for (const tool of ['twine', 'uv']) {
    if (!existsSync(join(CLIENT_BIN, tool))) return `${join('test', 'upload', 'clients', '.venv', 'bin', tool)} is missing: run \`npm run adapters:setup\``
  }
  if (!existsSync(CLI)) return 'dist/cli/main.js is missing: run `npm run -s build`'
  return null
}

/** The newest modification time under src/, to tell whether dist/ was built from it. */
export function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

export function tempDir(prefix = 'upload-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface RunResult {
  /** Exit status; null when killed (timeout). */
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr with ANSI colours removed and runs of whitespace made one space. */
  readonly text: string
}

/** `HOME/bin`, holding a `pypi-token` that runs the built CLI (dist/cli/main.js) with this Node. */
export function shimDir(home: string): string {
  const dir = join(home, 'bin')
  mkdirSync(dir, { recursive: true })
  const shim = join(dir, 'pypi-token')
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`)
  chmodSync(shim, 0o755)
  return dir
}

/** The environment every child gets: nothing inherited but what is listed here. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  mkdirSync(join(home, 'uv-cache'), { recursive: true })
  const closed = 'http://127.0.0.1:9'
  return {
    PATH: [shimDir(home), CLIENT_BIN, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
    UV_NO_CONFIG: '1',
    UV_CACHE_DIR: join(home, 'uv-cache'),
    UV_NO_PROGRESS: '1',
    UV_PYTHON_DOWNLOADS: 'never',
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    ALL_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    all_proxy: closed,
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
    ...extra,
  }
}

export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: { cwd?: string; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { env, cwd: options.cwd, timeout: CLIENT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null
      const text = `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim()
      resolve({ status, stdout, stderr, text })
    })
    child.stdin?.end(options.input ?? '')
  })
}

/** `pypi-token ARGS` through the built CLI; stdout is the result (a token, for restrict). */
export async function pypiToken(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<string> {
  const r = await run(process.execPath, [CLI, ...args], { PATH: process.env.PATH, ...env }, input === undefined ? {} : { input })
  if (r.status !== 0) throw new Error(`pypi-token ${args[0]} exited ${r.status}: ${r.stderr}`)
  return r.stdout.trim()
}

/** How a client is handed the token. */
export type TwineVia = 'env' | 'option'
export type UvVia = 'token' | 'env' | 'password'

/** `twine upload` to the index, the token as password from TWINE_PASSWORD or --password. */
export function twineUpload(url: string, files: readonly string[], token: string, home: string, via: TwineVia = 'env'): Promise<RunResult> {
  const args = ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', url]
  const env = cleanEnv(home, { TWINE_USERNAME: '__token__', ...(via === 'env' ? { TWINE_PASSWORD: token } : {}) })
  return run(join(CLIENT_BIN, 'twine'), [...args, ...(via === 'option' ? ['--password', token] : []), ...files], env)
}

/** `uv publish` to the index, the token from --token, UV_PUBLISH_TOKEN, or --password with --username __token__. */
export function uvPublish(url: string, files: readonly string[], token: string, home: string, via: UvVia = 'token'): Promise<RunResult> {
  const args = ['publish', '--publish-url', url, '--trusted-publishing', 'never', '--no-attestations']
  const credentials = via === 'token' ? ['--token', token] : via === 'password' ? ['--username', '__token__', '--password', token] : []
  const env = cleanEnv(home, via === 'env' ? { UV_PUBLISH_TOKEN: token } : {})
  return run(join(CLIENT_BIN, 'uv'), [...args, ...credentials, ...files], env)
}

export interface Client {
  readonly name: 'twine' | 'uv'
  upload(url: string, files: readonly string[], token: string, home: string): Promise<RunResult>
}

export const CLIENTS: readonly Client[] = [
  { name: 'twine', upload: (url, files, token, home) => twineUpload(url, files, token, home) },
  { name: 'uv', upload: (url, files, token, home) => uvPublish(url, files, token, home) },
]
