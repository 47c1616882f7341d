/**
 * The harness against deliberately misbehaving adapters (fixtures/fake-adapter.mjs): whatever the
 * adapter does, every vector gets exactly one outcome, the run finishes, and the adapter process
 * is gone afterwards.
 *
 * Time is a ManualClock that stands still unless a test moves it, and it moves only on events
 * (the fake adapter saying it hangs, an answer arriving), so a loaded machine that starts or runs
 * the adapters slowly cannot turn an answer into a HANG or a start-up into an ERROR.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ConformanceResults } from '../../../src/generated/types.js'
import { AdapterProcess, AdapterStartError } from '../../../src/harness/process/adapter-process.js'
import { REAL_CLOCK } from '../../../src/harness/process/clock.js'
import { runConformance, type RunOptions } from '../../../src/harness/run.js'
import { loadVectors } from '../../../src/vectors/load.js'
import { CRASH_NOW, eventually, fake, FIXTURE_VECTORS, HANG_NOW, ManualClock, procSuite, SLOW } from '../helpers.js'

const pidOf = (line: string) => Number(/^fake adapter pid (\d+)$/.exec(line)?.[1] ?? NaN)

/** Runs (on a clock that stands still unless given another) and collects the pids the fake adapters report on stderr. */
async function run(
  options: Partial<RunOptions> & Pick<RunOptions, 'adapter' | 'suite'>,
  onLine: (line: string) => void = () => {},
): Promise<{ r: ConformanceResults; pids: number[]; stderr: string[] }> {
  const stderr: string[] = []
  const r = await runConformance({
    clock: new ManualClock(),
    graceMs: 500,
    ...options,
    onStderr: (line) => {
      stderr.push(line)
      onLine(line)
    },
  })
  return { r, pids: stderr.map(pidOf).filter((pid) => !Number.isNaN(pid)), stderr }
}

/** True while the process runs (a zombie, dead but not yet reaped by its new parent, is not running). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** Waits until none of the pids exists (SIGKILLed processes vanish quickly; the limit is only for a harness that leaks them). */
const gone = (pids: number[]) => eventually(() => !pids.some(alive))

const outcomes = (r: ConformanceResults) => r.results.map((x) => x.outcome)
const one = (r: ConformanceResults, outcome: string) => r.results.filter((x) => x.outcome === outcome)

describe('the adapter process', SLOW, () => {
  it('ignores junk on stdout, counts it as protocol warnings, and attributes none of it to a vector (ADAPT-4)', async () => {
    const { r } = await run({ adapter: fake('junk'), suite: procSuite(20) })
    expect(outcomes(r)).toEqual(Array(20).fill('PASS'))
    expect(r.protocol_warnings).toEqual([
      // two of each per answer, hello's included
      expect.stringMatching(/^42 stdout lines that are not responses \(ADAPT-4\), e\.g\. "this is not JSON", "\{\\"note\\":\\"no id here\\"\}"/),
      expect.stringMatching(/^42 responses whose id matches no outstanding request, e\.g\. "\{\\"id\\":987654321/),
    ])
  })

  it('matches answers given out of order by id, and warns about the order (ADAPT-3)', async () => {
    const { r } = await run({ adapter: fake('out-of-order'), suite: procSuite(20, { 7: 1700000011 }) })
    expect(outcomes(r)).toEqual(Array(20).fill('PASS'))
    expect(r.protocol_warnings?.[0]).toMatch(/^\d+ answers out of request order \(ADAPT-3\)/)
  })

  it('gives ERROR to the request a crash interrupts, restarts the adapter, and re-sends the rest', async () => {
    // The fake adapter writes its answers per chunk, as the real ones do: the crash on vector 5
    // loses the answers to vectors 0-4 too. They are re-sent one at a time, so blame is exact.
    const { r, pids } = await run({ adapter: fake('crash'), suite: procSuite(20, { 5: CRASH_NOW }) })
    expect(r.results[5]).toMatchObject({ outcome: 'ERROR', message: expect.stringMatching(/^adapter exited with status 3 while handling it \(stderr: fake adapter: crashing on request \d+\)$/) })
    expect(one(r, 'PASS')).toHaveLength(19)
    expect(r.restarts).toBe(2) // after the crash with 20 in flight, and after the one with vector 5 alone
    expect(pids).toHaveLength(3)
    expect(await gone(pids)).toBe(true)
  })

  it('stops restarting after the limit and marks everything left ERROR', async () => {
    const { r, pids } = await run({ adapter: fake('crash-always'), suite: procSuite(10), maxRestarts: 2 })
    // crash with 10 in flight (restart 1), vector 0 alone (restart 2), vector 1 alone (no restart left)
    expect(r.results.slice(0, 2).map((x) => x.message)).toEqual(Array(2).fill(expect.stringMatching(/^adapter exited with status 3 while handling it/)))
    expect(r.results.slice(2).map((x) => x.message)).toEqual(Array(8).fill('adapter exited with status 3; gave up after 2 restarts'))
    expect(outcomes(r)).toEqual(Array(10).fill('ERROR'))
    expect(r.restarts).toBe(2)
    expect(await gone(pids)).toBe(true)
  })

  it('gives HANG to a request unanswered within the timeout, kills the adapter, restarts it and re-sends the rest', async () => {
    // Time moves only when the adapter says it hangs: answered requests can never time out.
    const clock = new ManualClock()
    const onLine = (line: string) => void (/hanging on request/.test(line) && setImmediate(() => clock.advance(1000)))
    const { r, pids } = await run({ adapter: fake('hang'), suite: procSuite(12, { 4: HANG_NOW }), timeoutMs: 1000, clock }, onLine)
    expect(r.results[4]).toMatchObject({ outcome: 'HANG', message: 'no answer within 1000 ms' })
    expect(r.results[4]).not.toHaveProperty('actual')
    expect(one(r, 'PASS')).toHaveLength(11)
    expect(r.restarts).toBe(2) // the timeout with several in flight blames none of them; vector 4 alone is killed
    expect(await gone(pids)).toBe(true)
  })

  it('measures the timeout from when a request becomes the oldest outstanding one', async () => {
    // The adapter answers one request per SIGUSR2. Before each answer the clock moves 600 ms of a
    // 1000 ms timeout: the last request waits 7200 ms in all, but never 1000 ms as the oldest.
    const clock = new ManualClock()
    const pids: number[] = []
    let done = 0
    const onLine = (line: string) => void (Number.isNaN(pidOf(line)) || pids.push(pidOf(line)))
    const running = run({ adapter: fake('stepped'), suite: procSuite(12), timeoutMs: 1000, clock, onProgress: (d) => (done = d) }, onLine)
    for (let answered = 0; answered < 12; answered++) {
      expect(await eventually(() => pids.length > 1 || (pids.length === 1 && done === answered))).toBe(true)
      expect(pids, 'a restart: a request timed out').toHaveLength(1)
      clock.advance(600)
      process.kill(pids[0] as number, 'SIGUSR2')
    }
    const { r } = await running
    expect(outcomes(r)).toEqual(Array(12).fill('PASS'))
    expect(r.restarts).toBe(0)
  })

  it('records SKIP for operations the adapter does not list or answers unsupported (ADAPT-6, ADAPT-8)', async () => {
    const { r } = await run({ adapter: fake('unsupported'), suite: loadVectors(FIXTURE_VECTORS) })
    const byId = Object.fromEntries(r.results.map((x) => [x.id, x]))
    expect(byId['token-format::inspect-names']).toMatchObject({ outcome: 'SKIP', message: 'the adapter does not support this inspect' })
    expect(byId['token-format::mint-names']).toMatchObject({ outcome: 'SKIP', message: 'the adapter does not list mint in its hello ops' })
    expect(byId['token-format::restrict-two']).toMatchObject({ outcome: 'SKIP' })
    expect(byId['token-format::inspect-names']).not.toHaveProperty('actual')
    expect(r.summary.SKIP).toBe(6)
  })

  it('gives ERROR for internal and bad_request answers and for responses that break the schema', async () => {
    const { r } = await run({ adapter: fake('faulty'), suite: procSuite(4, { 1: 1, 2: 2, 3: 3 }) })
    expect(r.results.map((x) => [x.outcome, x.message])).toEqual([
      ['PASS', undefined],
      ['ERROR', 'the adapter reported internal: KeyError: boom'],
      ['ERROR', 'the adapter reported bad_request: missing member'],
      ['ERROR', expect.stringMatching(/^the response does not match VerifyResponse: /)],
    ])
  })

  // The clock stands still (no start-up limit) except for the silent adapter, which never answers:
  // only it can reach the 300 ms limit, however slowly the machine starts the others.
  const silent = { startTimeoutMs: 300, clock: REAL_CLOCK }
  it.each([
    ['exits immediately', fake('exit-immediately'), {}, /^the adapter could not be started: the adapter exited with status 1 before answering hello \(stderr: fake adapter: refusing to start\)$/],
    ['cannot be started', '/nonexistent/adapter --serve', {}, /^the adapter could not be started: the adapter exited with status 127 before answering hello \(stderr: .*not found\)$/],
    ['answers hello with another protocol', fake('bad-hello'), {}, /^the adapter could not be started: the adapter speaks protocol 2; this harness speaks protocol 1$/],
    ['never answers hello', fake('silent'), silent, /^the adapter could not be started: the adapter did not start and answer hello within 300 ms$/],
  ])('gives every vector ERROR when the adapter %s', async (_name, adapter, options, message) => {
    const { r, pids } = await run({ adapter, suite: procSuite(5), ...options })
    expect(r.results.map((x) => x.outcome)).toEqual(Array(5).fill('ERROR'))
    for (const x of r.results) expect(x.message).toMatch(message)
    expect(r.implementation).toEqual({ name: 'unknown', version: 'unknown' })
    expect(await gone(pids)).toBe(true)
  })

  it('reports every waitingEveryMs, on its clock, while the adapter has not answered hello, and stops once it has', async () => {
    const clock = new ManualClock()
    const waited: [number, number][] = []
    const starting = AdapterProcess.start({ command: fake('silent'), onStderr: () => {}, clock, startTimeoutMs: 20_000, waitingEveryMs: 5000, onWaiting: (ms, limit) => void waited.push([ms, limit]) })
    const failed = starting.catch((err: unknown) => err)
    expect(waited).toEqual([])
    clock.advance(4999)
    expect(waited).toEqual([])
    clock.advance(1)
    for (let i = 0; i < 2; i++) clock.advance(5000)
    expect(waited).toEqual([[5000, 20_000], [10_000, 20_000], [15_000, 20_000]])
    clock.advance(5000)
    expect(await failed).toBeInstanceOf(AdapterStartError)
    const reported = waited.length
    for (let i = 0; i < 5; i++) clock.advance(5000)
    expect(waited).toHaveLength(reported)
    const quick = await AdapterProcess.start({ command: fake('ok'), onStderr: () => {}, clock, waitingEveryMs: 5000, onWaiting: (ms, limit) => void waited.push([ms, limit]) })
    for (let i = 0; i < 5; i++) clock.advance(5000)
    expect(waited).toHaveLength(reported)
    await quick.close()
  })

  it('kills an adapter that does not exit at the end of its input', async () => {
    const { r, pids } = await run({ adapter: fake('ignore-eof'), suite: procSuite(3), graceMs: 100 })
    expect(outcomes(r)).toEqual(Array(3).fill('PASS'))
    expect(pids).toHaveLength(1)
    expect(await gone(pids)).toBe(true)
  })

  it('answers requests after kill() and close() with an error, and rejects a bad hello with AdapterStartError', async () => {
    const adapter = await AdapterProcess.start({ command: fake('ok'), onStderr: () => {}, clock: new ManualClock() })
    const ask = () => adapter.request({ op: 'verify', token: 't', key: '00', context: { now: 1, project: null, user_id: null, oidc_publisher: null } })
    expect((await ask()).kind).toBe('response')
    adapter.kill()
    await adapter.close()
    expect(await ask()).toEqual({ kind: 'error', message: 'the harness is shutting the adapter down' })
    await expect(AdapterProcess.start({ command: fake('bad-hello'), onStderr: () => {} })).rejects.toBeInstanceOf(AdapterStartError)
  })
})
