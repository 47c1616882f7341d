/**
 * @module JSON Lines plumbing for the adapter: read requests as they arrive, answer each in
 * order, and write the answers to one chunk of input in one write (ADAPT-1, ADAPT-3).
 */
import type { Readable, Writable } from 'node:stream'
import type { CaveatRegistry } from '../caveats/registry.js'
import { badRequest, handle, type Json } from './handle.js'

/** Answers one line; a line that is not JSON gets a bad_request with a null id. */
export function answerLine(line: string, registry?: CaveatRegistry): string {
  let request: unknown
  try {
    request = JSON.parse(line)
  } catch {
    return JSON.stringify(badRequest(null, 'request line is not valid JSON'))
  }
  let response: Json
  try {
    response = handle(request, registry)
  } catch (err) {
    // ADAPT-6: an adapter fault is reported, never mistaken for a verdict.
    const id = (request as Json | null)?.id
    response = { id: typeof id === 'number' || typeof id === 'string' ? id : null, ok: false, error: { code: 'internal', message: String(err) } }
  }
  return JSON.stringify(response)
}

/** Serves requests from `input` to `output` until `input` ends; resolves when all answers are written. */
export function serve(input: Readable, output: Writable, registry?: CaveatRegistry): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = ''
    input.setEncoding('utf8')
    input.on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      let out = ''
      for (const line of lines) {
        const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line
        if (trimmed.trim() !== '') out += answerLine(trimmed, registry) + '\n'
      }
      if (out !== '' && !output.write(out)) {
        input.pause()
        output.once('drain', () => input.resume())
      }
    })
    input.on('end', () => {
      const out = pending.trim() === '' ? '' : answerLine(pending, registry) + '\n'
      output.write(out, () => resolve())
    })
    input.on('error', reject)
    output.on('error', reject)
  })
}
