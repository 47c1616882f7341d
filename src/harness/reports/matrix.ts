/**
 * @module The implementation matrix: adapters/adapters.json lists every known adapter (name,
 * command, optional xfail file, requirements, a hint for when they are not met); the matrix runs
 * each adapter whose requirements hold and tabulates vector file × implementation, with a
 * column for each conformance level (VEC-7) of each implementation.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ConformanceResults } from '../../generated/types.js'
import { OUTCOMES, type Outcome } from '../judging/outcomes.js'
import { alignColumns, countsByFile, LEVELS, skipShare, zeroCounts, type Counts } from './summary.js'
import { readJsonFile } from '../../json-file.js'

/** One adapter of adapters.json. */
export interface AdapterEntry {
  readonly name: string
  readonly command: string
  /** Xfail file, relative to the working directory; run without one when it does not exist. */
  readonly xfail?: string
  readonly requires?: { readonly files?: readonly string[]; readonly env?: readonly string[] }
  /** What to do when the requirements are not met. */
  readonly skip?: string
}

/** adapters.json cannot be used; the message names the file and the problem. */
export class AdapterConfigError extends Error {
  override readonly name = 'AdapterConfigError'
}

const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string')

/** Reads and checks adapters.json. Throws AdapterConfigError. */
export function loadAdapterConfig(path: string): AdapterEntry[] {
  const data = readJsonFile(path, (message) => new AdapterConfigError(message))
  const list = (data as { adapters?: unknown } | null)?.adapters
  if (!Array.isArray(list)) throw new AdapterConfigError(`${path}: expected an object with an "adapters" array`)
  const names = new Set<string>()
  list.forEach((e: Record<string, unknown> | null, i) => {
    const where = `${path}: adapters[${i}]`
    if (e === null || typeof e !== 'object') throw new AdapterConfigError(`${where} is not an object`)
    if (typeof e.name !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(e.name)) throw new AdapterConfigError(`${where}.name must be a lowercase name`)
    if (names.has(e.name)) throw new AdapterConfigError(`${where}: the name ${e.name} is used twice`)
    names.add(e.name)
    if (typeof e.command !== 'string' || e.command.trim() === '') throw new AdapterConfigError(`${where}.command must be a command line`)
    for (const k of ['xfail', 'skip']) if (e[k] !== undefined && typeof e[k] !== 'string') throw new AdapterConfigError(`${where}.${k} must be a string`)
    const req = e.requires as Record<string, unknown> | undefined
    if (req !== undefined && (typeof req !== 'object' || req === null || !Object.keys(req).every((k) => (k === 'files' || k === 'env') && strings(req[k])))) {
      throw new AdapterConfigError(`${where}.requires must be { files?: [paths], env?: [names] }`)
    }
    const unknown = Object.keys(e).find((k) => !['name', 'command', 'xfail', 'requires', 'skip'].includes(k))
    if (unknown !== undefined) throw new AdapterConfigError(`${where} has an unknown member ${unknown}`)
  })
  return list as AdapterEntry[]
}

/** Why an adapter cannot run here (missing file, unset variable, plus its hint), or null when it can. */
export function unmetRequirement(entry: AdapterEntry, env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): string | null {
  const file = entry.requires?.files?.find((f) => !existsSync(resolve(cwd, f)))
  const variable = entry.requires?.env?.find((v) => env[v] === undefined || env[v] === '')
  const why = file !== undefined ? `${file} does not exist` : variable !== undefined ? `${variable} is not set` : null
  return why === null ? null : `${why}${entry.skip === undefined ? '' : ` (${entry.skip})`}`
}

/** One column of the matrix: an adapter's results, or why it was skipped. */
export type MatrixColumn = { readonly name: string; readonly results: ConformanceResults } | { readonly name: string; readonly skipped: string }

const LETTER: Record<Outcome, string> = { PASS: 'P', FAIL: 'F', XFAIL: 'XF', XPASS: 'XP', SKIP: 'S', ERROR: 'E', HANG: 'H' }

/** A compact cell: `12P 1XF 2F` (zero counts left out), `-` when the file had no vectors. */
export function cellOf(c: Counts): string {
  const parts = OUTCOMES.filter((o) => c[o] > 0).map((o) => `${c[o]}${LETTER[o]}`)
  return parts.length === 0 ? '-' : parts.join(' ')
}

/**
 * The vector file × implementation table (a verdict and a reason column each), total rows, the
 * share of SKIPs, stale xfail entries and the run's verdict; then the legend, why each run that
 * failed did not pass, and one line per skipped adapter.
 */
export function matrixTable(columns: readonly MatrixColumn[]): string {
  const ran = columns.filter((c): c is Extract<MatrixColumn, { results: unknown }> => 'results' in c)
  const perColumn = ran.map((c) => LEVELS.map((l) => countsByFile(c.results.results, l.of)))
  const files = [...new Set(perColumn.flatMap((levels) => levels.flatMap((m) => [...m.keys()])))]
  const version = (v: string) => (v.length > 16 ? `${v.slice(0, 12)}…` : v)
  const each = (cells: (c: (typeof ran)[number], i: number) => [string, string]) => ran.flatMap((c, i) => cells(c, i))
  const rows: string[][] = [
    ['vector file', ...each((c) => [`${c.name} ${version(c.results.implementation.version)}`, ''])],
    ['', ...each(() => ['verdict', 'reason'])],
  ]
  for (const file of files) rows.push([file, ...each((_c, i) => perColumn[i]!.map((m) => cellOf(m.get(file) ?? zeroCounts())) as [string, string])])
  rows.push(['total', ...each((c) => [cellOf(c.results.verdict_summary), cellOf(c.results.summary)])])
  rows.push(['skipped', ...each((c) => [`${c.results.summary.SKIP} (${skipShare(c.results.summary)})`, ''])])
  rows.push(['stale xfails', ...each((c) => [String(c.results.stale_xfails.length), ''])])
  rows.push(['run', ...each((c) => [c.results.passed ? 'PASSED' : 'FAILED', ''])])
  const lines = [
    ran.length === 0 ? 'No adapter could run.' : alignColumns(rows, Number.POSITIVE_INFINITY),
    '',
    'P PASS, F FAIL, XF XFAIL, XP XPASS, S SKIP, E ERROR, H HANG',
    'verdict level: valid or invalid, a rejection or not, the same parts, token or caveats (the security contract)',
    'reason level: the verdict, and also the reason code and any reported failures',
  ]
  for (const c of ran) for (const p of c.results.problems) lines.push(`${c.name}: not passed: ${p}`)
  for (const c of columns) if ('skipped' in c) lines.push(`${c.name}: skipped: ${c.skipped}`)
  return lines.join('\n')
}
