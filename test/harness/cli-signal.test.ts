/** The CLI as a process: Ctrl-C during a run stops the harness and kills the adapter. */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { eventually, HANG_NOW, fake, procSuite, ROOT, SLOW, tempDir } from './helpers.js'

const running = (pid: number) => {
  try {
    process.kill(pid, 0)
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

it('on SIGINT, exits with status 130 and leaves no adapter process behind', SLOW, async () => {
  const vectors = tempDir()
  writeFileSync(join(vectors, 'proc.json'), JSON.stringify(procSuite(3, { 1: HANG_NOW }).files[0]!.data))
  const cliProcess = spawn('node', ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'conformance', 'run', '--adapter', fake('hang'), '--vectors', vectors, '--out', tempDir(), '--timeout', '60000'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const pid = await new Promise<number>((resolve, reject) => {
    cliProcess.stderr.setEncoding('utf8')
    cliProcess.stderr.on('data', (chunk: string) => {
      stderr += chunk
      // Signalled once the hanging request is in flight (the timeout, 60 s, is never reached).
      const m = /\[adapter\] fake adapter pid (\d+)\n(?:.*\n)*\[adapter\] fake adapter: hanging on request/.exec(stderr)
      if (m !== null) resolve(Number(m[1]))
    })
    cliProcess.once('exit', () => reject(new Error(`the CLI exited early: ${stderr}`)))
  })
  expect(running(pid)).toBe(true)
  const status = await new Promise<number | null>((resolve) => {
    cliProcess.once('exit', (code) => resolve(code))
    cliProcess.kill('SIGINT')
  })
  expect(status).toBe(130)
  expect(await eventually(() => !running(pid))).toBe(true)
})
