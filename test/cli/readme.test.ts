/**
 * The README's CLI section says what the commands do: its exit-status table is the CLI's (and
 * each example exits as the table says), its example output is what `inspect` prints, and its
 * command table names only commands and options that exist.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT_STATUSES, type Io } from '../../src/cli/io.js'
import { COMMANDS, exitStatusLines, run as runCli, usage } from '../../src/cli/run.js'
import { optionsIn } from '../../src/cli/completion.js'
import { cleanEnv, KEY_HEX, ROOT, run, SLOW, token } from './helpers.js'

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** The body rows, as cells, of the first Markdown table at or after `marker` (a comment or its header row). */
function tableAfter(marker: string): string[][] {
  const start = README.indexOf(marker)
  if (start < 0) throw new Error(`README.md has no ${marker}`)
  const lines = README.slice(start).split('\n')
  const header = lines.findIndex((l) => l.startsWith('|'))
  const out: string[][] = []
  for (const row of lines.slice(header + 2)) {
    if (!row.startsWith('|')) break
    out.push(row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()))
  }
  return out
}

async function cli(argv: string[]) {
  let stdout = ''
  const io: Io = { argv, env: {}, readStdin: async () => null, out: (t) => void (stdout += t), err: () => {}, now: () => 0 }
  const status = await runCli(io)
  return { status, stdout }
}

describe("the README's exit-status table", SLOW, () => {
  const rows = tableAfter('<!-- exit-statuses')

  it('lists the statuses and meanings the CLI has, as pypi-token --help prints them', () => {
    expect(rows.map(([status, meaning]) => ({ status: Number(status), meaning }))).toEqual(EXIT_STATUSES.map((e) => ({ status: e.status, meaning: e.meaning })))
    expect(usage()).toContain(exitStatusLines().join('\n'))
  })

  it('gives examples that exit with their status, run as they stand in sh', async () => {
    const now = Math.floor(Date.now() / 1000)
    const env = cleanEnv({ PYPI_TOKEN: token({ type: 'expiration', expires_at: now + 600, not_before: now - 60 }, { type: 'project_names', names: ['my-pkg'] }), KEY: KEY_HEX })
    const examples = rows.filter((r) => r[2] !== '')
    expect(examples.map((r) => Number(r[0]))).toEqual([0, 1, 2])
    for (const [status, , example] of examples) {
      const command = (/^`(.*)`$/.exec(example as string) as RegExpExecArray)[1] as string
      const r = await run('/bin/sh', ['-c', command], env)
      expect([command, r.status], r.stderr).toEqual([command, Number(status)])
    }
  })
})

describe("the README's CLI section", () => {
  it('shows what inspect prints', async () => {
    const block = /```text\n\$ (pypi-token inspect [^\n]+)\n([\s\S]*?)```/.exec(README) as RegExpExecArray
    const argv = (block[1] as string).split(' ').slice(1)
    const r = await cli(argv)
    expect([r.status, r.stdout]).toEqual([0, block[2]])
  })

  it('names every command, and only options the commands have', () => {
    const section = README.slice(README.indexOf('### The commands'), README.indexOf('### Output and exit status'))
    expect(section).toContain('| command | what it does |')
    const rows = tableAfter('| command | what it does |')
    const named = new Set<string>()
    for (const [cell] of rows) {
      for (const m of (cell as string).matchAll(/`([a-z]+)(?: ([a-z]+))?([^`]*)`/g)) {
        const [, name, sub, rest] = m as unknown as [string, string, string | undefined, string]
        const command = COMMANDS[name]
        expect(command, `README names a command ${name}`).toBeDefined()
        named.add(name)
        const help = (sub !== undefined ? command?.subcommands?.[sub] : undefined) ?? command?.usage ?? ''
        for (const option of optionsIn(`${sub ?? ''} ${rest}`)) expect(optionsIn(help), `${name}${sub ? ` ${sub}` : ''} ${option}`).toContain(option)
      }
    }
    expect([...named].sort()).toEqual(Object.keys(COMMANDS).sort())
  })

  it('shows keys passed as the CLI takes them, with --key-*, never as a positional KEY', () => {
    const rows = tableAfter('| command | what it does |')
    for (const name of ['verify', 'mint']) {
      const cell = (rows.find(([c]) => (c as string).startsWith(`\`${name} `)) as string[])[0] as string
      expect(cell, name).toContain('(--key-env VAR \\| --key-file PATH \\| --key-stdin \\| --key-hex HEX)')
      expect(cell, name).not.toMatch(/\bKEY\b/)
    }
  })
})
