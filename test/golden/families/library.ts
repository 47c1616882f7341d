/**
 * @module The library's refusals of bad arguments (REASON-1's call codes: KEY_INVALID,
 * CONTEXT_INVALID, INVALID_ARGUMENT), which neither the CLI nor the adapter can reach: they build
 * or validate their arguments first. A library caller reads these messages.
 */
import { inspect } from '../../../src/inspect.js'
import { mint } from '../../../src/mint.js'
import { restrict } from '../../../src/restrict.js'
import { verify } from '../../../src/verify.js'
import { fromHex } from '../../../src/bytes.js'
import { checkedInVectors, familyFile, normalise, NOW } from '../format.js'

interface Call {
  readonly shown: string
  readonly run: () => object
}

/** The first valid verify vector: a token, its key and a context that verifies. */
function sample(): { id: string; token: string; key: Uint8Array; context: Record<string, unknown> } {
  const found = checkedInVectors().find(({ vector: v }) => v.op === 'verify' && v.expected.result === 'valid')
  if (found === undefined) throw new Error('no valid verify vector')
  const input = found.vector.input as { token: string; key: string; context: Record<string, unknown> }
  return { id: found.vector.id, token: input.token, key: fromHex(input.key) as Uint8Array, context: input.context }
}

function calls(): { calls: Call[]; legend: string } {
  const { id, token, key, context } = sample()
  const badRegistry = { registry: 5 } as never
  const ctx = (change: Record<string, unknown>) => ({ ...context, ...change }) as never
  const list: Call[] = [
    { shown: 'verify(<token>, <key>, <context>, { registry: 5 })', run: () => verify(token, key, context as never, badRegistry) },
    { shown: 'verify(<token>, "00ff", <context>)', run: () => verify(token, '00ff', context as never) },
    { shown: 'verify(<token>, new Uint8Array(0), <context>)', run: () => verify(token, new Uint8Array(0), context as never) },
    { shown: 'verify(<token>, <key>, null)', run: () => verify(token, key, null as never) },
    { shown: 'verify(<token>, <key>, 5)', run: () => verify(token, key, 5 as never) },
    { shown: 'verify(<token>, <key>, "context")', run: () => verify(token, key, 'context' as never) },
    { shown: 'verify(<token>, <key>, { ...<context>, now: -1 })', run: () => verify(token, key, ctx({ now: -1 })) },
    { shown: 'verify(<token>, <key>, { ...<context>, now: "soon" })', run: () => verify(token, key, ctx({ now: 'soon' })) },
    { shown: 'verify(<token>, <key>, { ...<context>, user_id: "not-a-uuid" })', run: () => verify(token, key, ctx({ user_id: 'not-a-uuid' })) },
    { shown: 'verify(<token>, <key>, { ...<context>, project: { name: "a" } })', run: () => verify(token, key, ctx({ project: { name: 'a' } })) },
    { shown: 'verify(<token>, <key>, { ...<context>, oidc_publisher: { id: 5 } })', run: () => verify(token, key, ctx({ oidc_publisher: { id: 5 } })) },
    { shown: 'verify(<token>, <key>) (no context: no project, user or publisher; <token> does not expire)', run: () => verify(token, key) },
    { shown: 'verify(5, <key>, <context>)', run: () => verify(5, key, context as never) },
    { shown: `verify(<token>, <key>, { now: ${NOW} }) (the rest of the context defaults)`, run: () => verify(token, key, { now: NOW } as never) },
    { shown: 'inspect(<token>, { registry: 5 })', run: () => inspect(token, badRegistry) },
    { shown: 'inspect(null)', run: () => inspect(null) },
    { shown: 'restrict(<token>, [], { registry: 5 })', run: () => restrict(token, [], badRegistry) },
    { shown: 'restrict(<token>, "project")', run: () => restrict(token, 'project' as never) },
    { shown: 'restrict(<token>, [{ type: "nope" }])', run: () => restrict(token, [{ type: 'nope' }] as never) },
    { shown: 'restrict(5, [])', run: () => restrict(5, []) },
    { shown: 'mint(null)', run: () => mint(null as never) },
    { shown: 'mint({ key: <key>, identifier: "id", registry: 5 })', run: () => mint({ key, identifier: 'id', registry: 5 } as never) },
    { shown: 'mint({ key: "00ff", identifier: "id" })', run: () => mint({ key: '00ff', identifier: 'id' } as never) },
    { shown: 'mint({ key: <key>, identifier: 5 })', run: () => mint({ key, identifier: 5 } as never) },
    { shown: 'mint({ key: <key>, identifier: "id", caveats: "x" })', run: () => mint({ key, identifier: 'id', caveats: 'x' } as never) },
    { shown: 'mint({ key: <key>, identifier: "\\uD800" })', run: () => mint({ key, identifier: '\uD800' }) },
    { shown: 'mint({ key: <key>, identifier: "id", location: "\\uDC00" })', run: () => mint({ key, identifier: 'id', location: '\uDC00' }) },
    { shown: 'mint({ key: <key>, identifier: "id", caveats: ["[1, []]", "\\uD800"] })', run: () => mint({ key, identifier: 'id', caveats: ['[1, []]', '\uD800'] }) },
    { shown: 'mint({ key: <key>, identifier: "id", caveats: [{ type: "project_names", names: [] }] })', run: () => mint({ key, identifier: 'id', caveats: [{ type: 'project_names', names: [] }] as never }) },
    { shown: 'mint({ key: <key>, identifier: "x" repeated 60,000 times })', run: () => mint({ key, identifier: 'x'.repeat(60_000) }) },
  ]
  return { calls: list, legend: `<token>, <key>, <context>: those of ${id}` }
}

function outcome(result: object): string {
  const r = result as { ok?: boolean; valid?: boolean; reason?: string | null; message?: string | null }
  const verdict = r.valid === true || r.ok === true ? 'ok' : `refused ${String(r.reason)}: ${String(r.message)}`
  return normalise(verdict).replace(/\n/g, '<U+000A>')
}

export function library(): string {
  const { calls: list, legend } = calls()
  return familyFile('library', ['The library\'s refusals of bad arguments, which the CLI and the adapter cannot reach.', legend], list.map((c) => `> ${c.shown}\n< ${outcome(c.run())}`))
}
