/**
 * The built CLI on a real terminal (a pseudo-terminal made by util-linux `script`): colour there,
 * none when piped or with NO_COLOR; and the completion scripts loaded into the shells they are for.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanEnv, CLI, has, run, SLOW, token } from './helpers.js'

const ESC = '\x1b['
const now = Math.floor(Date.now() / 1000)
const fresh = token({ type: 'expiration', expires_at: now + 600, not_before: now - 60 })
const expired = token({ type: 'expiration', expires_at: now - 600, not_before: now - 1200 })
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`

/** Runs `pypi-token args` with its stdout on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string[], env: Record<string, string> = {}) {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ')
  return run('script', ['-q', '-e', '-c', command, '/dev/null'], cleanEnv({ TERM: 'xterm', ...env }))
}

describe.skipIf(!has('script'))(`colour on a terminal (util-linux script)${has('script') ? '' : ' (skipped: util-linux script is not installed)'}`, SLOW, () => {
  it('shows a valid token in green and an expired one in red', async () => {
    const valid = await onTerminal(['inspect', fresh, '--now', String(now)])
    expect(valid.status).toBe(0)
    expect(valid.stdout).toContain(`status      ${ESC}32mvalid now, expires in `)
    const old = await onTerminal(['inspect', expired, '--now', String(now)])
    expect(old.stdout).toContain(`status      ${ESC}31mexpired 10 minutes ago`)
  })

  it('shows no colour with NO_COLOR set, nor with TERM=dumb', async () => {
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const r = await onTerminal(['inspect', expired, '--now', String(now)], env)
      expect(r.stdout).toContain('status      expired 10 minutes ago')
      expect(r.stdout).not.toContain(ESC)
    }
  })

  it('shows no colour when piped', async () => {
    const r = await run(process.execPath, [CLI, 'inspect', expired, '--now', String(now)], cleanEnv({ TERM: 'xterm' }))
    expect(r.stdout).toContain('status      expired 10 minutes ago')
    expect(r.stdout).not.toContain(ESC)
  })
})

describe('completion scripts in their shells', SLOW, () => {
  it.skipIf(!has('bash'))(`bash completes commands, subcommands and options${has('bash') ? '' : ' (skipped: bash is not installed)'}`, async () => {
    const cases: [string[], string[]][] = [
      [['pypi-token', 'ins'], ['inspect']],
      [['pypi-token', 'c'], ['conformance', 'completion']],
      [['pypi-token', 'verify', '--key-'], ['--key-env', '--key-file', '--key-stdin', '--key-hex']],
      [['pypi-token', 'restrict', '--p'], ['--project', '--project-id', '--publisher']],
      [['pypi-token', 'conformance', 'm'], ['matrix']],
      [['pypi-token', 'conformance', 'run', '--ad'], ['--adapter']],
      [['pypi-token', 'completion', ''], ['bash', 'zsh']],
      [['pypi-token', 'help', 'con'], ['conformance']],
    ]
    // One shell loads the script once and completes every case: what it completes, one line per case.
    const each = cases.map(([words]) => `COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _pypi_token; echo "\${COMPREPLY[*]}"`)
    const r = await run('bash', ['-c', `source <(pypi-token completion bash)\n${each.join('\n')}`], cleanEnv())
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(cases.map(([, want]) => want.join(' ')))
  })

  const noZsh = has('zsh') ? '' : ' (skipped: zsh is not installed)'
  it.skipIf(noZsh !== '')(`zsh parses the zsh script and registers it after compinit${noZsh}`, async () => {
    const script = 'pypi-token completion zsh > "$TMPDIR/_pypi-token" && zsh -n "$TMPDIR/_pypi-token" && zsh -f -c \'autoload -U compinit && compinit -u -D && source "$TMPDIR/_pypi-token" && print -r -- $_comps[pypi-token]\''
    const r = await run('sh', ['-c', script], cleanEnv({ TMPDIR: mkdtempSync(join(tmpdir(), 'zsh-')) }))
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '_pypi-token\n', ''])
  })

  it.skipIf(noZsh !== '')(`zsh offers the options of the command and subcommand being typed (compadd stubbed)${noZsh}`, async () => {
    const stubs = 'compdef() { : }; compadd() { print -r -- "$*" }; _describe() { print -r -- "${(P)2}" }; _files() { print files }'
    const complete = async (...words: string[]) => {
      const script = `${stubs}; eval "$(pypi-token completion zsh)"; words=(${words.map(quote).join(' ')}); CURRENT=${words.length}; PREFIX=${quote(words[words.length - 1] as string)}; _pypi-token`
      const r = await run('zsh', ['-f', '-c', script], cleanEnv())
      expect(r.stderr).toBe('')
      return r.stdout.trim()
    }
    expect(await complete('pypi-token', 'verify', '--k')).toContain('-- --from-env --json --key-env --key-file --key-stdin --key-hex --now')
    expect(await complete('pypi-token', 'conformance', 'ru')).toBe('-- run matrix fuzz interop')
    expect(await complete('pypi-token', 'conformance', 'matrix', '--')).toBe('-- --adapters --out --vectors --timeout --json --help')
    expect(await complete('pypi-token', 'inspect', 'tok')).toBe('files')
  })
})
