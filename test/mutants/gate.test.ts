import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Vector } from '../../src/generated/types.js'
import { CATALOG } from '../../src/mutants/catalog.js'
import { runGate, type GateOptions } from '../../src/mutants/gate.js'
import type { Mutant } from '../../src/mutants/mutant.js'
import { mutantLine } from '../../src/mutants/report.js'
import { loadVectors, type VectorSuite } from '../../src/vectors/load.js'
import { PROCESS_SUITE } from '../limits.js'

const ROOT = join(import.meta.dirname, '..', '..')
const FULL = loadVectors(join(ROOT, 'vectors'))
/** Only the tag-0 vectors: enough to kill a window mutant, and fast. */
const EXPIRATION: VectorSuite = {
  files: FULL.files.filter((f) => f.file === 'caveats/expiration.json'),
  vectors: FULL.vectors.filter((v) => v.file === 'caveats/expiration.json'),
}

const catalogMutant = (name: string) => CATALOG.find((m) => m.name === name) as Mutant
const mutant = (name: string, find: string, replace: string): Mutant => ({
  name,
  file: 'src/caveats/window.ts',
  find,
  replace,
  description: `test mutant ${name}`,
  targets: ['EXP-3'],
})
/** Rewording a comment changes no behaviour: no vector can kill it. */
const EQUIVALENT = mutant('test/comment-only', '/** EXP-3: valid iff', '/** EXP-3 (reworded): valid iff')

let temp: string
afterEach(() => rmSync(temp, { recursive: true, force: true }))
function gate(mutants: readonly Mutant[], extra: Partial<GateOptions> = {}) {
  temp = mkdtempSync(join(tmpdir(), 'mutant-gate-test-'))
  return runGate({ root: ROOT, suite: EXPIRATION, mutants, tempDir: temp, ...extra })
}

describe('the mutant gate', PROCESS_SUITE, () => {
  it('reports a mutant the vectors catch as KILLED, with the vectors that failed, and removes its temporary copies', async () => {
    const report = await gate([catalogMutant('window/not-before-off-by-one')])
    expect(report.baseline).toMatchObject({ passed: true, vectors: EXPIRATION.vectors.length, dir: null })
    expect(report.mutants).toHaveLength(1)
    expect(report.mutants[0]).toMatchObject({ name: 'window/not-before-off-by-one', status: 'KILLED', dir: null })
    expect(report.mutants[0]?.failed_vectors).toContain('expiration::at-not-before')
    expect(report.ok).toBe(true)
    expect(readdirSync(temp)).toEqual([])
  }, 30000)

  it('reports an equivalent patch as SURVIVED and fails, even next to a killed mutant', async () => {
    const report = await gate([catalogMutant('window/expires-at-off-by-one'), EQUIVALENT])
    expect(report.mutants.map((m) => [m.name, m.status])).toEqual([
      ['window/expires-at-off-by-one', 'KILLED'],
      ['test/comment-only', 'SURVIVED'],
    ])
    expect(report.mutants[1]?.failed_count).toBe(0)
    expect(report.mutants[1]?.message).toContain('a vector is missing')
    expect(report.summary).toEqual({ killed: 1, survived: 1, not_applying: 0, broken: 0 })
    expect(report.ok).toBe(false)
  }, 30000)

  it('reports a mutant whose find does not occur exactly once as no longer applying, without running it', async () => {
    const missing = mutant('test/missing', 'if (context.now < notBefore - 1)', 'if (false)')
    const twice = mutant('test/twice', 'isoTime(', 'String(')
    const gone: Mutant = { ...EQUIVALENT, name: 'test/no-file', file: 'src/caveats/no-such-file.ts' }
    const report = await gate([missing, twice, gone])
    expect(report.mutants.map((m) => m.status)).toEqual(['NOT_APPLYING', 'NOT_APPLYING', 'NOT_APPLYING'])
    expect(report.mutants[0]?.message).toBe('mutant test/missing no longer applies: its `find` occurs 0 times in src/caveats/window.ts (must be exactly once)')
    expect(report.mutants[1]?.message).toMatch(/occurs [2-9] times/)
    expect(report.mutants[2]?.message).toContain('does not exist')
    expect(report.ok).toBe(false)
  }, 30000)

  it('checks every further edit of a mutant too', async () => {
    const report = await gate([{ ...catalogMutant('window/expires-at-off-by-one'), also: [{ find: 'no such text', replace: '' }] }])
    expect(report.mutants[0]?.status).toBe('NOT_APPLYING')
    expect(report.mutants[0]?.message).toContain('`also[0].find` occurs 0 times')
  }, 30000)

  it('reports a mutant that does not compile as BROKEN', async () => {
    const report = await gate([mutant('test/syntax-error', 'if (context.now < notBefore) return', 'if (context.now <<<= notBefore) return')])
    expect(report.mutants[0]?.status).toBe('BROKEN')
    expect(report.mutants[0]?.message).toMatch(/^mutant test\/syntax-error does not build: .*src\/caveats\/window\.ts:/)
    expect(report.ok).toBe(false)
  }, 30000)

  it('shows when a mutant is killed only by crashing (ERROR), not by a wrong verdict', async () => {
    // A caveat's check that throws does not hold (VERIFY-7), so the crash is put where nothing catches it: the adapter's verify.
    const crash = { ...mutant('test/crash', 'const failures = result.failures.map(', 'const failures = undefinedFunction(result) ?? result.failures.map('), file: 'src/adapter/handle.ts' }
    const report = await gate([crash])
    const result = report.mutants[0]
    expect(result?.status).toBe('KILLED')
    expect(Object.keys(result?.failed_outcomes ?? {})).toEqual(['ERROR'])
    expect(mutantLine(result as NonNullable<typeof result>)).toMatch(/\[\d+ ERROR: crashing, not caught\?\]$/)
  }, 30000)

  it('runs no mutant when the unmutated reference fails a vector', async () => {
    const inside = EXPIRATION.vectors.find((v) => v.vector.id === 'expiration::inside-window')
    if (inside === undefined) throw new Error('fixture vector missing')
    const wrong = { ...inside.vector, expected: { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' } } as unknown as Vector
    const suite: VectorSuite = { files: EXPIRATION.files, vectors: [{ file: inside.file, vector: wrong }] }
    const report = await gate([catalogMutant('window/not-before-off-by-one')], { suite })
    expect(report.baseline).toMatchObject({ passed: false, failed_count: 1, failed_vectors: ['expiration::inside-window'] })
    expect(report.baseline.message).toContain('would prove nothing')
    expect(report.mutants).toEqual([])
    expect(report.ok).toBe(false)
  }, 30000)

  it('keeps the patched copies and their bundles with keep', async () => {
    const report = await gate([catalogMutant('window/not-before-skipped')], { keep: true })
    const dir = report.mutants[0]?.dir
    expect(dir).toMatch(/pypi-token-mutant-window_not-before-skipped-/)
    expect(readFileSync(join(dir as string, 'src/caveats/window.ts'), 'utf8')).toContain('if (false) return')
    expect(existsSync(join(dir as string, 'adapter.mjs'))).toBe(true)
    expect(existsSync(join(dir as string, 'src/mutants'))).toBe(false)
    expect(readFileSync(join(report.baseline.dir as string, 'src/caveats/window.ts'), 'utf8')).toBe(readFileSync(join(ROOT, 'src/caveats/window.ts'), 'utf8'))
    expect(readdirSync(temp)).toHaveLength(2)
  }, 30000)

  it('copies and writes what a workspace names, bundles its entry point, and patches a mutant into a workspace file', async () => {
    const entry = [
      "import { serve } from '../src/adapter/jsonl.js'",
      "import { createRegistry, DEFAULT_REGISTRY } from '../src/caveats/registry.js'",
      'const registry = createRegistry(DEFAULT_REGISTRY.modules)',
      'serve(process.stdin, process.stdout, registry).then(() => process.exit(0))',
      '',
    ].join('\n')
    const dropExpiration: Mutant = {
      name: 'test/no-expiration',
      file: 'wrap/main.ts',
      find: 'createRegistry(DEFAULT_REGISTRY.modules)',
      replace: "createRegistry(DEFAULT_REGISTRY.modules.filter((m) => m.slug !== 'expiration'))",
      description: 'the registry forgets tag 0',
      targets: ['CAV-4'],
    }
    const workspace = { files: { 'wrap/main.ts': entry }, copies: [[join(ROOT, 'spec/laws.md'), 'spec/laws.md']] as const, entry: 'wrap/main.ts' }
    const report = await gate([dropExpiration, { ...dropExpiration, name: 'test/gone', find: 'no such text' }], { workspace, keep: true })
    expect(report.baseline.passed).toBe(true)
    expect(report.mutants.map((m) => m.status)).toEqual(['KILLED', 'NOT_APPLYING'])
    expect(report.mutants[0]?.failed_vectors).toContain('expiration::inside-window')
    expect(existsSync(join(report.baseline.dir as string, 'spec/laws.md'))).toBe(true)
    expect(readFileSync(join(report.mutants[0]?.dir as string, 'wrap/main.ts'), 'utf8')).toContain("m.slug !== 'expiration'")
  }, 30000)
})
