/**
 * @module The adapter's protocol errors (spec/adapter-protocol.md): request lines that are not
 * JSON, not objects, without an op or with an unknown one, and each op's request missing or
 * mistyping a field, through src/adapter/jsonl.ts as the adapter process answers them.
 */
import { answerLine } from '../../../src/adapter/jsonl.js'
import { OPS } from '../../../src/adapter/handle.js'
import { checkedInVectors, familyFile, normalise } from '../format.js'

/** A request of each op, taken from the first vector of that op (hello has none). */
function sampleRequests(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = { hello: { id: 1, op: 'hello' } }
  for (const { vector: v } of checkedInVectors()) {
    if (out[v.op] !== undefined) continue
    const input = v.op === 'restrict' ? { token: v.input.token, restrictions: (v.input as { restrictions: unknown }).restrictions } : v.input
    out[v.op] = { id: 1, op: v.op, ...input }
  }
  return out
}

/** Every field of a sample request left out, then set to a value of the wrong type. */
function fieldMistakes(request: Record<string, unknown>): string[] {
  const lines: string[] = []
  for (const field of Object.keys(request).filter((f) => f !== 'id' && f !== 'op')) {
    const { [field]: value, ...rest } = request
    lines.push(JSON.stringify(rest))
    const wrong = typeof value === 'string' ? 5 : typeof value === 'number' ? 'five' : typeof value === 'object' && value !== null ? true : 'x'
    lines.push(JSON.stringify({ ...rest, [field]: wrong }))
  }
  lines.push(JSON.stringify({ ...request, unexpected: 1 }))
  return lines
}

export function adapterProtocol(): string {
  const samples = sampleRequests()
  const lines = [
    'not json',
    '{"id": 1, "op": "hello"',
    'null',
    '5',
    '"hello"',
    '[{"id": 1, "op": "hello"}]',
    '{}',
    '{"id": 7}',
    '{"id": 7, "op": 5}',
    '{"id": 7, "op": "nope"}',
    '{"op": "nope"}',
    '{"id": {"a": 1}, "op": "nope"}',
    '{"id": 1, "op": "hello"}',
    ...OPS.flatMap((op) => (samples[op] === undefined ? [] : fieldMistakes(samples[op]))),
  ]
  const entries = lines.map((line) => [`> ${normalise(line)}`, `< ${normalise(answerLine(line)).replace(/\n/g, '<U+000A>')}`].join('\n'))
  return familyFile('adapter-protocol', ['Request lines the reference adapter refuses (ADAPT-2 … ADAPT-7), and each op\'s first vector request with a field left out or mistyped.', '> the request line, < the response line'], entries)
}
