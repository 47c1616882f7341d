/**
 * @module The request bookkeeping of one adapter connection: a send queue, the outstanding
 * requests by id (in send order), which of them is the oldest and since when, and the lock-step
 * replay set (requests re-sent one at a time after a crash or a hang). No I/O.
 */

/** How one request ended. */
export type Answer =
  | { readonly kind: 'response'; readonly response: Record<string, unknown> }
  | { readonly kind: 'hang'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }

/** One request: its JSON body without id, and once sent, its id and full line. */
export interface Pending {
  id: number
  /** The request line, id included, newline-terminated ('' until first sent). */
  line: string
  readonly body: string
  readonly settle: (answer: Answer) => void
}

/** Queue and outstanding set of one adapter connection. */
export class InFlight {
  private readonly queue: Pending[] = []
  private queueHead = 0
  private readonly outstanding = new Map<number, Pending>()
  private readonly lockstep = new Set<number>()
  private nextId = 1
  /** The oldest outstanding request's id (-1 when none), and since when it is the oldest (ms). */
  headId = -1
  headSince = 0

  /** @param now - the clock the oldest request's waiting time is measured with (ms) */
  constructor(private readonly now: () => number) {}

  /** A fresh id (also used for hello). */
  newId(): number {
    return this.nextId++
  }

  enqueue(p: Pending): void {
    this.queue.push(p)
  }

  get outstandingCount(): number {
    return this.outstanding.size
  }

  get queued(): boolean {
    return this.queueHead < this.queue.length
  }

  /** Takes queued requests while fewer than `window` are outstanding (1 during a lock-step replay); returns their lines. */
  takeBatch(window: number): string {
    const limit = this.lockstep.size > 0 ? 1 : window
    let batch = ''
    while (this.outstanding.size < limit && this.queueHead < this.queue.length) {
      const p = this.queue[this.queueHead] as Pending
      this.queue[this.queueHead++] = undefined as never
      if (p.id === 0) {
        p.id = this.nextId++
        p.line = p.body === '{}' ? `{"id":${p.id}}\n` : `{"id":${p.id},${p.body.slice(1)}\n`
      }
      if (this.outstanding.size === 0) {
        this.headId = p.id
        this.headSince = this.now()
      }
      this.outstanding.set(p.id, p)
      batch += p.line
    }
    if (this.queueHead === this.queue.length && this.queueHead > 0) {
      this.queue.length = 0
      this.queueHead = 0
    }
    return batch
  }

  /** Removes and returns the outstanding request with this id, and whether it was the oldest; undefined when none has it. */
  take(id: number): { pending: Pending; wasOldest: boolean } | undefined {
    const pending = this.outstanding.get(id)
    if (pending === undefined) return undefined
    this.outstanding.delete(id)
    if (this.lockstep.size > 0) this.lockstep.delete(id)
    const wasOldest = id === this.headId
    if (wasOldest) {
      const next = this.outstanding.keys().next()
      this.headId = next.done === true ? -1 : next.value
      this.headSince = this.now()
    }
    return { pending, wasOldest }
  }

  /** The request alone in flight, if exactly one is: the only one that can be blamed for a crash or hang. */
  sole(): Pending | undefined {
    return this.outstanding.size === 1 ? this.outstanding.get(this.headId) : undefined
  }

  /** Puts every outstanding request back at the front of the queue, to be re-sent one at a time. */
  replayOneByOne(): void {
    if (this.outstanding.size === 0) return
    const replay = [...this.outstanding.values()]
    this.outstanding.clear()
    this.headId = -1
    for (const p of replay) this.lockstep.add(p.id)
    this.queue.splice(this.queueHead, 0, ...replay)
  }

  /** Removes every outstanding and queued request and returns them. */
  drain(): Pending[] {
    const all = [...this.outstanding.values(), ...this.queue.slice(this.queueHead)]
    this.outstanding.clear()
    this.lockstep.clear()
    this.queue.length = 0
    this.queueHead = 0
    this.headId = -1
    return all
  }
}
