import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesInScope, filesWithoutMutants, inScope, ROOT, scopePatterns } from '../../scripts/mutation/scope.js'
import { aggregate, isMessage, originalText, readReport, scoresOf, type Equivalent, type StrykerReport } from '../../scripts/mutation/scores.js'
import { scoresTable, vectorsTable } from '../../scripts/mutation/table.js'
import { inVectorsCore, VECTORS_CORE, VECTORS_TARGET } from '../../scripts/mutation/vectors.js'
import { mutationCommand, type ScoresFile } from '../../scripts/mutation/command.js'

const scores = JSON.parse(readFileSync(join(ROOT, 'test/mutation/scores.json'), 'utf8')) as ScoresFile
const equivalents = JSON.parse(readFileSync(join(ROOT, 'test/mutation/equivalent.json'), 'utf8')) as Equivalent[]
/** What no vector can reach, left out of the vectors-alone score only. */
const unreachable = JSON.parse(readFileSync(join(ROOT, 'test/mutation/equivalent.vectors.json'), 'utf8')) as Equivalent[]
const patterns = scopePatterns()
const INCREMENTAL = join(ROOT, 'test/mutation/stryker-incremental.json')
const VECTORS_INCREMENTAL = join(ROOT, 'test/mutation/stryker-incremental.vectors.json')
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(ROOT, join(dir, e.name))]))

describe('the checked-in mutation scores (test/mutation/scores.json, npm run mutation)', () => {
  it("meet each file's threshold: the 95 % target, or for a file recorded below it, its recorded score rounded down", () => {
    for (const [file, s] of Object.entries(scores.files)) {
      expect(s.threshold, file).toBe(Math.min(95, Math.floor(s.score)))
      expect(s.score, `${file}: ${s.score}% is below its threshold ${s.threshold}%`).toBeGreaterThanOrEqual(s.threshold)
    }
  })

  it('cover every file in scope: each has a score or has nothing to mutate', () => {
    const inTree = walk(join(ROOT, 'src')).filter((f) => inScope(f, patterns)).sort()
    expect([...Object.keys(scores.files), ...scores.withoutMutants].sort()).toEqual(inTree)
  })

  it('give every equivalent mutant a reason, for a file in scope (equivalent.json, and equivalent.vectors.json for the vectors alone)', () => {
    for (const e of [...equivalents, ...unreachable]) {
      expect(inScope(e.file, patterns), e.file).toBe(true)
      expect(e.reason.length, `${e.file} ${e.original}`).toBeGreaterThan(20)
      expect(readFileSync(join(ROOT, e.file), 'utf8').includes(e.original), `${e.file} no longer contains ${e.original}`).toBe(true)
    }
  })

  it('are the table docs/mutation.md shows, with the target beside each threshold', () => {
    expect(scores.target).toBe(95)
    expect(readFileSync(join(ROOT, 'docs', 'mutation.md'), 'utf8')).toContain(scoresTable(scores.files, scores.target))
  })

  it.skipIf(!existsSync(INCREMENTAL))(`are what the committed incremental file scores (test/mutation/stryker-incremental.json, written by npm run mutation)${existsSync(INCREMENTAL) ? '' : ' (skipped: no incremental file is committed yet; npm run mutation -- --full writes it)'}`, () => {
    const { scores: fromReport } = scoresOf(readReport(INCREMENTAL), equivalents)
    expect(Object.fromEntries(Object.entries(scores.files).map(([f, { threshold: _, ...s }]) => [f, s]))).toEqual(fromReport)
  })
})

describe('the checked-in vectors-alone score (scores.json "vectors", npm run mutation:vectors)', () => {
  const v = scores.vectors
  it.skipIf(v === undefined)(`meets its threshold over the core: the 90 % target, or below it, its recorded score rounded down${v === undefined ? ' (skipped: no vectors-alone score is recorded yet; npm run mutation:vectors records it)' : ''}`, () => {
    if (v === undefined) return
    expect([v.target, v.core.files]).toEqual([VECTORS_TARGET, [...VECTORS_CORE]])
    expect(v.core).toMatchObject(aggregate(Object.entries(v.files).filter(([f]) => inVectorsCore(f)).map(([, s]) => s)))
    expect(v.core.threshold).toBe(Math.min(VECTORS_TARGET, Math.floor(v.core.score)))
    expect(v.core.score).toBeGreaterThanOrEqual(v.core.threshold)
    expect(readFileSync(join(ROOT, 'docs', 'mutation.md'), 'utf8')).toContain(vectorsTable(v))
  })

  it.skipIf(v === undefined || !existsSync(VECTORS_INCREMENTAL))(`is what the committed incremental file of the vectors run scores, messages left out${v === undefined || !existsSync(VECTORS_INCREMENTAL) ? ' (skipped: no vectors-alone run is committed yet; npm run mutation:vectors writes it)' : ''}`, () => {
    expect(scoresOf(readReport(VECTORS_INCREMENTAL), [...equivalents, ...unreachable], { excludeMessages: true }).scores).toEqual(v?.files)
  })

  it('leaves out a StringLiteral mutant as a message when its literal holds a space, whatever its status', () => {
    expect(isMessage('StringLiteral', "`token expired at ${isoTime(expiresAt)}`")).toBe(true)
    expect(isMessage('StringLiteral', "'exp'")).toBe(false)
    expect(isMessage('StringLiteral', "'CAVEAT_MALFORMED'")).toBe(false)
    expect(isMessage('ConditionalExpression', "a === ' '")).toBe(false)
    const m = (status: string, column: number, end: number, mutatorName = 'StringLiteral') => ({ mutatorName, replacement: '""', status, location: { start: { line: 1, column }, end: { line: 1, column: end } } })
    const report: StrykerReport = { files: { 'src/v.ts': { source: "f('a b', 'ab')", mutants: [m('Survived', 3, 8), m('Killed', 3, 8), m('Survived', 10, 14), m('Killed', 10, 14)] } } }
    expect(scoresOf(report, [], { excludeMessages: true }).scores['src/v.ts']).toEqual({ score: 50, killed: 1, timeout: 0, survived: 1, noCoverage: 0, equivalent: 0, messages: 2 })
    expect(scoresOf(report, []).scores['src/v.ts']).toMatchObject({ score: 50, killed: 2, survived: 2 })
  })
})

describe('scoring a Stryker report', () => {
  const source = 'const a = x > 1\nconst b = y === 2\nconst c = z'
  const mutant = (status: string, line: number, column: number, end: number, replacement: string, mutatorName = 'EqualityOperator') => ({ mutatorName, replacement, status, location: { start: { line, column }, end: { line, column: end } } })
  const report: StrykerReport = {
    files: {
      'src/x.ts': {
        source,
        mutants: [mutant('Killed', 1, 11, 16, 'x >= 1'), mutant('Timeout', 1, 11, 16, 'x < 1'), mutant('Survived', 2, 11, 18, 'y !== 2'), mutant('NoCoverage', 3, 11, 12, 'true', 'BooleanLiteral'), mutant('CompileError', 1, 11, 16, '"x"', 'StringLiteral')],
      },
      'src/empty.ts': { source: 'export type T = 1', mutants: [] },
    },
  }

  it('reads the replaced text from the source, by 1-based line and column', () => {
    expect(originalText(source, mutant('Survived', 2, 11, 18, 'y !== 2'))).toBe('y === 2')
  })

  it('counts detected over valid mutants (compile errors are not valid), rounding down', () => {
    const { scores: s, survivors } = scoresOf(report, [])
    expect(s).toEqual({ 'src/x.ts': { score: 50, killed: 1, timeout: 1, survived: 1, noCoverage: 1, equivalent: 0 } })
    expect(survivors.map((v) => `${v.line} ${v.original} -> ${v.replacement} ${v.status}`)).toEqual(['2 y === 2 -> y !== 2 Survived', '3 z -> true NoCoverage'])
  })

  it('leaves a listed equivalent mutant out of the score, matched by the code it replaces', () => {
    const eq: Equivalent = { file: 'src/x.ts', mutator: 'EqualityOperator', original: 'y === 2', replacement: 'y !== 2', reason: 'a test-only example of an equivalent mutant' }
    const other: Equivalent = { ...eq, original: 'y === 3' }
    const { scores: s, survivors, used } = scoresOf(report, [eq, other])
    expect(s['src/x.ts']).toMatchObject({ score: 66.66, survived: 0, equivalent: 1 })
    expect(survivors).toHaveLength(1)
    expect([...used]).toEqual([eq]) // `other` matched nothing: stale
  })
})

describe('choosing what to mutate', () => {
  it('takes the files under a `dir/**/*.ts` pattern or named exactly', () => {
    expect(inScope('src/json/parse.ts', ['src/json/**/*.ts'])).toBe(true)
    expect(inScope('src/jsonx/parse.ts', ['src/json/**/*.ts'])).toBe(false)
    expect(inScope('src/verify.ts', ['src/verify.ts'])).toBe(true)
    expect(inScope('src/verify.tsx', ['src/verify.ts'])).toBe(false)
  })

  it('counts as without mutants the files Stryker leaves out of its report, and those it reports with none', () => {
    expect(filesInScope(patterns)).toContain('src/json/index.ts')
    expect(filesWithoutMutants(['src/a.ts', 'src/t.ts', 'src/e.ts'], ['src/a.ts', 'src/e.ts'], ['src/a.ts'])).toEqual(['src/e.ts', 'src/t.ts'])
  })

  it('npm run mutation runs Stryker incrementally, from scratch only with --full, with the vectors config with --vectors', () => {
    const runs: string[] = []
    const quiet = { out: () => {}, err: () => {} }
    const stryker = ({ config, full }: { config: string; full: boolean }) => (runs.push(`${config}${full ? ' --force' : ''}`), 1) // status 1: the command stops before scoring
    for (const args of [[], ['--full'], ['--vectors'], ['--vectors', '--full']]) expect(mutationCommand(args, quiet, stryker)).toBe(1)
    expect(runs).toEqual(['stryker.config.json', 'stryker.config.json --force', 'stryker.vectors.config.json', 'stryker.vectors.config.json --force'])
  })

  it('--files mutates the in-scope files given, alone and from scratch, and does nothing when none is in scope', () => {
    const calls: unknown[] = []
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
    const stryker = (options: { config: string; full: boolean; mutate?: readonly string[] }) => (calls.push(options), 1)
    expect(mutationCommand(['--files', 'README.md,src/verify.ts,src/site/build.ts,src/json/parse.ts'], io, stryker)).toBe(1)
    expect(calls).toEqual([{ config: 'stryker.config.json', full: false, mutate: ['src/verify.ts', 'src/json/parse.ts'] }])
    expect(mutationCommand(['--files', 'README.md,src/site/build.ts'], io, stryker)).toBe(0)
    expect(calls).toHaveLength(1)
    expect(lines.at(-1)).toBe('no file in the mutation scope among: README.md,src/site/build.ts')
    for (const args of [['--files', 'src/verify.ts', '--full'], ['--files', 'src/verify.ts', '--report', 'r.json']]) expect(mutationCommand(args, io, stryker), args.join(' ')).toBe(2)
  })

  it('npm run mutation refuses --since (incremental mode replaced it), --full with --report, and --retest-survivors with a from-scratch run, with status 2', () => {
    for (const args of [['--since', 'HEAD^'], ['--full', '--report', 'r.json'], ['--retest-survivors', '--full'], ['--retest-survivors', '--files', 'src/verify.ts']]) {
      const lines: string[] = []
      const status = mutationCommand(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, () => {
        throw new Error('must not run Stryker')
      })
      expect(status, args.join(' ')).toBe(2)
      expect(lines.at(-1)).toMatch(/^usage: npm run mutation -- \[--vectors\] \[--full \| --files PATHS \| --retest-survivors\]/)
    }
  })
})

describe('npm run mutation -- --report FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-report-'))
  const run = (report: StrykerReport, equivalent: Equivalent[] = [], extra: string[] = []) => {
    const [r, e, s, j] = ['report.json', 'equivalent.json', 'scores.json', 'out.json'].map((f) => join(dir, f)) as [string, string, string, string]
    writeFileSync(r, JSON.stringify(report))
    writeFileSync(e, JSON.stringify(equivalent))
    const out: string[] = []
    const status = mutationCommand([...extra, '--report', r, '--equivalent', e, '--scores', s, '--json', j], { out: (l) => out.push(l), err: (l) => out.push(l) })
    return { status, stdout: out.join('\n'), scores: JSON.parse(readFileSync(s, 'utf8')) as ScoresFile, json: JSON.parse(readFileSync(j, 'utf8')) }
  }
  const file = (statuses: string[]) => ({ source: 'const a = x > 1', mutants: statuses.map((status, i) => ({ mutatorName: 'EqualityOperator', replacement: `x >= ${i}`, status, location: { start: { line: 1, column: 11 }, end: { line: 1, column: 16 } } })) })

  it('records the scores and files without mutants, and passes when every file meets 95%', () => {
    const r = run({ files: { 'src/a.ts': file(Array(20).fill('Killed')), 'src/t.ts': { source: 'export type T = 1', mutants: [] } } })
    expect(r.status).toBe(0)
    expect(r.scores.files).toEqual({ 'src/a.ts': { score: 100, killed: 20, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, threshold: 95 } })
    expect(r.scores.withoutMutants).toEqual(['src/t.ts'])
  })

  it('ratchets a file recorded below the target: its threshold rises with its score and never falls', () => {
    const scoresFile = join(dir, 'scores.json')
    const recorded: ScoresFile = { tool: 't', target: 95, files: { 'src/a.ts': { score: 60, killed: 6, timeout: 0, survived: 4, noCoverage: 0, equivalent: 0, threshold: 60 } }, withoutMutants: [] }
    writeFileSync(scoresFile, JSON.stringify(recorded))
    const better = run({ files: { 'src/a.ts': file([...Array(7).fill('Killed'), ...Array(3).fill('Survived')]) } })
    expect([better.status, better.scores.files['src/a.ts']?.threshold]).toEqual([0, 70])
    const worse = run({ files: { 'src/a.ts': file([...Array(13).fill('Killed'), ...Array(7).fill('Survived')]) } })
    expect([worse.status, worse.scores.files['src/a.ts']?.threshold]).toEqual([1, 70])
    const best = run({ files: { 'src/a.ts': file(Array(20).fill('Killed')) } })
    expect([best.status, best.scores.files['src/a.ts']?.threshold]).toEqual([0, 95])
  })

  it('fails below the threshold, listing each survivor, and on a stale equivalent entry', () => {
    const below = run({ files: { 'src/a.ts': file([...Array(18).fill('Killed'), 'Survived']) } })
    expect(below.status).toBe(1)
    expect(below.stdout).toContain('SURVIVED src/a.ts:1 EqualityOperator: "x > 1" -> "x >= 18"')
    expect(below.json.files['src/a.ts']).toMatchObject({ score: 94.73 })
    const stale: Equivalent = { file: 'src/a.ts', mutator: 'EqualityOperator', original: 'x > 2', replacement: 'x >= 2', reason: 'an entry that no longer matches anything' }
    const r = run({ files: { 'src/a.ts': file(Array(20).fill('Killed')) } }, [stale])
    expect(r.status).toBe(1)
    expect(r.json.stale).toEqual([stale])
  })

  it('merges a report of some files into the record: the other files keep their scores, and only measured files can have stale entries', () => {
    const scoresFile = join(dir, 'scores.json')
    const other = { score: 60, killed: 6, timeout: 0, survived: 4, noCoverage: 0, equivalent: 0, threshold: 60 }
    writeFileSync(scoresFile, JSON.stringify({ tool: 't', target: 95, files: { 'src/b.ts': other }, withoutMutants: ['src/t.ts'] } satisfies ScoresFile))
    const elsewhere: Equivalent = { file: 'src/b.ts', mutator: 'EqualityOperator', original: 'x > 2', replacement: 'x >= 2', reason: 'a survivor of a file this run did not measure' }
    const r = run({ files: { 'src/a.ts': file(Array(20).fill('Killed')) } }, [elsewhere])
    expect(r.status).toBe(0)
    expect(Object.keys(r.scores.files)).toEqual(['src/a.ts', 'src/b.ts'])
    expect(r.scores.files['src/b.ts']).toEqual(other)
    expect(r.scores.withoutMutants).toEqual(['src/t.ts'])
    expect(Object.keys(r.json.files)).toEqual(['src/a.ts'])
    expect(r.json.stale).toEqual([])
  })

  it('--vectors records the vectors-alone score beside the main one, with the core ratcheted toward 90 %', () => {
    const scoresFile = join(dir, 'scores.json')
    const main = { 'src/a.ts': { score: 100, killed: 1, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, threshold: 95 } }
    writeFileSync(scoresFile, JSON.stringify({ tool: 't', target: 95, files: main, withoutMutants: ['src/t.ts'] } satisfies ScoresFile))
    const vectors = (killed: number, survived: number) => ({ files: { 'src/verify.ts': file([...Array(killed).fill('Killed'), ...Array(survived).fill('Survived')]), 'src/mint.ts': file(['Survived']) } })
    const first = run(vectors(6, 4), [], ['--vectors'])
    expect(first.status).toBe(0)
    expect(first.scores.files).toEqual(main) // the main record is kept
    expect(first.scores.vectors?.core).toMatchObject({ score: 60, killed: 6, survived: 4, threshold: 60 }) // mint.ts is outside the core
    expect(first.scores.vectors?.files['src/mint.ts']).toMatchObject({ score: 0 })
    expect(first.stdout).toContain('NOT PINNED BY A VECTOR src/verify.ts:1')
    expect(first.stdout).not.toContain('NOT PINNED BY A VECTOR src/mint.ts')
    const worse = run(vectors(5, 5), [], ['--vectors'])
    expect([worse.status, worse.scores.vectors?.core.threshold]).toEqual([1, 60])
    const best = run(vectors(19, 1), [], ['--vectors'])
    expect([best.status, best.scores.vectors?.core.threshold]).toEqual([0, 90])
    const mainAgain = run({ files: { 'src/a.ts': file(['Killed']) } })
    expect(mainAgain.scores.vectors?.core.threshold).toBe(90) // a main run keeps the vectors record
  })

  it('--vectors leaves out what equivalent.vectors.json says no vector can reach, and fails on a stale entry there', () => {
    writeFileSync(join(dir, 'scores.json'), JSON.stringify({ tool: 't', target: 95, files: {}, withoutMutants: [] } satisfies ScoresFile))
    const report = { files: { 'src/verify.ts': file([...Array(9).fill('Killed'), 'Survived']) } }
    const reach = (replacement: string): Equivalent => ({ file: 'src/verify.ts', mutator: 'EqualityOperator', original: 'x > 1', replacement, reason: 'the request schema refuses such an argument before the library sees it' })
    writeFileSync(join(dir, 'equivalent.vectors.json'), JSON.stringify([reach('x >= 9')]))
    const left = run(report, [], ['--vectors'])
    expect(left.status).toBe(0)
    expect(left.scores.vectors?.core).toMatchObject({ score: 100, killed: 9, survived: 0, equivalent: 1 })
    writeFileSync(join(dir, 'equivalent.vectors.json'), JSON.stringify([reach('x >= 9'), reach('x >= 0')]))
    const stale = run(report, [], ['--vectors'])
    expect(stale.status).toBe(1)
    expect(stale.json.stale).toEqual([reach('x >= 0')])
    expect(stale.stdout).toContain('STALE equivalent.vectors.json entry: src/verify.ts EqualityOperator "x > 1" -> "x >= 0"')
    rmSync(join(dir, 'equivalent.vectors.json'))
  })
})
