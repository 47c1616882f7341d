/**
 * @module The reference implementation behind adapter protocol v1 (spec/adapter-protocol.md):
 * one request object in, one response object out. Pure; no I/O.
 */
import { fromHex } from '../bytes.js'
import { DEFAULT_REGISTRY, type CaveatRegistry } from '../caveats/registry.js'
import type { Restriction } from '../generated/types.js'
import { detect } from '../detect/detect.js'
import { inspect } from '../inspect.js'
import { mint } from '../mint.js'
import { restrict, type TokenResult } from '../restrict.js'
import { verify } from '../verify.js'
import { VERSION } from '../version.js'

export type Json = Record<string, unknown>

export const OPS = ['hello', 'inspect', 'verify', 'mint', 'restrict', 'detect'] as const
type Op = (typeof OPS)[number]

const REQUEST_DEFINITION: Record<Op, string> = {
  hello: 'HelloRequest',
  inspect: 'InspectRequest',
  verify: 'VerifyRequest',
  mint: 'MintRequest',
  restrict: 'RestrictRequest',
  detect: 'DetectRequest',
}

const idOf = (request: unknown) => {
  const id = (request as Json | null)?.id
  return typeof id === 'number' || typeof id === 'string' ? id : null
}

export function badRequest(id: unknown, message: string): Json {
  return { id: typeof id === 'number' || typeof id === 'string' ? id : null, ok: false, error: { code: 'bad_request', message } }
}

/**
 * Answers one parsed request line (ADAPT-2 … ADAPT-14); verify lists every failure (ADAPT-11,
 * VERIFY-5). `registry`: the caveat formats the reference knows (a proposal's too, for the gate).
 */
export function handle(request: unknown, registry: CaveatRegistry = DEFAULT_REGISTRY): Json {
  const id = idOf(request)
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return badRequest(id, 'a request must be a JSON object')
  const op = (request as Json).op
  if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op)) {
    return typeof op === 'string' && id !== null ? { id, ok: false, error: { code: 'unsupported', message: `unknown op ${JSON.stringify(op)}` } } : badRequest(id, 'missing or invalid "op"')
  }
  const valid = registry.validators.ref(`adapter/request.schema.json#/definitions/${REQUEST_DEFINITION[op as Op]}`, request)
  if (!valid.ok) return badRequest(id, valid.message)
  const r = request as Json
  switch (op as Op) {
    case 'hello':
      return { id, ok: true, protocol: 1, implementation: { name: 'pypi-token-spec', version: VERSION }, ops: [...OPS] }
    case 'inspect': {
      const result = inspect(r.token, { registry })
      if (!result.ok) return { id, ok: true, error: { code: result.reason, message: result.message } }
      const t = result.token
      return {
        id,
        ok: true,
        token: {
          prefix: t.prefix,
          location: t.location,
          identifier: t.identifier,
          caveats: t.caveats.map((c) => (c.kind === 'first-party' ? c.raw : { third_party: true, id: c.raw, location: c.location ?? null, vid: c.vid })),
          signature: t.signature,
        },
      }
    }
    case 'verify': {
      const result = verify(r.token, fromHex(String(r.key)), r.context as never, { registry })
      const failures = result.failures.map(({ index, reason, message }) => ({ index, reason, message }))
      return { id, ok: true, valid: result.valid, reason: result.reason, message: result.message, failures }
    }
    case 'mint': {
      const key = fromHex(String(r.key)) ?? new Uint8Array()
      const options = { key, location: String(r.location), identifier: String(r.identifier), prefix: String(r.prefix), caveats: r.caveats as string[], registry }
      return tokenResponse(id, mint(options))
    }
    case 'restrict':
      return tokenResponse(id, restrict(r.token, r.restrictions as Restriction[], { registry }))
    case 'detect':
      return { id, ok: true, findings: detect(r.text).map(({ match, index }) => ({ match, index })) }
  }
}

function tokenResponse(id: string | number | null, result: TokenResult): Json {
  return result.ok ? { id, ok: true, token: result.token } : { id, ok: true, error: { code: result.reason, message: result.message } }
}
