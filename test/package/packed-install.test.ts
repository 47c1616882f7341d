/**
 * What a new user does with the published package, done offline: pack the working tree as
 * `npm pack` does for `npm publish` (the build runs on prepack, in a copy), install the tarball
 * into an empty folder from the npm cache that `npm ci` filled, run the installed CLI as the
 * README's recipes do (`npx --no pypi-token inspect`, `npx --no pypi-token conformance run`
 * against the reference adapter: --no finds the installed command and never downloads one), and
 * compile and run a TypeScript consumer under `tsc --strict` with no @types/node.
 *
 * Nothing here may reach the network: npm runs with --offline and a registry on a closed local
 * port, so a package missing from the cache fails the install with a message saying so, rather
 * than being fetched.
 */
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: object }
const TIMEOUT_MS = 600_000
/** The README's example token (expires 2023-11-14T22:28:20Z). */
const TOKEN =
  'pypi-AgENaW5kZXguZXhhbXBsZQIkZDRkOGE3MDYtNTFhMS00ODQ0LWE0OWYtMTJkNGJjM2RiNmY5AAIZWzAsMTcwMDAwMDkwMCwxNzAwMDAwMDAwXQACFVsxLFsic2FtcGxlcHJvamVjdCJdXQAABiDnAXksxx31ekpuU1OgM4ISJ2orGRe_8JoBtvMlI6jXAg'

/**
 * npm without a network: --offline (cache only), a registry on a closed port in case anything
 * ignored that, no proxies, no audit, fund or update checks. The cache is the one `npm ci` in
 * the repository filled (npm_config_cache when set, else npm's default).
 */
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|NPM_|https?_proxy$|HTTPS?_PROXY$|no_proxy$|NO_PROXY$)/.test(k)) env[k] = v
  return {
    ...env,
    ...(process.env.npm_config_cache === undefined ? {} : { npm_config_cache: process.env.npm_config_cache }),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_yes: 'false',
    NO_COLOR: '1',
  }
}

interface Result {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

function run(command: string, args: readonly string[], cwd: string, env = offlineEnv()): Promise<Result> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: TIMEOUT_MS }, (err, stdout, stderr) => {
      const status = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code as number) : null
      resolve({ status, stdout, stderr })
    })
  })
}

async function ok(command: string, args: readonly string[], cwd: string): Promise<Result> {
  const r = await run(command, args, cwd)
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`)
  return r
}

/** The working tree as a clean clone has it: tracked and new files, nothing ignored (no dist/, no node_modules/). */
async function copyWorkingTree(to: string): Promise<void> {
  const listed = await ok('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT)
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue // deleted but not yet committed
    mkdirSync(dirname(join(to, file)), { recursive: true })
    cpSync(join(ROOT, file), join(to, file))
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'))
}

/**
 * A lockfile for a folder that depends on the tarball alone: the tarball by its integrity, and its
 * runtime dependencies at the versions, tarball URLs and integrities of the repository's lockfile
 * (whose tarballs `npm ci` put in the cache). With it npm needs no registry metadata at all.
 */
/** npm's configured registry, without a trailing slash. */
function registry(): string {
  return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/$/, '')
}

function consumerLock(tarball: string): object {
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; resolved?: string; dependencies?: Record<string, string> }> }
  const file = `file:${tarball}`
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
  const packages: Record<string, object> = {
    '': { name: 'consumer', dependencies: { [PACKAGE.name]: file } },
    [`node_modules/${PACKAGE.name}`]: { version: PACKAGE.version, resolved: file, integrity, dependencies: PACKAGE.dependencies, peerDependencies: PACKAGE.peerDependencies, peerDependenciesMeta: PACKAGE.peerDependenciesMeta, bin: { 'pypi-token': 'dist/cli/main.js' } },
  }
  const todo = Object.keys(PACKAGE.dependencies)
  while (todo.length > 0) {
    const name = todo.pop() as string
    const key = `node_modules/${name}`
    if (key in packages) continue
    const entry = repoLock.packages[key]
    if (entry === undefined) throw new Error(`package-lock.json has no ${key}: run npm install`)
    // The lockfile leaves out registry URLs; npm's configured registry names the tarball that the
    // cache (filled by npm ci) holds.
    const tarballUrl = `${registry()}/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`
    packages[key] = { ...entry, resolved: entry.resolved ?? tarballUrl, dev: undefined }
    todo.push(...Object.keys(entry.dependencies ?? {}))
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
}

const CONSUMER_TS = `import { analyzeCaveats, inspect, mint, restrict, verify, type Restriction, type TokenInfo, type VerifyResult } from '${PACKAGE.name}'
import type { ConformanceResults, RunOptions } from '${PACKAGE.name}/harness'

declare const console: { log(...args: unknown[]): void }

const key = new Uint8Array(32).map((_, i) => i)
const minted = mint({ key, identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9', location: 'index.example' })
if (!minted.ok) throw new Error(minted.message)
const restrictions: Restriction[] = [
  { type: 'project_names', names: ['SampleProject'] },
  { type: 'expiration', not_before: 1700000000, expires_at: 1700000900 },
]
const narrowed = restrict(minted.token, restrictions)
if (!narrowed.ok) throw new Error(narrowed.message)
const project = { name: 'SampleProject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }
const valid: VerifyResult = verify(narrowed.token, key, { now: 1700000100, project })
const late: VerifyResult = verify(narrowed.token, key, { now: 1700000900, project })
const info = inspect(narrowed.token, { now: 1700000100 })
const token: TokenInfo | null = info.ok ? info.token : null
const options: Pick<RunOptions, 'timeoutMs'> = { timeoutMs: 1000 }
const passed: ConformanceResults['passed'] = true
console.log(JSON.stringify({
  valid: valid.valid,
  late: late.reason,
  caveats: token?.caveats.map((c) => c.raw),
  valid_now: token?.valid_now,
  never: analyzeCaveats([{ type: 'project_names', names: ['a'] }, { type: 'project_names', names: ['b'] }]).never_valid,
  timeoutMs: options.timeoutMs,
  passed,
}))
`

let work = ''
let consumer = ''
let tarball = ''

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pypi-token-packed-'))
  const source = join(work, 'source')
  await copyWorkingTree(source)
  const packed = await ok('npm', ['pack', '--json', '--pack-destination', work], source)
  tarball = join(work, (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[])[0]!.filename)
  consumer = join(work, 'consumer')
  mkdirSync(consumer)
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [PACKAGE.name]: `file:${tarball}` } }, null, 2))
  writeFileSync(join(consumer, 'package-lock.json'), JSON.stringify(consumerLock(tarball), null, 2))
  const installed = await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], consumer)
  if (installed.status !== 0) {
    const why = /ENOTCACHED|only-if-cached/.test(installed.stderr)
      ? `a package is not in the npm cache (${process.env.npm_config_cache ?? join(process.env.HOME ?? '~', '.npm')}): run npm ci in the repository first, which fills it; this test never downloads`
      : 'see its output'
    throw new Error(`npm ci --offline of the packed tarball failed: ${why}\n${installed.stderr}\n${readFileSync(join(consumer, "package-lock.json"), "utf8")}`)
  }
}, TIMEOUT_MS)

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true })
})

describe('the packed package, installed offline into an empty folder', { timeout: TIMEOUT_MS }, () => {
  it('holds the built code, spec, schemas, vectors and LICENSE; no sources, source maps, tests or candidates', () => {
    const root = join(consumer, 'node_modules', PACKAGE.name)
    const files = filesUnder(root)
    for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/harness/index.js', 'dist/fuzz/index.js', 'dist/cli/main.js', 'dist/adapter/main.js', 'spec/index.md', 'schemas/restriction.schema.json', 'vectors/index.json']) {
      expect(files, f).toContain(f)
    }
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/)
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
    expect(files.filter((f) => /^(src|test|scripts|adapters|vectors\/candidates)\//.test(f) || /^dist\/(cli|adapter)\/.*\.d\.ts$/.test(f) || /^dist\/(gate|laws|mutants|fuzz\/deep)\//.test(f))).toEqual([])
    expect(files.filter((f) => /sourceMappingURL/.test(f.endsWith('.js') ? readFileSync(join(root, f), 'utf8') : ''))).toEqual([])
    const installedJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
    expect(Object.keys(installedJson.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([])
    expect(existsSync(join(consumer, 'node_modules', 'fast-check')), 'fast-check is an optional peer: not installed').toBe(false)
    // 400 kB on 2026-11-30 with 860 vectors, 457 kB on 2026-12-07 with 951, most of it the vectors,
    // which carry each token decoded and its chain since issue 12 (VEC-9): about 0.6 kB a vector
    // packed. The budget leaves room for new vectors (about 70 more), not for sources or tests.
    expect(statSync(tarball).size).toBeLessThan(500_000)
  })

  it('runs npx pypi-token inspect', async () => {
    const r = await ok('npx', ['--no', 'pypi-token', 'inspect', '--now', '2023-11-14T22:20:00Z', TOKEN], consumer)
    expect(r.stdout).toContain('status      valid now, expires in 8 minutes 20 seconds (2023-11-14T22:28:20Z)\n')
    expect(r.stdout).toContain('[1] project-names         [1,["sampleproject"]]')
    const expired = await run('npx', ['--no', 'pypi-token', 'inspect', '--check', TOKEN], consumer)
    expect([expired.status, expired.stdout]).toEqual([1, expect.stringContaining('status      expired ')])
  })

  it('runs npx pypi-token conformance run against the reference adapter, with the vectors it ships', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'vectors', 'index.json'), 'utf8')) as { number_of_vectors: number }
    const r = await ok('npx', ['--no', 'pypi-token', 'conformance', 'run', '--adapter', 'node node_modules/pypi-token-spec/dist/adapter/main.js'], consumer)
    expect(r.stdout).toContain(`pypi-token-spec ${PACKAGE.version}: PASSED\n  verdict level: ${manifest.number_of_vectors} vectors: ${manifest.number_of_vectors} PASS\n`)
    expect(readdirSync(join(consumer, 'reports')).sort()).toEqual(['results.html', 'results.json', 'results.md'])
    const fuzz = await run('npx', ['--no', 'pypi-token', 'conformance', 'fuzz', '--adapter', 'a', '--adapter', 'b'], consumer)
    expect([fuzz.status, fuzz.stderr]).toEqual([2, 'pypi-token conformance: fuzz needs fast-check, an optional peer dependency of pypi-token-spec: npm install fast-check@4\n'])
    const gate = await run('npx', ['--no', 'pypi-token', 'gate', 'proposals/release-version'], consumer)
    expect([gate.status, gate.stderr]).toEqual([2, 'pypi-token gate: runs in a checkout of the pypi-token-spec repository (it bundles src/ with the proposal); the installed package does not include it\n'])
    const interop = await run('npx', ['--no', 'pypi-token', 'conformance', 'interop'], consumer)
    expect([interop.status, interop.stderr]).toEqual([2, 'pypi-token conformance: interop needs fast-check, an optional peer dependency of pypi-token-spec: npm install fast-check@4\n'])
  })

  it('compiles a TypeScript consumer and every published .d.ts under tsc --strict without @types/node, and runs it', async () => {
    writeFileSync(join(consumer, 'consumer.ts'), CONSUMER_TS)
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: false, outDir: 'out', noEmitOnError: true },
        // Every declaration file of the package, except the fuzzer's and the interop matrix's, which need fast-check (an optional peer).
        include: ['consumer.ts', `node_modules/${PACKAGE.name}/dist/**/*.d.ts`],
        exclude: [`node_modules/${PACKAGE.name}/dist/fuzz/**`, `node_modules/${PACKAGE.name}/dist/interop/**`],
      }),
    )
    expect(existsSync(join(consumer, 'node_modules', '@types'))).toBe(false)
    const compiled = await run(process.execPath, [TSC, '-p', 'tsconfig.json', '--listFilesOnly'], consumer)
    expect(compiled.stdout).not.toMatch(/@types[\\/]node/)
    await ok(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer)
    const r = await ok(process.execPath, [join('out', 'consumer.js')], consumer)
    expect(JSON.parse(r.stdout)).toEqual({
      valid: true,
      late: 'CAVEAT_NOT_SATISFIED',
      caveats: ['[1,["sampleproject"]]', '[0,1700000900,1700000000]'],
      valid_now: true,
      never: true,
      timeoutMs: 1000,
      passed: true,
    })
  })

  it("loads nothing heavy for import { verify } from 'pypi-token-spec': no harness, fuzzer, CLI or fast-check", async () => {
    writeFileSync(join(consumer, 'entry.mjs'), `import { verify } from '${PACKAGE.name}'\nexport default verify\n`)
    const { build } = await import('esbuild')
    const bundle = await build({ absWorkingDir: consumer, entryPoints: ['entry.mjs'], bundle: true, platform: 'node', format: 'esm', metafile: true, write: false, logLevel: 'warning' })
    const inputs = Object.keys(bundle.metafile.inputs)
    const ours = inputs.filter((i) => i.includes(`node_modules/${PACKAGE.name}/`)).map((i) => relative(`node_modules/${PACKAGE.name}`, i))
    expect(ours.filter((i) => /^dist\/(harness|fuzz|interop|cli|adapter|vectors|mutants)\//.test(i))).toEqual([])
    expect(inputs.filter((i) => /node_modules\/(fast-check|pure-rand)\//.test(i))).toEqual([])
    // The core is the library and its one dependency (ajv, for the caveat schemas); keep it so.
    expect(inputs.filter((i) => !i.includes(`node_modules/${PACKAGE.name}/`) && !/node_modules\/(ajv|fast-deep-equal|fast-uri|json-schema-traverse|require-from-string)\//.test(i))).toEqual(['entry.mjs'])
    expect(bundle.outputFiles[0]!.contents.length).toBeLessThan(600_000)
  })
})
