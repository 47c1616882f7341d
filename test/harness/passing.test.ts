/**
 * A run passes only when it ran something (VEC-8), and the library (results.passed) and the CLI
 * (its exit status) agree on every case.
 */
import { VERSION } from '../../src/version.js'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/io.js'
import { run as runCli } from '../../src/cli/run.js'
import type { ConformanceResults } from '../../src/generated/types.js'
import { runConformance, runFailed } from '../../src/harness/run.js'
import { loadVectors } from '../../src/vectors/load.js'
import { fake, FIXTURE_VECTORS, ManualClock, REFERENCE, ROOT, SLOW, tempDir } from './helpers.js'

async function cli(argv: string[]) {
  let stdout = ''
  const io: Io = { argv, env: {}, readStdin: async () => null, out: (t) => void (stdout += t), err: () => {}, now: () => 1700000000 }
  return { status: await runCli(io), stdout }
}

/** The same run through the library and through `pypi-token conformance run`. */
async function both(adapter: string, vectors: string): Promise<{ r: ConformanceResults; status: number; stdout: string }> {
  const r = await runConformance({ clock: new ManualClock(), adapter, suite: loadVectors(vectors), cwd: ROOT, onStderr: () => {} })
  const { status, stdout } = await cli(['conformance', 'run', '--adapter', adapter, '--vectors', vectors, '--out', tempDir()])
  expect(status, 'the CLI exit status agrees with results.passed').toBe(r.passed ? 0 : 1)
  expect(runFailed(r)).toBe(!r.passed)
  return { r, status, stdout }
}

const emptyDir = () => {
  const dir = join(tempDir(), 'vectors')
  mkdirSync(dir)
  return dir
}

describe('a run passes only when it ran something (VEC-8)', SLOW, () => {
  it('passes the reference on the fixture vectors (the control)', async () => {
    const { r, stdout } = await both(REFERENCE, FIXTURE_VECTORS)
    expect(r).toMatchObject({ passed: true, problems: [], ops: ['hello', 'inspect', 'verify', 'mint', 'restrict', 'detect'] })
    expect(stdout).toContain(`pypi-token-spec ${VERSION}: PASSED\n`)
  })

  it('fails an adapter whose hello lists only hello, although every vector is SKIP and none FAIL', async () => {
    const { r, stdout } = await both(fake('hello-only'), FIXTURE_VECTORS)
    expect(r.summary).toMatchObject({ SKIP: 15, PASS: 0, FAIL: 0 })
    expect(r).toMatchObject({ passed: false, ops: ['hello'], problems: ["the adapter's hello lists neither verify, detect nor inspect and restrict (it lists hello)", 'no vector was run: all 15 were SKIP'] })
    expect(stdout).toContain('fake-hello-only 0.0.1: FAILED\n  verdict level: 15 vectors: 15 SKIP (100.0%)\n')
    expect(stdout).toContain("  not passed: the adapter's hello lists neither verify, detect nor inspect and restrict (it lists hello)\n")
  })

  it('fails an adapter that answers unsupported to everything', async () => {
    const { r, stdout } = await both(fake('unsupported-all'), FIXTURE_VECTORS)
    expect(r).toMatchObject({ passed: false, problems: ['no vector was run: all 15 were SKIP'], summary: { SKIP: 15 }, verdict_summary: { SKIP: 15 } })
    expect(stdout).toContain('  not passed: no vector was run: all 15 were SKIP\n')
  })

  it('fails a run of an empty vectors directory, whether or not the adapter starts', async () => {
    const broken = await both(fake('exit-immediately'), emptyDir())
    expect(broken.r.problems).toEqual([expect.stringMatching(/^the adapter could not be started: the adapter exited with status 1 before answering hello/), 'no vector was run: none was selected'])
    expect(broken.stdout).toContain('unknown unknown: FAILED\n  verdict level: 0 vectors\n  reason level:  0 vectors\n')
    const working = await both(REFERENCE, emptyDir())
    expect(working.r).toMatchObject({ passed: false, problems: ['no vector was run: none was selected'] })
  })

  it('fails a library run whose filter matches nothing (the CLI refuses such a filter as bad usage)', async () => {
    const r = await runConformance({ clock: new ManualClock(), adapter: REFERENCE, suite: loadVectors(FIXTURE_VECTORS), filter: ['nothing::*'], cwd: ROOT, onStderr: () => {} })
    expect(r).toMatchObject({ passed: false, problems: ['no vector was run: none was selected'] })
    expect(runFailed(r)).toBe(true)
  })
})
