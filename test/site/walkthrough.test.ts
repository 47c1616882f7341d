/**
 * The "Write an adapter" walkthrough (src/site/content/write-an-adapter.md): its adapter, taken
 * from the page as it stands, starts, answers hello and verify, and passes a conformance run with
 * every other operation SKIP; and the hello-only first step fails the way the page says.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { ConformanceResults } from '../../src/generated/types.js'
import { root } from './helpers.js'
import { PROCESS_SUITE } from '../limits.js'

const START = 300_000
const page = readFileSync(join(root, 'src', 'site', 'content', 'write-an-adapter.md'), 'utf8')

/** Runs `conformance run` on an adapter written into tmp/ (inside the package, so it imports the package by name). */
async function run(source: string): Promise<{ results: ConformanceResults; stdout: string }> {
  mkdirSync(join(root, 'tmp'), { recursive: true })
  const dir = mkdtempSync(join(root, 'tmp', 'walkthrough-'))
  writeFileSync(join(dir, 'my-adapter.mjs'), source)
  const out = join(dir, 'reports')
  try {
    return await conformanceRun(dir, out)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function conformanceRun(dir: string, out: string): Promise<{ results: ConformanceResults; stdout: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist/cli/main.js', 'conformance', 'run', '--adapter', `node ${join(dir, 'my-adapter.mjs')}`, '--out', out, '--report', 'json'], { cwd: root, maxBuffer: 64 << 20 }).catch((err: { stdout?: string; code?: number }) => {
    if (typeof err.code !== 'number') throw err
    return { stdout: err.stdout ?? '' }
  })
  return { results: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ConformanceResults, stdout }
}

describe('the adapter walkthrough', PROCESS_SUITE, () => {
  const adapter = /<!-- walkthrough-adapter:[^>]*-->\n```js\n([\s\S]*?)```/.exec(page)?.[1]

  it('passes a conformance run with its adapter as the page shows it: verify runs, the rest is SKIP (ADAPT-6, ADAPT-8)', async () => {
    expect(adapter).toBeDefined()
    const { results } = await run(adapter!)
    expect(results.passed, results.problems.join('; ')).toBe(true)
    expect(results.ops).toEqual(['hello', 'verify'])
    for (const r of results.results) expect(r.verdict, r.id).toBe(r.op === 'verify' ? 'PASS' : 'SKIP')
  }, START)

  it('fails the hello-only first step with the problems the page quotes (VEC-8)', async () => {
    const helloOnly = adapter!.replace("ops: ['hello', 'verify']", "ops: ['hello']")
    expect(helloOnly).not.toBe(adapter)
    const { results } = await run(helloOnly)
    expect(results.passed).toBe(false)
    const quoted = /```text\n([\s\S]*?)```/.exec(page)![1]!.trim().split('\n').map((l) => l.replace(/^not passed: /, ''))
    expect(results.problems).toEqual(quoted)
  }, START)
})
