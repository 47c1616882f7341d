import { VERSION } from '../../src/version.js'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/io.js'
import { run } from '../../src/cli/run.js'
import type { XfailEntry } from '../../src/generated/types.js'
import { PACKAGE_VECTORS } from '../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, REFERENCE, ROOT, SLOW, tempDir, variant } from './helpers.js'

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io: Io = { argv, env, readStdin: async () => null, out: (t) => void (stdout += t), err: (t) => void (stderr += t), now: () => 1700000000 }
  const status = await run(io)
  return { status, stdout, stderr }
}

const conformance = (...args: string[]) => cli(['conformance', ...args])
const FAILING = ['expiration::at-expires-at', 'expiration::before-window', 'expiration::wrong-key', 'project-names::other-project', 'project-names::float-tag']

function xfailFile(ids: string[]): string {
  const path = join(tempDir(), 'xfail.json')
  const entries: XfailEntry[] = ids.map((id) => ({ id, reason: 'the fake adapter says valid to everything', spec: ['VERIFY-1'], level: 'verdict', effect: 'accepts every token', class: 'widens-access' }))
  writeFileSync(path, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'fake', entries }))
  return path
}

describe('pypi-token conformance run', SLOW, () => {
  it('exits 0 when every vector passes, prints the per-file table and writes every report', async () => {
    const out = tempDir()
    const r = await conformance('run', '--adapter', REFERENCE, '--vectors', FIXTURE_VECTORS, '--out', out)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('caveats/expiration.json     verdict     5     -      -      -     -      -     -      5\n                            reason      5     -      -      -     -      -     -      5\n')
    expect(r.stdout).toContain(`pypi-token-spec ${VERSION}: PASSED\n  verdict level: 15 vectors: 15 PASS\n  reason level:  15 vectors: 15 PASS\n`)
    expect(readdirSync(out).sort()).toEqual(['results.html', 'results.json', 'results.md'])
  })

  it('exits 1 on failures and lists them; --report picks the reports', async () => {
    const out = tempDir()
    const r = await conformance('run', '--adapter', fake('ok'), '--vectors', FIXTURE_VECTORS, '--out', out, '--report', 'md')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('FAIL expiration::at-expires-at: expected invalid (CAVEAT_NOT_SATISFIED), got valid')
    expect(r.stdout).toContain(
      'fake-ok 0.0.1: FAILED\n  verdict level: 15 vectors: 4 PASS, 5 FAIL, 6 SKIP (40.0%)\n  reason level:  15 vectors: 4 PASS, 5 FAIL, 6 SKIP (40.0%)\n  not passed: verdict level: 5 FAIL\n  not passed: reason level: 5 FAIL\n',
    )
    expect(readdirSync(out)).toEqual(['results.md'])
  })

  it('exits 0 when every failure is xfailed, and 1 when an xfail entry is stale', async () => {
    const out = tempDir()
    expect((await conformance('run', '--adapter', fake('ok'), '--vectors', FIXTURE_VECTORS, '--out', out, '--xfail', xfailFile(FAILING))).status).toBe(0)
    const stale = await conformance('run', '--adapter', fake('ok'), '--vectors', FIXTURE_VECTORS, '--out', out, '--xfail', xfailFile([...FAILING, 'retired::*']))
    expect(stale.status).toBe(1)
    expect(stale.stdout).toContain('STALE xfail entry retired::*: it matches no vector')
  })

  it('exits 1 with XPASS when an xfailed vector passes', async () => {
    const r = await conformance('run', '--adapter', fake('ok'), '--vectors', FIXTURE_VECTORS, '--out', tempDir(), '--xfail', xfailFile([...FAILING, 'expiration::inside-window']))
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/XPASS expiration::inside-window: passed, but an xfail entry/)
  })

  it('runs only the vectors --filter selects, and ignores stale entries then', async () => {
    const r = await conformance('run', '--adapter', fake('ok'), '--vectors', FIXTURE_VECTORS, '--out', tempDir(), '--filter', 'expiration::at-*', '--filter', '*::other-project', '--xfail', xfailFile(FAILING))
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('fake-ok 0.0.1: PASSED\n  verdict level: 3 vectors: 1 PASS, 2 XFAIL\n')
  })

  it('exits 1, with every vector ERROR, when the adapter cannot start, and says why first instead of listing the vectors', async () => {
    const r = await conformance('run', '--adapter', fake('exit-immediately'), '--vectors', FIXTURE_VECTORS, '--out', tempDir())
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^the adapter could not be started: the adapter exited with status 1 before answering hello \(stderr: fake adapter: refusing to start\)\nno vector ran: all 15 are ERROR \(details in .*results\.md\)\n\n/)
    expect(r.stdout).toContain('unknown unknown: FAILED\n  verdict level: 15 vectors: 15 ERROR\n  reason level:  15 vectors: 15 ERROR\n  not passed: the adapter could not be started: the adapter exited with status 1 before answering hello')
    expect(r.stdout).not.toContain('ERROR expiration::inside-window')
    expect(r.stdout.split('\n').length).toBeLessThan(12)
  })

  it('runs the vectors this package ships unless --vectors says otherwise, whatever the working directory', async () => {
    const elsewhere = tempDir()
    const cwd = process.cwd()
    // The reference adapter from source, with tsx found from here rather than from the working directory.
    const reference = `node --import ${import.meta.resolve('tsx')} ${join(ROOT, 'src', 'adapter', 'main.ts')}`
    process.chdir(elsewhere)
    try {
      const r = await conformance('run', '--adapter', reference, '--filter', 'token-format::*', '--report', 'json')
      expect(r.status).toBe(0)
      expect(r.stdout).toMatch(/^token-format\.json +verdict +\d+ /m)
      expect(existsSync(join(elsewhere, 'reports', 'results.json'))).toBe(true)
      const missing = await conformance('run', '--adapter', reference, '--vectors', 'vectors')
      expect(missing.stderr).toBe(`pypi-token conformance: vectors (${join(elsewhere, 'vectors')}): no such vectors directory\n`)
    } finally {
      process.chdir(cwd)
    }
    expect(PACKAGE_VECTORS).toBe(join(ROOT, 'vectors'))
  })

  it('shows both levels where they differ: the table, each vector, and why the run did not pass (VEC-7)', async () => {
    const r = await conformance('run', '--adapter', variant('other-reasons'), '--vectors', FIXTURE_VECTORS, '--out', tempDir())
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('total                       verdict    15     -      -      -     -      -     -     15\n                            reason      6     9      -      -     -      -     -     15\n')
    expect(r.stdout).toContain('FAIL (verdict PASS) expiration::wrong-key: expected invalid (SIGNATURE_MISMATCH), got invalid (CAVEAT_UNKNOWN): wrong reason\n')
    expect(r.stdout).toContain('variant-other-reasons 0.0.1: FAILED\n  verdict level: 15 vectors: 15 PASS\n  reason level:  15 vectors: 6 PASS, 9 FAIL\n  not passed: reason level: 9 FAIL\n')
  })
})

describe('usage errors: exit 2 with one line on stderr', SLOW, () => {
  const dir = tempDir()
  writeFileSync(join(dir, 'bad.json'), '{"schema": "vector-file.schema.json"}')
  writeFileSync(join(dir, 'xfail.json'), '{"schema": "xfail-file.schema.json", "entries": []}')
  it.each([
    [['run'], 'run needs --adapter "<command>"'],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--report', 'pdf'], '--report must be json, md or html, not "pdf"'],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--timeout', '0'], '--timeout must be a positive whole number, not "0"'],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--timeout', '1.5'], '--timeout must be a positive whole number, not "1.5"'],
    [['run', '--adapter', 'x', '--vectors', join(dir, 'nope')], `${join(dir, 'nope')}: no such vectors directory`],
    [['run', '--adapter', 'x', '--vectors', dir], `${join(dir, 'bad.json')}: does not match vector-file.schema.json: value must have required property 'topic'`],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--xfail', join(dir, 'none.json')], `${join(dir, 'none.json')}: cannot be read (ENOENT)`],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--xfail', join(dir, 'xfail.json')], `${join(dir, 'xfail.json')}: does not match xfail-file.schema.json: value must have required property 'implementation'`],
    [['run', '--adapter', 'x', '--vectors', FIXTURE_VECTORS, '--filter', 'nothing::*'], '--filter nothing::* matches no vector'],
    [['run', '--adapter', 'x', '--bogus'], "Unknown option '--bogus'"],
    [[], 'a subcommand is required: run, matrix, fuzz or interop'],
    [['frobnicate'], 'unknown subcommand "frobnicate" (run, matrix, fuzz or interop)'],
    [['matrix', '--adapters', join(dir, 'none.json')], `${join(dir, 'none.json')}: cannot be read (ENOENT)`],
    [['matrix', '--adapters', join(dir, 'xfail.json')], `${join(dir, 'xfail.json')}: expected an object with an "adapters" array`],
    [['fuzz', '--adapter', 'x'], 'fuzz needs at least two --adapter options'],
    [['fuzz', '--adapter', 'x', '--adapter', 'y', '--seed', 'abc'], '--seed must be a whole number, not "abc"'],
    [['fuzz', '--adapter', 'x', '--adapter', 'y', '--shard', '3/2'], '--shard must be K/M with 1 <= K <= M, not "3/2"'],
    [['fuzz', '--adapter', 'x', '--adapter', 'y', '--shard', '0/2'], '--shard must be K/M with 1 <= K <= M, not "0/2"'],
    [['fuzz', '--adapter', 'x', '--adapter', 'y', '--runs', '0'], '--runs must be a positive whole number, not "0"'],
    [['fuzz', '--adapter', 'x', '--adapter', 'y', '--adapters', join(dir, 'xfail.json')], `${join(dir, 'xfail.json')}: expected an object with an "adapters" array`],
  ])('conformance %j', async (args, message) => {
    const r = await conformance(...args)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`pypi-token conformance: ${message}\n`)
    expect(r.stdout).toBe('')
  })

  it('prints the usage with --help', async () => {
    const r = await conformance('run', '--help')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('pypi-token conformance run --adapter "<command>"')
    expect(r.stdout).toContain(`default: the vectors this package ships, ${PACKAGE_VECTORS}`)
    expect(r.stdout).not.toContain('conformance matrix')
  })
})

describe('pypi-token conformance matrix', SLOW, () => {
  function config(entries: object[]): string {
    const path = join(tempDir(), 'adapters.json')
    writeFileSync(path, JSON.stringify({ adapters: entries }))
    return path
  }
  const reference = { name: 'reference', command: REFERENCE, requires: { files: ['src/adapter/main.ts'] } }

  it('runs every adapter it can, skips the others with the reason, and prints file x implementation', async () => {
    const out = tempDir()
    const adapters = config([
      reference,
      { name: 'fake', command: fake('ok'), xfail: join(out, 'not-written-yet.json') },
      { name: 'needs-env', command: 'false', requires: { env: ['HARNESS_TEST_UNSET'] }, skip: 'set it to run this one' },
      { name: 'needs-file', command: 'false', requires: { files: ['no/such/file'] } },
    ])
    const r = await conformance('matrix', '--adapters', adapters, '--vectors', FIXTURE_VECTORS, '--out', out)
    expect(r.status).toBe(1)
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      `vector file                 reference ${VERSION}          fake 0.0.1`,
      '                            verdict          reason  verdict     reason',
      'caveats/expiration.json     5P               5P      2P 3F       2P 3F',
      'caveats/project-names.json  4P               4P      2P 2F       2P 2F',
      'token-format.json           6P               6P      6S          6S',
      'total                       15P              15P     4P 5F 6S    4P 5F 6S',
      'skipped                     0 (0.0%)                 6 (40.0%)',
      'stale xfails                0                        0',
      'run                         PASSED                   FAILED',
    ])
    expect(r.stdout).toContain('fake: not passed: verdict level: 5 FAIL\nfake: not passed: reason level: 5 FAIL\n')
    expect(r.stdout).toContain('needs-env: skipped: HARNESS_TEST_UNSET is not set (set it to run this one)')
    expect(r.stdout).toContain('needs-file: skipped: no/such/file does not exist')
    expect(r.stderr).toContain(`fake: ${fake('ok')} (xfail file ${join(out, 'not-written-yet.json')} does not exist: running without)`)
    expect(existsSync(join(out, 'reference', 'results.json')) && existsSync(join(out, 'fake', 'results.html'))).toBe(true)
  })

  it('gives each implementation a verdict and a reason column, which differ when only reason codes do (VEC-7)', async () => {
    const r = await conformance('matrix', '--adapters', config([{ name: 'other-reasons', command: variant('other-reasons') }]), '--vectors', FIXTURE_VECTORS, '--out', tempDir())
    expect(r.status).toBe(1)
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'vector file                 other-reasons 0.0.1',
      '                            verdict              reason',
      'caveats/expiration.json     5P                   2P 3F',
      'caveats/project-names.json  4P                   1P 3F',
      'token-format.json           6P                   3P 3F',
      'total                       15P                  6P 9F',
    ])
  })

  it('prints the matrix as JSON with --json', async () => {
    const out = tempDir()
    const adapters = config([reference, { name: 'fake', command: fake('ok') }, { name: 'later', command: 'false', requires: { env: ['HARNESS_TEST_UNSET'] } }])
    const r = await conformance('matrix', '--adapters', adapters, '--vectors', FIXTURE_VECTORS, '--out', out, '--json')
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout)
    expect(json.passed).toBe(false)
    expect(json.implementations.map((i: { name: string }) => i.name)).toEqual(['reference', 'fake', 'later'])
    expect(json.implementations[0]).toMatchObject({
      implementation: { name: 'pypi-token-spec', version: VERSION },
      passed: true,
      problems: [],
      verdict_summary: { PASS: 15 },
      summary: { PASS: 15 },
      files: { 'caveats/expiration.json': { verdict: { PASS: 5 }, reason: { PASS: 5 } } },
      report: join(out, 'reference', 'results.json'),
    })
    expect(json.implementations[1]).toMatchObject({ passed: false, summary: { PASS: 4, FAIL: 5, SKIP: 6 }, files: { 'token-format.json': { verdict: { SKIP: 6 } } } })
    expect(json.implementations[2]).toEqual({ name: 'later', skipped: 'HARNESS_TEST_UNSET is not set' })
  })

  it('exits 1 when no adapter could run', async () => {
    const r = await conformance('matrix', '--adapters', config([{ name: 'later', command: 'false', requires: { env: ['HARNESS_TEST_UNSET'] } }]), '--vectors', FIXTURE_VECTORS, '--out', tempDir())
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^No adapter could run\.\n/)
  })

  it('exits 0 when every adapter that ran passed', async () => {
    const r = await conformance('matrix', '--adapters', config([reference, { name: 'later', command: 'false', requires: { env: ['HARNESS_TEST_UNSET'] } }]), '--vectors', FIXTURE_VECTORS, '--out', tempDir())
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('later: skipped: HARNESS_TEST_UNSET is not set')
  })

  it('lists the checked-in adapters: reference, pypitoken, warehouse, the scanners detect-secrets and gitleaks, and the macaroon libraries', async () => {
    const { loadAdapterConfig } = await import('../../src/harness/reports/matrix.js')
    expect(loadAdapterConfig(join(import.meta.dirname, '..', '..', 'adapters', 'adapters.json')).map((e) => [e.name, e.command])).toEqual([
      ['reference', 'node dist/adapter/main.js'],
      ['pypitoken', 'adapters/pypitoken/.venv/bin/python adapters/pypitoken/adapter.py'],
      ['warehouse', 'adapters/warehouse/.venv/bin/python adapters/warehouse/adapter.py'],
      ['detect-secrets', 'adapters/detect-secrets/.venv/bin/python adapters/detect-secrets/adapter.py'],
      ['gitleaks', 'adapters/gitleaks/bin/adapter'],
      ['pymacaroons', 'adapters/pymacaroons/.venv/bin/python adapters/pymacaroons/adapter.py'],
      ['macaroon-go', 'adapters/macaroon-go/bin/adapter'],
      ['macaroon-rs', 'adapters/macaroon-rs/target/release/adapter'],
      ['macaroon-js', 'node adapters/macaroon-js/adapter.mjs'],
    ])
  })
})

describe('pypi-token conformance fuzz', SLOW, () => {
  it('takes adapters by their adapters.json names, counts what their xfail files explain, and runs one shard', async () => {
    const dir = tempDir()
    const xfail = join(dir, 'lenient.xfail.json')
    const padding: XfailEntry = { id: 'token-format::padding-*', reason: 'reads padded tokens', spec: ['TOKEN-4'], flag: 'Base64Padding', level: 'verdict', effect: 'malleability', class: 'malleability' }
    writeFileSync(xfail, JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'lenient', entries: [padding] }))
    const adapters = join(dir, 'adapters.json')
    writeFileSync(adapters, JSON.stringify({ adapters: [{ name: 'reference', command: REFERENCE }, { name: 'lenient', command: variant('lenient-padding'), xfail }] }))
    const json = join(dir, 'report.json')
    const r = await conformance('fuzz', '--adapters', adapters, '--adapter', 'reference', '--adapter', 'lenient', '--runs', '600', '--seed', '11', '--shard', '2/2', '--json', json, '--out', join(dir, 'candidates'))
    expect(r.stderr).toMatch(/^fuzzing 2 adapters, 300 runs, seed -?\d+ \(shard 2\/2\)\n/)
    expect(r.stdout).toMatch(/: 300 inputs \(verify, inspect, restrict\), seed -?\d+: \d+ agreed, \d+ differed only in known ways:\n {2}variant-lenient-padding: Base64Padding \d+\n0 new disagreements\n$/)
    expect(r.status).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report).toMatchObject({ shard: '2/2', runs: 300, explained: [{ adapter: 'variant-lenient-padding', flag: 'Base64Padding' }], disagreements: [] })
    expect(report.seed).not.toBe(11)
    expect(existsSync(join(dir, 'candidates'))).toBe(false)
  })
})
