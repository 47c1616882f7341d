import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCaveatSize, maxBytes, patternCharBytes } from '../../src/gate/checks/caveat-size.js'
import { checkDeterminism } from '../../src/gate/checks/determinism.js'
import { regexProblem } from '../../src/gate/checks/redos.js'
import { scanModule } from '../../src/gate/sandbox/scan.js'
import type { VectorFile } from '../../src/generated/types.js'
import { ROOT } from './copies.js'

let temp: string
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'gate-sandbox-'))
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

/** A proposal folder holding only module.ts (and any other files given). */
function folder(files: Record<string, string>): string {
  const dir = join(temp, 'sample')
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const caveatModule = (check: string, prelude = '') => `${prelude}
export const caveat = {
  slug: 'sample', tag: 77, type: 'sample', schemas: { caveat: {}, restriction: {} },
  decode: (wire: [number, string[]]) => ({ type: 'sample', names: wire[1] }),
  encode: (r: { names: string[] }) => [77, r.names],
  normalize: (r: { names: string[] }) => ({ ok: true, restriction: { type: 'sample', names: [...r.names].sort() } }),
  check: (r: { names: string[] }, context: Record<string, unknown>) => { ${check} },
  explain: (r: { names: string[] }) => 'only ' + r.names.join(', '),
}
`
const ALLOW = "return r.names.includes(String(context.name)) ? null : 'not listed'"

/** A vector file whose caveats and contexts the determinism check reads. */
const vectors = (): VectorFile =>
  ({
    vectors: [
      ...['a', 'b', 'c'].map((name, i) => ({ op: 'verify', input: { context: { name } }, decoded: { caveats: [JSON.stringify([77, ['a', 'b', 'c'].slice(0, i + 1)]), '[0, 1, 2]'] } })),
      { op: 'restrict', input: { restrictions: [{ type: 'sample', names: ['b', 'a'] }, { type: 'other' }] } },
    ],
  }) as unknown as VectorFile

describe('module-code: the static scan names file and line (PROP-20, PROP-21)', () => {
  it.each([
    ['Math.random()', 'module.ts:3: Math.random reaches for randomness'],
    ['new Date()', 'module.ts:3: Date reaches for the clock'],
    ['performance.now()', 'module.ts:3: performance reaches for the clock'],
    ['globalThis', 'module.ts:3: globalThis reaches for the global object'],
    ["fetch('https://index.example')", 'module.ts:3: fetch reaches for the network'],
    ['crypto.getRandomValues(new Uint8Array(1))', 'module.ts:3: crypto reaches for randomness'],
    ["(() => 1).constructor('return 1')()", 'module.ts:3: .constructor can reach the Function constructor'],
    ["Math['random']()", 'module.ts:3: Math used as a value can reach Math.random'],
  ])('%s', (expression, finding) => {
    const scan = scanModule(ROOT, folder({ 'module.ts': `// a module\nexport const caveat = {}\nexport const x = () => ${expression}\n` }))
    expect(scan.findings.map((f) => `${f.file}:${f.line}: ${f.message}`)).toEqual([expect.stringContaining(finding)])
  })

  it('follows imports of the folder, allows types and the allow-list, and refuses the rest', () => {
    const dir = folder({
      'module.ts': "import type { Server } from 'node:http'\nimport ipaddr from 'ipaddr.js'\nimport { helper } from './helper.js'\nimport { inspect } from '../../src/inspect.js'\nexport const caveat = { helper, ipaddr, inspect, s: null as Server | null }\n",
      'helper.ts': "import { connect } from 'node:net'\nexport const helper = () => new Date(0)\n",
    })
    const scan = scanModule(ROOT, dir)
    expect(scan.files).toEqual(['module.ts', 'helper.ts'])
    expect(scan.findings.map((f) => `${f.file}:${f.line}: ${f.message}`)).toEqual([
      'module.ts:4: imports ../../src/inspect.js, outside the proposal\'s folder and the allow-list (src/index.ts, src/caveats/types.ts)',
      'helper.ts:1: imports node:net, which is not on the allow-list (ipaddr.js, @renovatebot/pep440)',
      'helper.ts:2: Date reaches for the clock',
    ])
  })

  it('finds the regular expressions, folding constants, and marks those it cannot compute', () => {
    const scan = scanModule(ROOT, folder({ 'module.ts': "const A = '[a-z]'\nexport const r = [/^x+$/i, new RegExp(`^${A}+` + '$', 'u'), new RegExp(String(Math.max(1, 2)))]\n" }))
    expect(scan.regexes.map((r) => [r.line, r.source, r.flags])).toEqual([[2, '^x+$', 'i'], [2, '^[a-z]+$', 'u'], [2, null, '']])
  })
})

describe('determinism: two sandboxes, identical answers, read-only inputs (PROP-22, PROP-23)', () => {
  it('passes a pure module', async () => {
    const result = await checkDeterminism(folder({ 'module.ts': caveatModule(ALLOW) }), 77, 'sample', vectors())
    expect(result).toMatchObject({ name: 'determinism', status: 'PASS', summary: expect.stringContaining('checks of 3 caveats × 3 contexts, 1 restrictions normalized') })
  })

  it.each([
    ['a wall-clock time bomb', 'if (Date.now() > Date.UTC(2050, 0, 1)) return null', 'with the clock at 2026-01-01, seed 1, calls in order'],
    ['Math.random letting requests through', 'if (Math.random() < 0.5) return null', 'answers depend on the clock, Math.random or earlier calls (PROP-22)'],
    ['state kept between calls', 'calls++; if (calls === 3) return null', 'answers depend on the clock, Math.random or earlier calls (PROP-22)'],
  ])('refuses %s', async (_what, line, phrase) => {
    const result = await checkDeterminism(folder({ 'module.ts': caveatModule(`${line}; ${ALLOW}`, 'let calls = 0') }), 77, 'sample', vectors())
    expect(result.status).toBe('FAIL')
    expect(result.problems.join('\n')).toContain(phrase)
  })

  it('refuses a check that writes to its context or its restriction, naming the write', async () => {
    const result = await checkDeterminism(folder({ 'module.ts': caveatModule(`context.seen = true; r.names.push('z'); ${ALLOW}`) }), 77, 'sample', vectors())
    expect(result.problems).toEqual([expect.stringMatching(/^the module writes to what it is handed \(PROP-23\): check\(\[77,\["a"\]\], \{"name":"a"\}\) writes context\.seen; .*writes restriction\.names\.1/)])
  })

  it('never lets the injected clock or randomness leak into the gate', async () => {
    const before = [Date.now(), Math.random]
    await checkDeterminism(folder({ 'module.ts': caveatModule(ALLOW) }), 77, 'sample', vectors())
    expect(Math.random).toBe(before[1])
    expect(Math.abs(Date.now() - (before[0] as number))).toBeLessThan(24 * 3600 * 1000)
  })
})

describe('redos and caveat-size (PROP-24, PROP-25, PROP-26)', () => {
  it('shows the attack string recheck reports for a vulnerable pattern', () => {
    expect(regexProblem({ where: 'caveat.schema.json x', source: '^(a+)+$', flags: 'u' })).toMatch(/^caveat\.schema\.json x: \/\^\(a\+\)\+\$\/u backtracks catastrophically, exponential: recheck's attack string "a+/)
    expect(regexProblem({ where: 'x', source: '^[a-z]+$', flags: 'u' })).toBeNull()
  })

  it('bounds the JSON text of caveats from the schema, and refuses unbounded or oversized ones', () => {
    expect(patternCharBytes('^[0-9A-Fa-f.:]+/[0-9]+$')).toBe(1)
    expect(patternCharBytes('^[a-z"]+$')).toBe(2)
    expect(patternCharBytes('^.+$')).toBe(6)
    expect(patternCharBytes('[a-z]')).toBe(6)
    const caveat = (maxItems: number | null) => ({ type: 'array', items: [{ const: 9 }, { type: 'array', ...(maxItems === null ? {} : { maxItems }), items: { type: 'string', maxLength: 10, pattern: '^[a-z]+$' } }], additionalItems: false })
    expect(maxBytes(caveat(2))).toEqual({ bytes: 2 + 1 + 1 + (2 + 2 * 12 + 1) })
    expect(checkCaveatSize(caveat(2)).status).toBe('PASS')
    expect(checkCaveatSize(caveat(400)).problems).toEqual(['caveat.schema.json admits caveats of up to 5205 bytes, more than the 4096 every verifier must accept (LIMIT-3)'])
    expect(checkCaveatSize(caveat(null)).problems[0]).toContain('admits caveats of unbounded size ((root)[1]: an array without maxItems)')
  })
})
