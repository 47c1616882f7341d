/**
 * npm run mutants [-- --only NAME ... --json FILE --keep]: the mutant gate. Applies each named
 * mutant of src/mutants/catalog.ts to a temporary copy of the reference, bundles its adapter and
 * runs every conformance vector against it. Exit 0 when every mutant is killed, 1 when one
 * survives, no longer applies or does not build (or the unmutated reference fails a vector),
 * 2 on bad usage.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CATALOG } from '../src/mutants/catalog.js'
import { runGate } from '../src/mutants/gate.js'
import { catalogProblems, selectMutants } from '../src/mutants/mutant.js'
import { baselineLine, mutantLine, summaryLine } from '../src/mutants/report.js'
import { loadVectors } from '../src/vectors/load.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const USAGE = `usage: npm run mutants -- [--only NAME]... [--json FILE] [--keep] [--list]
  --only NAME   run only this mutant (repeatable; * matches anything, e.g. 'window/*')
  --json FILE   also write the full report as JSON
  --keep        keep each mutant's temporary copy (paths in the JSON report)
  --list        print the catalog and exit`

interface Args {
  only: string[]
  json: string | null
  keep: boolean
  list: boolean
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { only: [], json: null, keep: false, list: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`)
      return v
    }
    try {
      if (arg === '--only') args.only.push(value())
      else if (arg === '--json') args.json = value()
      else if (arg === '--keep') args.keep = true
      else if (arg === '--list') args.list = true
      else if (arg === '--help' || arg === '-h') return 'help'
      else return `unknown argument ${JSON.stringify(arg)}`
    } catch (err) {
      return (err as Error).message
    }
  }
  return args
}

function usageError(message: string): never {
  process.stderr.write(`mutants: ${message}\n${USAGE}\n`)
  process.exit(2)
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (args === 'help') {
    console.log(USAGE)
    return 0
  }
  if (typeof args === 'string') usageError(args)
  const problems = catalogProblems(CATALOG)
  if (problems.length > 0) {
    for (const p of problems) console.error(`catalog: ${p}`)
    return 1
  }
  const { selected, unmatched } = selectMutants(CATALOG, args.only)
  if (unmatched.length > 0) usageError(`no mutant matches ${unmatched.map((p) => JSON.stringify(p)).join(', ')} (see --list)`)
  const width = Math.max(...selected.map((m) => m.name.length), 10)
  if (args.list) {
    for (const m of selected) console.log(`${m.name.padEnd(width)}  ${m.file.padEnd(34)} ${m.description}`)
    return 0
  }

  // One directory holds every copy of this run, so an interrupted run leaves nothing behind either.
  const tempDir = mkdtempSync(join(tmpdir(), 'pypi-token-mutants-'))
  const cleanUp = () => (args.keep ? process.stderr.write(`mutants: kept the temporary copies in ${tempDir}\n`) : rmSync(tempDir, { recursive: true, force: true }))
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      cleanUp()
      process.exit(code)
    })
  }
  const suite = loadVectors(join(root, 'vectors'))
  const report = await runGate({
    root,
    suite,
    mutants: selected,
    keep: args.keep,
    tempDir,
    onBaseline: (b) => console.log(baselineLine(b)),
    onResult: (r) => console.log(mutantLine(r, width)),
  })
  cleanUp()
  console.log(summaryLine(report))
  if (args.json !== null) {
    const file = resolve(args.json)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  }
  return report.ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mutants: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
