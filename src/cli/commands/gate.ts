/** @module `pypi-token gate proposals/<slug>`: the CI gate for a proposed caveat type (spec/proposals.md, PROP-10). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'

export const GATE_USAGE = `pypi-token gate <proposal folder> [--json FILE] [--markdown FILE] [--deployed NAME]... [--changelog FILE] [--runs N] [--seed S] [--base REF]
  Checks a proposed caveat type (spec/proposals.md): its files and schemas, a tag never used,
  its spec ids cited by its vectors, every kind of vector and near-miss family, the laws with the
  caveat mixed in, its mutants killed, every existing vector unchanged, the deployed
  implementations of adapters/adapters.json (reference without the proposal, pypitoken,
  Warehouse) rejecting it, no access without its context extension, and its version and
  CHANGELOG entry. Prints PASS, FAIL (with every reason) or NOT RUN per check.
  --json / --markdown FILE   also write the report (Markdown: for a CI step summary)
  --deployed NAME            run only this deployed implementation (repeatable: each names one
                             more; default all)
  --changelog FILE           the changelog to look for the entry in (default CHANGELOG.md)
  --runs N                   fast-check runs per law (default 200); --seed S fixes the seed
  --base REF                 judge against the merge-base of REF and HEAD (default main): the
                             existing vectors, core spec and builders come from it, and the
                             change set may not edit them; outside a git clone with REF it fails
  Run it in the repository (it bundles src/ with the proposal). Exit status 0 when every check
  passed, 1 otherwise, 2 on bad usage.`

/** The repository the CLI runs from (dist/cli/commands → the root; src/cli/commands likewise). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

function whole(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) throw new UsageError(`gate: ${option} must be a whole number of at least ${min}, not ${JSON.stringify(value)}`)
  return Number(value)
}

export async function gateCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(
    'gate',
    argv,
    {
      json: { type: 'string' },
      markdown: { type: 'string' },
      deployed: { type: 'string', multiple: true },
      changelog: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      base: { type: 'string' },
    },
    1,
  )
  const path = positionals[0]
  if (path === undefined) throw new UsageError('gate: give the proposal folder, e.g. pypi-token gate proposals/release-version')
  const runs = whole(values.runs, '--runs', 1)
  const seed = whole(values.seed, '--seed', 0)
  // The gate bundles src/ with the proposal: it runs in a checkout, and the package does not ship it.
  if (!existsSync(join(ROOT, 'src', 'caveats'))) throw new UsageError('gate: runs in a checkout of the pypi-token-spec repository (it bundles src/ with the proposal); the installed package does not include it')
  // The gate and its tools (esbuild, json-schema-to-typescript) load only when it runs.
  const { runProposalGate } = await import('../../gate/gate.js')
  const { isDirectory } = await import('../../gate/proposal.js')
  const { checkLines, headLine, markdownReport, summaryLine } = await import('../../gate/report.js')
  if (!isDirectory(path)) throw new UsageError(`gate: ${path} is not a folder (a proposal is proposals/<slug>/)`)
  io.out(`${headLine({ proposal: { path, slug: '', tag: null } })}\n`)
  const report = await runProposalGate({
    root: ROOT,
    proposal: path,
    deployed: values.deployed ?? null,
    env: io.env as NodeJS.ProcessEnv,
    ...(values.changelog === undefined ? {} : { changelog: resolve(values.changelog) }),
    ...(runs === undefined ? {} : { lawRuns: runs }),
    ...(seed === undefined ? {} : { seed }),
    ...(values.base === undefined ? {} : { base: values.base }),
  })
  for (const check of report.checks) io.out(`${checkLines(check)}\n`)
  io.out(`${summaryLine(report)}\n`)
  write(values.json, `${JSON.stringify(report, null, 2)}\n`)
  write(values.markdown, markdownReport(report))
  return report.ok ? EXIT.OK : EXIT.INVALID
}

function write(file: string | undefined, text: string): void {
  if (file === undefined) return
  mkdirSync(dirname(resolve(file)), { recursive: true })
  writeFileSync(resolve(file), text)
}
