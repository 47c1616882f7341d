/**
 * @module The harness side of adapter protocol v1: one adapter process, started once, greeted with
 * `hello`, then fed pipelined requests through a bounded in-flight window, responses matched by id.
 *
 * It survives any adapter behaviour and settles every request exactly once:
 * - a stdout line that is not a response to an outstanding request is counted and ignored;
 * - an answer out of order is matched by its id (and counted);
 * - an exit with requests outstanding makes the oldest one an error ("adapter exited with status
 *   N while handling it"); the adapter is restarted and the rest re-sent, up to a restart limit;
 * - a request that stays the oldest outstanding one for `timeoutMs` hangs: the process is killed,
 *   restarted, and the rest re-sent.
 * Blame is only ever given to a request that was alone in flight. Adapters may buffer a whole
 * chunk of answers (the reference and pypitoken adapters do), so when a crash or a timeout comes
 * with several requests outstanding, the oldest is not necessarily the culprit: they are re-sent
 * one at a time (lock-step), where the failure, if it recurs, has exactly one suspect.
 */
import { validateRef } from '../../caveats/schema-validator.js'
import type { HelloResponse } from '../../generated/types.js'
import { Child, describeEnd, type ChildEnd } from './child.js'
import { REAL_CLOCK, type Clock } from './clock.js'
import { InFlight, type Answer } from './in-flight.js'
import { ProtocolWarnings } from './protocol-warnings.js'

export type { Answer } from './in-flight.js'

export interface AdapterOptions {
  /** The shell command that starts the adapter. */
  readonly command: string
  /** How long the oldest outstanding request may wait for its answer (ms). Default 10 000. */
  readonly timeoutMs?: number
  /**
   * How long starting the adapter and its answer to hello may take (ms), at the start and after
   * each restart. Separate from `timeoutMs`: a loaded machine may take seconds to start a runtime,
   * and a slow start is not a hang. Default 30 000.
   */
  readonly startTimeoutMs?: number
  /** The clock timeouts are measured with. Default: the real one. */
  readonly clock?: Clock
  /** Requests in flight at once. Default 512. */
  readonly window?: number
  /** Restarts after crashes and hangs before everything left is an error. Default 10. */
  readonly maxRestarts?: number
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  /** How long close() waits for the adapter to exit after end of input before killing it (ms). Default 2000. */
  readonly graceMs?: number
  /** Each stderr line of the adapter. Default: the harness's stderr, prefixed `[adapter] `. */
  readonly onStderr?: (line: string) => void
  /**
   * Called every `waitingEveryMs` (on `clock`) while the adapter has not yet answered hello, with
   * how long the harness has waited and the limit, so that a slow start shows progress instead
   * of silence. Default: nothing.
   */
  readonly onWaiting?: (waitedMs: number, limitMs: number) => void
  /** How often onWaiting is called (ms). Default 5000. */
  readonly waitingEveryMs?: number
}

/** The adapter could not be started or greeted; the message says why. */
export class AdapterStartError extends Error {
  override readonly name = 'AdapterStartError'
}

type State = 'running' | 'restarting' | 'closing' | 'dead'

/** A persistent adapter process with pipelined, id-matched requests. */
export class AdapterProcess {
  /** How often the adapter was restarted after a crash or a hang. */
  restarts = 0
  readonly warnings = new ProtocolWarnings()
  private child: Child | null = null
  private state: State = 'running'
  private deadMessage = ''
  private readonly clock: Clock
  private readonly flight: InFlight
  private cancelTimer: (() => void) | null = null
  private pumpScheduled = false
  private greeting: { id: number; settle: (response: unknown) => void } | null = null
  /** How the last adapter process ended, for the restart-limit message. */
  private lastEnd = ''
  private readonly timeoutMs: number
  private readonly startTimeoutMs: number
  private readonly window: number
  private readonly maxRestarts: number

  private constructor(
    private readonly options: AdapterOptions,
    public hello: HelloResponse,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000
    this.clock = options.clock ?? REAL_CLOCK
    this.flight = new InFlight(() => this.clock.now())
    this.window = options.window ?? 512
    this.maxRestarts = options.maxRestarts ?? 10
  }

  /** Starts the adapter and greets it. Rejects with AdapterStartError when it cannot. */
  static async start(options: AdapterOptions): Promise<AdapterProcess> {
    const adapter = new AdapterProcess(options, undefined as never)
    adapter.hello = await adapter.spawnAndGreet()
    return adapter
  }

  /** True when the adapter's hello lists `op`. */
  supports(op: string): boolean {
    return (this.hello.ops as string[]).includes(op)
  }

  /** Sends one request (an object with `op`; the harness adds the id) and settles with its answer. */
  request(body: Record<string, unknown>): Promise<Answer> {
    return new Promise((settle) => this.submit(JSON.stringify(body), settle))
  }

  /** Queues one request, given as its JSON text without id; `settle` is called exactly once. */
  submit(bodyJson: string, settle: (answer: Answer) => void): void {
    if (this.state === 'dead' || this.state === 'closing') {
      settle({ kind: 'error', message: this.state === 'dead' ? this.deadMessage : 'the harness is shutting the adapter down' })
      return
    }
    this.flight.enqueue({ id: 0, line: '', body: bodyJson, settle })
    this.schedulePump()
  }

  /** Ends the adapter's input and waits for it to exit (killing it after `graceMs`). */
  async close(graceMs = this.options.graceMs ?? 2000): Promise<void> {
    this.failAll('the harness is shutting the adapter down')
    this.state = 'closing'
    this.clearTimer()
    const child = this.child
    if (child === null) return
    child.killedByHarness = true
    child.endInput()
    const grace = setTimeout(() => child.kill(), graceMs)
    await child.closed
    clearTimeout(grace)
  }

  /** Kills the adapter at once (SIGINT, emergencies). */
  kill(): void {
    this.state = 'closing'
    this.clearTimer()
    this.child?.kill()
  }

  private async spawnAndGreet(): Promise<HelloResponse> {
    const prefix = this.options.onStderr ?? ((line: string) => process.stderr.write(`[adapter] ${line}\n`))
    const child = new Child({
      command: this.options.command,
      ...(this.options.cwd === undefined ? {} : { cwd: this.options.cwd }),
      ...(this.options.env === undefined ? {} : { env: this.options.env }),
      onLines: (lines) => this.onLines(child, lines),
      onStderr: prefix,
      onOverlong: () => this.warnings.add('overlong', 'a stdout line longer than 16 MiB (dropped)'),
    })
    this.child = child
    void child.closed.then((end) => this.onClosed(child, end))
    const id = this.flight.newId()
    let cancel = () => {}
    const stopWaiting = this.reportWaiting()
    const answer = await new Promise<unknown>((settle) => {
      this.greeting = { id, settle }
      cancel = this.clock.after(this.startTimeoutMs, () => settle(new AdapterStartError(`the adapter did not start and answer hello within ${this.startTimeoutMs} ms`)))
      void child.closed.then((end) => settle(new AdapterStartError(`the adapter ${describeEnd(end)} before answering hello${tail(child)}`)))
      child.write(`{"id":${id},"op":"hello"}\n`)
    })
    cancel()
    stopWaiting()
    this.greeting = null
    const problem = answer instanceof AdapterStartError ? answer : helloProblem(answer)
    if (problem !== null) {
      this.child = null
      child.kill()
      throw problem
    }
    return answer as HelloResponse
  }

  /** Calls onWaiting every waitingEveryMs until the returned function is called. */
  private reportWaiting(): () => void {
    const onWaiting = this.options.onWaiting
    if (onWaiting === undefined) return () => {}
    const every = this.options.waitingEveryMs ?? 5000
    const started = this.clock.now()
    let cancel = () => {}
    const tick = () => {
      onWaiting(this.clock.now() - started, this.startTimeoutMs)
      cancel = this.clock.after(every, tick)
    }
    cancel = this.clock.after(every, tick)
    return () => cancel()
  }

  private onLines(child: Child, lines: string[]): void {
    if (child !== this.child || child.killedByHarness) return
    for (const line of lines) this.onLine(line)
    this.schedulePump()
  }

  private onLine(line: string): void {
    let response: unknown
    try {
      response = JSON.parse(line)
    } catch {
      this.warnings.add('junk', line)
      return
    }
    const id = response !== null && typeof response === 'object' ? (response as { id?: unknown }).id : undefined
    if (this.greeting !== null && id === this.greeting.id) {
      this.greeting.settle(response)
      return
    }
    const oldest = this.flight.headId
    const taken = typeof id === 'number' ? this.flight.take(id) : undefined
    if (taken === undefined) {
      this.warnings.add(id === undefined ? 'junk' : 'unknown-id', line)
      return
    }
    if (!taken.wasOldest) this.warnings.add('out-of-order', `the answer to request ${String(id)} came before the answer to request ${oldest}`)
    taken.pending.settle({ kind: 'response', response: response as Record<string, unknown> })
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return
    this.pumpScheduled = true
    setImmediate(() => {
      this.pumpScheduled = false
      this.pump()
    })
  }

  /** Sends queued requests while the window has room, in one write. */
  private pump(): void {
    if (this.state !== 'running') return
    if (this.child === null) {
      if (this.flight.queued) void this.restart()
      return
    }
    const batch = this.flight.takeBatch(this.window)
    if (batch !== '') this.child.write(batch)
    this.armTimer()
  }

  private armTimer(): void {
    if (this.cancelTimer !== null || this.flight.outstandingCount === 0) return
    const wait = Math.max(0, this.flight.headSince + this.timeoutMs - this.clock.now())
    this.cancelTimer = this.clock.after(wait, () => this.onTimer())
  }

  private clearTimer(): void {
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  private onTimer(): void {
    this.cancelTimer = null
    if (this.state !== 'running' || this.flight.outstandingCount === 0) return
    if (this.clock.now() - this.flight.headSince < this.timeoutMs) return this.armTimer()
    const sole = this.flight.sole()
    if (sole !== undefined) this.flight.take(sole.id)?.pending.settle({ kind: 'hang', message: `no answer within ${this.timeoutMs} ms` })
    this.state = 'restarting'
    this.child?.kill() // onClosed replays whatever is still outstanding and restarts it
  }

  private onClosed(child: Child, end: ChildEnd): void {
    if (child !== this.child || this.greeting !== null) return
    this.child = null
    this.clearTimer()
    if (this.state === 'closing' || this.state === 'dead') return
    const sole = this.flight.sole()
    if (!child.killedByHarness && sole !== undefined) this.flight.take(sole.id)?.pending.settle({ kind: 'error', message: `adapter ${describeEnd(end)} while handling it${tail(child)}` })
    this.flight.replayOneByOne()
    this.lastEnd = `adapter ${describeEnd(end)}`
    this.state = 'running'
    // Idle: restart lazily, when the next request comes (pump).
    if (this.flight.queued) void this.restart()
  }

  private async restart(): Promise<void> {
    const why = this.lastEnd
    this.state = 'restarting'
    if (this.restarts >= this.maxRestarts) return this.die(`${why}; gave up after ${this.maxRestarts} restarts`)
    this.restarts++
    try {
      this.hello = await this.spawnAndGreet()
    } catch (err) {
      return this.die(`the adapter could not be restarted: ${(err as Error).message}`)
    }
    if ((this.state as State) !== 'restarting') {
      this.child?.kill()
      return
    }
    this.state = 'running'
    this.pump()
  }

  private die(message: string): void {
    this.state = 'dead'
    this.deadMessage = message
    this.failAll(message)
  }

  /** Settles every outstanding and queued request with an error. */
  private failAll(message: string): void {
    for (const p of this.flight.drain()) p.settle({ kind: 'error', message })
  }
}

function tail(child: Child): string {
  const last = child.stderrTail[child.stderrTail.length - 1]
  return last === undefined ? '' : ` (stderr: ${last})`
}

/** Why a hello answer is not acceptable, or null. */
function helloProblem(answer: unknown): AdapterStartError | null {
  const r = answer as { ok?: unknown; protocol?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === false) return new AdapterStartError(`the adapter answered hello with an error: ${String(r.error?.code)}${r.error?.message === undefined ? '' : ` (${String(r.error.message)})`}`)
  if (r.protocol !== undefined && r.protocol !== 1) return new AdapterStartError(`the adapter speaks protocol ${JSON.stringify(r.protocol)}; this harness speaks protocol 1`)
  const valid = validateRef('adapter/response.schema.json#/definitions/HelloResponse', answer)
  return valid.ok ? null : new AdapterStartError(`the adapter's hello answer does not match HelloResponse: ${valid.message}`)
}
