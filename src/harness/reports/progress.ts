/** @module A one-line progress bar on a terminal; nothing at all when the stream is not a TTY. */

export interface Progress {
  update(done: number, total: number): void
  /** Clears the bar. */
  end(): void
}

const WIDTH = 30
const EVERY_MS = 100

/** A progress bar writing to `stream` (throttled), or a no-op when `stream` is not a TTY. */
export function progressBar(stream: { isTTY?: boolean; write(text: string): unknown }, label = ''): Progress {
  if (stream.isTTY !== true) return { update: () => {}, end: () => {} }
  let last = 0
  let shown = false
  return {
    update(done, total) {
      const now = performance.now()
      if (done < total && now - last < EVERY_MS) return
      last = now
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH)
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      stream.write(`\r${label}[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${percent}%`)
      shown = true
    },
    end() {
      if (shown) stream.write('\r\x1b[2K')
    },
  }
}
