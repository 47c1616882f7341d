/**
 * @module The dynamic half of the module's sandbox (PROP-22, PROP-23): the proposal's module
 * bundled alone and run in a fresh `node:vm` context — its own realm, so the clock and
 * `Math.random` injected there never touch the gate's — with every input it is handed behind a
 * read-only view that refuses and reports each write. The host's globals are never patched.
 */
import { join } from 'node:path'
import vm from 'node:vm'
import { build } from 'esbuild'

/** One environment: the clock the module sees, the seed of its `Math.random`, and the order of the calls. */
export interface Environment {
  readonly now: number
  readonly seed: number
  readonly reverse: boolean
}

/** One call of the module; the indexes point into the corpus. */
export type Step =
  | { readonly op: 'validate' | 'decode' | 'explain' | 'encode'; readonly wire: number }
  | { readonly op: 'check'; readonly wire: number; readonly context: number }
  | { readonly op: 'normalize'; readonly restriction: number }

export interface Corpus {
  readonly wires: readonly unknown[]
  readonly contexts: readonly unknown[]
  readonly restrictions: readonly unknown[]
  readonly steps: readonly Step[]
}

/** Per step: the answer as JSON text (or how it threw), and every write it attempted. */
export interface Answer {
  readonly answer: string
  readonly writes: readonly string[]
}

export type RunResult = { ok: true; answers: Answer[] } | { ok: false; message: string }

/** How long one environment may take, start-up and every call; only a hang reaches it. */
export const RUN_TIMEOUT_MS = 60_000

/** The module alone, as CommonJS text (its allowed packages bundled in). */
export async function bundleModule(dir: string): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  try {
    const out = await build({ entryPoints: [join(dir, 'module.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'silent' })
    return { ok: true, code: (out.outputFiles[0] as { text: string }).text }
  } catch (err) {
    return { ok: false, message: `module.ts does not bundle on its own: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }
  }
}

/** Runs in the context before the module: the injected clock and randomness (mulberry32). */
const prelude = (env: Environment) => `(() => {
  const RealDate = Date
  const fixed = ${env.now}
  class InjectedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(fixed); else super(...args) }
    static now() { return fixed }
  }
  globalThis.Date = InjectedDate
  globalThis.performance = { now: () => fixed / 1000, timeOrigin: fixed }
  let s = ${env.seed >>> 0}
  Math.random = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
})()`

/** Runs in the context after the module: every step, each input behind a read-only view. */
const DRIVER = `(() => {
  const caveat = module.exports.caveat
  const { wires, contexts, restrictions, steps, reverse } = JSON.parse(__input)
  let writes = []
  const views = new WeakMap()
  const view = (value, path) => {
    if (value === null || typeof value !== 'object') return value
    if (views.has(value)) return views.get(value)
    const refuse = (what) => (target, key) => { writes.push(what + ' ' + path + (key === undefined ? '' : '.' + String(key))); return false }
    const proxy = new Proxy(value, {
      get: (target, key, receiver) => { const v = Reflect.get(target, key, receiver); return typeof key === 'string' ? view(v, path + '.' + key) : v },
      set: refuse('writes'), defineProperty: refuse('defines'), deleteProperty: refuse('deletes'),
      setPrototypeOf: refuse('sets the prototype of'), preventExtensions: refuse('seals'),
    })
    views.set(value, proxy)
    return proxy
  }
  const text = (f) => {
    try { const v = f(); return v === undefined ? 'undefined' : JSON.stringify(v) } catch (e) { return 'throws ' + (e && e.name) + ': ' + (e && e.message) }
  }
  const copy = (v) => JSON.parse(JSON.stringify(v))
  const wire = (i) => view(copy(wires[i]), 'caveat')
  const decoded = (i) => { const w = wire(i); return view(caveat.decode(w), 'restriction') }
  const valid = (i) => typeof caveat.validate !== 'function' || caveat.validate(wire(i)) == null
  const run = (s) => {
    switch (s.op) {
      case 'validate': return text(() => typeof caveat.validate === 'function' ? caveat.validate(wire(s.wire)) : null)
      case 'decode': return valid(s.wire) ? text(() => caveat.decode(wire(s.wire))) : 'skipped'
      case 'explain': return valid(s.wire) ? text(() => caveat.explain(decoded(s.wire))) : 'skipped'
      case 'encode': return valid(s.wire) ? text(() => caveat.encode(decoded(s.wire))) : 'skipped'
      case 'check': return valid(s.wire) ? text(() => caveat.check(decoded(s.wire), view(copy(contexts[s.context]), 'context'))) : 'skipped'
      case 'normalize': return text(() => caveat.normalize(view(copy(restrictions[s.restriction]), 'restriction')))
    }
  }
  const order = steps.map((s, i) => i)
  if (reverse) order.reverse()
  const answers = new Array(steps.length)
  for (const i of order) {
    writes = []
    const answer = text(() => run(steps[i]))
    answers[i] = { answer, writes }
  }
  return JSON.stringify(answers)
})()`

/** Every step's answer in one environment. Never throws. */
export function runSteps(code: string, corpus: Corpus, env: Environment): RunResult {
  const context = vm.createContext({ module: { exports: {} }, exports: {}, __input: JSON.stringify({ ...corpus, reverse: env.reverse }) }, { codeGeneration: { strings: false, wasm: false } })
  try {
    vm.runInContext(prelude(env), context, { timeout: RUN_TIMEOUT_MS })
    vm.runInContext(code, context, { timeout: RUN_TIMEOUT_MS, filename: 'module.ts (bundled)' })
    return { ok: true, answers: JSON.parse(String(vm.runInContext(DRIVER, context, { timeout: RUN_TIMEOUT_MS }))) as Answer[] }
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
}
