/**
 * @module Time for one adapter connection: a monotonic `now` and one-shot timers. The harness
 * uses the real clock; tests inject one they move by hand, so that no outcome depends on how
 * fast a loaded machine runs the adapter.
 */

/** A monotonic millisecond clock with one-shot timers. */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences matter). */
  now(): number
  /** Calls `fn` once, `ms` milliseconds from now; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void
}

/** performance.now() and setTimeout. */
export const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms)
    return () => clearTimeout(timer)
  },
}
