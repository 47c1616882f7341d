/**
 * @module The families drawn from the checked-in vectors (not picked by the golden's author):
 * every vector through the adapter's handler, and every vector's token through `pypi-token inspect`.
 */
import { handle, type Json } from '../../../src/adapter/handle.js'
import { inspect } from '../../../src/inspect.js'
import type { Vector } from '../../../src/generated/types.js'
import { checkedInVectors, cli, cliEntry, expectation, familyFile, normalise } from '../format.js'

/** What the reference adapter is sent for a vector (restrict keeps its key to itself), as the conformance test sends it. */
function request(v: Vector): Json {
  if (v.op === 'restrict') return { id: 1, op: 'restrict', token: v.input.token, restrictions: v.input.restrictions }
  return { id: 1, op: v.op, ...v.input }
}

interface Failure {
  index: number | null
  reason: string
  message: string
}

/** A response in the words a reader of the adapter's output looks for: the verdict, reason codes and messages. */
function responseLines(v: Vector, r: Json): string[] {
  const op = v.op
  const error = r.error as { code: string; message: string } | undefined
  if (error !== undefined) return [`< error ${error.code}: ${error.message}`]
  if (op === 'verify') {
    if (r.valid === true) return ['< valid']
    const failures = r.failures as Failure[]
    const where = (f: Failure) => (f.index === null ? 'token' : `caveat ${f.index}`)
    const only = failures.length === 1 ? failures[0] : undefined
    if (only !== undefined && only.reason === r.reason && only.message === r.message) return [`< invalid ${String(r.reason)} (${where(only)}): ${only.message}`]
    return [`< invalid ${String(r.reason)}: ${String(r.message)}`, ...failures.map((f) => `<   ${where(f)} ${f.reason}: ${f.message}`)]
  }
  // Tokens are data the vectors pin byte for byte; here only whether they agree.
  const expected = v.expected as { token?: string }
  if (op === 'restrict') {
    const info = inspect(r.token)
    return [`< a token whose caveats are ${info.ok ? JSON.stringify(info.token.caveats.map((c) => c.raw)) : `not readable: ${info.message}`}`]
  }
  if (op === 'mint') return [`< a token of ${String(r.token).length} characters, ${r.token === expected.token ? 'the one' : 'not the one'} the vector expects`]
  if (op === 'detect') return [`< findings at ${JSON.stringify((r.findings as { index: number }[]).map((f) => f.index))}`]
  return [`< ${JSON.stringify(r.token)}`]
}

export function vectorsAdapter(): string {
  const entries = checkedInVectors().map(({ vector: v }) => {
    const response = handle(request(v))
    return [`## ${v.id}`, `# ${v.op}; the vector expects: ${expectation(v)}`, ...responseLines(v, response).map((l) => normalise(l).replace(/\n/g, '<U+000A>'))].join('\n')
  })
  return familyFile('vectors-adapter', 'Every checked-in vector (vectors/*.json) sent to the reference adapter (src/adapter/handle.ts): reason codes and messages.', entries)
}

/** `pypi-token inspect` of every distinct (token, time) among the vectors; later vectors with the same pair are named under the first. */
export async function vectorsInspect(): Promise<string> {
  const groups = new Map<string, { ids: string[]; token: string; now: number | undefined }>()
  for (const { vector: v } of checkedInVectors()) {
    const token = (v.input as { token?: unknown }).token
    if (typeof token !== 'string') continue
    const now = (v.input as { context?: { now?: unknown } }).context?.now
    const at = typeof now === 'number' && Number.isSafeInteger(now) && now >= 0 ? now : undefined
    const key = `${at ?? ''} ${token}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { ids: [v.id], token, now: at })
    else group.ids.push(v.id)
  }
  const entries: string[] = []
  for (const { ids, token, now } of groups.values()) {
    const time = now === undefined ? [] : ['--now', String(now)]
    const outcome = await cli(['inspect', '--from-env', 'TOKEN', ...time], { env: { TOKEN: token } })
    const also = ids.length > 1 ? [`also: ${ids.slice(1).join(', ')}`] : []
    entries.push(cliEntry(ids[0] as string, ['inspect', '--from-env', 'TOKEN', ...time], outcome, [`TOKEN: the token of ${ids[0]}`, ...also]))
  }
  return familyFile('vectors-inspect', 'Every checked-in vector\'s token through `pypi-token inspect` (at the vector\'s time, else the fixed clock): descriptions, explanations and refusals.', entries)
}
