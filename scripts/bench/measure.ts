/**
 * Rates measured side by side: every task runs in turn for a short slice, several rounds over, and
 * each gets its median rate. Time is this process's CPU time (user + system), so that other work
 * on the machine does not count against a task; interleaving spreads what remains (caches, turbo)
 * over all tasks alike, so their ratios hold where absolute rates do not.
 */

/** CPU time of this process in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Operations per CPU second of each task: the median over `rounds` slices of about `ms` CPU milliseconds. */
export function rates(tasks: Record<string, () => unknown>, { rounds = 5, ms = 250 }: { rounds?: number; ms?: number } = {}): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]))
  for (const fn of Object.values(tasks)) for (let i = 0; i < 20; i++) fn() // warm up
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(tasks)) {
      let n = 0
      let batch = 1
      const start = cpuMs()
      let elapsed = 0
      while (elapsed < ms) {
        for (let i = 0; i < batch; i++) fn()
        n += batch
        batch = Math.min(batch * 2, 1024)
        elapsed = cpuMs() - start
      }
      samples[name]!.push((n * 1000) / elapsed)
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]))
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** A rate as a short number: 12,345/s. */
export const perSecond = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`
/** A ratio as 3.4×. */
export const times = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`
