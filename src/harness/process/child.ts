/**
 * @module One adapter child process: spawned through the shell in its own process group (so a
 * kill reaches whatever the command started), stdout split into lines, stderr passed on line by
 * line with a short tail kept for error messages, and one `closed` promise for however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process'

/** How a child ended: its exit status, or the signal that killed it, or why it never ran. */
export interface ChildEnd {
  readonly code: number | null
  /** A signal name such as `SIGKILL` (a string, so that the published types need no @types/node). */
  readonly signal: string | null
  readonly spawnError?: string
}

export interface ChildOptions {
  readonly command: string
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Every complete stdout line of one chunk, in order. */
  readonly onLines: (lines: string[]) => void
  readonly onStderr: (line: string) => void
  /** Called once for a stdout line longer than the limit, which is dropped. */
  readonly onOverlong: () => void
}

/** A stdout line longer than this (no newline in sight) is dropped rather than buffered forever. */
const MAX_LINE = 16 * 1024 * 1024
const TAIL = 5

const live = new Set<Child>()
let exitHookInstalled = false

/** A running adapter process. */
export class Child {
  readonly closed: Promise<ChildEnd>
  /** Set when the harness killed it (timeout or shutdown): its end is not a crash. */
  killedByHarness = false
  /** The last few stderr lines, for messages about a crash. */
  readonly stderrTail: string[] = []
  private readonly proc: ChildProcess
  private partial = ''
  private stderrPartial = ''
  private ended = false

  constructor(private readonly options: ChildOptions) {
    if (!exitHookInstalled) {
      exitHookInstalled = true
      process.once('exit', () => {
        for (const child of live) child.kill()
      })
    }
    this.proc = spawn(options.command, { shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env })
    live.add(this)
    this.closed = new Promise<ChildEnd>((resolve) => {
      this.proc.on('error', (err) => {
        // Spawning failed, or a later kill() failed; 'close' may never come after a spawn error.
        if (this.proc.pid === undefined) resolve({ code: null, signal: null, spawnError: err.message })
      })
      this.proc.once('close', (code, signal) => resolve({ code, signal }))
    }).then((end) => {
      this.ended = true
      live.delete(this)
      this.flushStderr()
      return end
    })
    this.proc.stdin?.on('error', () => {}) // EPIPE after a crash: the close handler reports it
    this.proc.stdout?.setEncoding('utf8')
    this.proc.stdout?.on('data', (chunk: string) => this.onStdout(chunk))
    this.proc.stderr?.setEncoding('utf8')
    this.proc.stderr?.on('data', (chunk: string) => this.onStderr(chunk))
  }

  /** Writes request lines; a write to a dead child is dropped (its end is reported separately). */
  write(text: string): void {
    const stdin = this.proc.stdin
    if (!this.ended && stdin !== null && stdin.writable) stdin.write(text)
  }

  /** Closes stdin: a conforming adapter exits 0 (ADAPT-5). */
  endInput(): void {
    this.proc.stdin?.end()
  }

  /** Kills the whole process group at once (SIGKILL); harmless when it has already ended. */
  kill(): void {
    this.killedByHarness = true
    if (this.ended || this.proc.pid === undefined) return
    try {
      process.kill(-this.proc.pid, 'SIGKILL')
    } catch {
      try {
        this.proc.kill('SIGKILL')
      } catch {
        // already gone
      }
    }
  }

  private onStdout(chunk: string): void {
    let nl = chunk.indexOf('\n')
    if (nl < 0) {
      this.partial += chunk
      if (this.partial.length > MAX_LINE) {
        this.partial = ''
        this.options.onOverlong()
      }
      return
    }
    const lines = [this.partial + chunk.slice(0, nl)]
    let start = nl + 1
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      lines.push(chunk.slice(start, nl))
      start = nl + 1
    }
    this.partial = chunk.slice(start)
    this.options.onLines(lines)
  }

  private onStderr(chunk: string): void {
    const parts = (this.stderrPartial + chunk).split('\n')
    this.stderrPartial = parts.pop() ?? ''
    if (this.stderrPartial.length > 64 * 1024) this.stderrPartial = this.stderrPartial.slice(0, 64 * 1024)
    for (const line of parts) this.stderrLine(line)
  }

  private flushStderr(): void {
    if (this.stderrPartial !== '') this.stderrLine(this.stderrPartial)
    this.stderrPartial = ''
  }

  private stderrLine(line: string): void {
    if (line.trim() !== '') {
      this.stderrTail.push(line.length > 300 ? `${line.slice(0, 300)}…` : line)
      if (this.stderrTail.length > TAIL) this.stderrTail.shift()
    }
    this.options.onStderr(line)
  }
}

/** "exited with status 3" / "was killed by signal SIGSEGV" / "could not be started (…)". */
export function describeEnd(end: ChildEnd): string {
  if (end.spawnError !== undefined) return `could not be started (${end.spawnError})`
  if (end.signal !== null) return `was killed by signal ${end.signal}`
  return `exited with status ${end.code ?? 'unknown'}`
}
