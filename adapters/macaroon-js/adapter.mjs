// Conformance adapter for the npm package `macaroon` 3.0.4 (adapter protocol version 1,
// spec/adapter-protocol.md), the project's devDependency, loaded from node_modules.
//
// The package knows the macaroon formats and the HMAC chain, not PyPI's caveats (spec/libraries.md):
// - inspect: importMacaroon (its own base64 and V2 binary decoding) on the text after the first "-";
//   the parts come from its getters;
// - mint: newMacaroon({identifier, location, rootKey, version: 2}), addFirstPartyCaveat per given
//   string, bytesToBase64(exportBinary());
// - restrict: importMacaroon, addFirstPartyCaveat with the caveat bytes of caveats.mjs, the same export;
// - verify: unsupported (its verify() would need a PyPI caveat checker written here).
// The glue beyond the package (the prefix, the caveat bytes) is listed in README.md.
//
//   node adapters/macaroon-js/adapter.mjs
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { BadRequest, Unsupported, caveatBytes } from './caveats.mjs'

const require = createRequire(import.meta.url)
const macaroon = require('macaroon')
const VERSION = require('macaroon/package.json').version
const utf8 = new TextDecoder('utf-8', { fatal: true })

const rejection = (code, message) => ({ error: { code, message } })
const hex = (bytes) => Buffer.from(bytes).toString('hex')
function text(bytes) {
  try {
    return utf8.decode(bytes)
  } catch {
    return { hex: hex(bytes) }
  }
}
function str(req, name) {
  if (typeof req[name] !== 'string') throw new BadRequest(`member ${JSON.stringify(name)} must be a string`)
  return req[name]
}

// Glue: the prefix is the text before the first "-" (TOKEN-1); the rest goes to importMacaroon. Its
// base64 failure (tweetnacl-util's TypeError "invalid encoding") is TOKEN_BAD_ENCODING; every other
// error it throws is its refusal of the bytes, MACAROON_MALFORMED.
function load(raw) {
  const dash = raw.indexOf('-')
  if (dash < 0) return { rejected: rejection('TOKEN_BAD_PREFIX', "no '-' in the token") }
  try {
    return { prefix: raw.slice(0, dash), m: macaroon.importMacaroon(raw.slice(dash + 1)) }
  } catch (err) {
    if (!(err instanceof Error)) throw err
    return { rejected: rejection(err.message === 'invalid encoding' ? 'TOKEN_BAD_ENCODING' : 'MACAROON_MALFORMED', err.message) }
  }
}

// exportBinary's own errors (3.0.4: a RangeError from 4 caveats on) are not rejections: they
// propagate and become `internal`.
const dump = (prefix, m) => ({ token: `${prefix}-${macaroon.bytesToBase64(m.exportBinary())}` })

function inspect(req) {
  const { prefix, m, rejected } = load(str(req, 'token'))
  if (rejected) return rejected
  const caveats = m.caveats.map((c) =>
    c.vid === undefined || c.vid === null ? text(c.identifier) : { third_party: true, id: text(c.identifier), location: c.location ?? '', vid: hex(c.vid) },
  )
  return { token: { prefix, location: m.location, identifier: text(m.identifier), caveats, signature: hex(m.signature) } }
}

function mint(req) {
  const key = str(req, 'key')
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(key)) throw new BadRequest("member 'key' is not hexadecimal")
  const [location, identifier, prefix] = [str(req, 'location'), str(req, 'identifier'), str(req, 'prefix')]
  if (!Array.isArray(req.caveats) || !req.caveats.every((c) => typeof c === 'string')) throw new BadRequest("member 'caveats' must be a list of strings")
  const m = macaroon.newMacaroon({ identifier, location, rootKey: Uint8Array.from(Buffer.from(key, 'hex')), version: 2 })
  for (const c of req.caveats) m.addFirstPartyCaveat(c)
  return dump(prefix, m)
}

function restrict(req) {
  const raw = str(req, 'token')
  if (!Array.isArray(req.restrictions)) throw new BadRequest("member 'restrictions' must be a list")
  const caveats = req.restrictions.map(caveatBytes)
  const { prefix, m, rejected } = load(raw)
  if (rejected) return rejected
  for (const c of caveats) m.addFirstPartyCaveat(c)
  return dump(prefix, m)
}

const OPS = { inspect, mint, restrict }

function answer(line) {
  let req
  try {
    req = JSON.parse(line)
  } catch (err) {
    return { id: null, ok: false, error: { code: 'bad_request', message: `invalid JSON: ${err.message}` } }
  }
  const id = req?.id
  if (typeof id !== 'number' && typeof id !== 'string') return { id: null, ok: false, error: { code: 'bad_request', message: 'a request has a number or string id' } }
  const fail = (code, message) => ({ id, ok: false, error: { code, message } })
  if (req.op === 'hello') return { id, ok: true, protocol: 1, implementation: { name: 'macaroon (npm)', version: VERSION }, ops: ['hello', ...Object.keys(OPS)] }
  if (req.op === 'verify') return fail('unsupported', 'the package has no PyPI caveat checker; this adapter does not write one')
  if (!Object.hasOwn(OPS, req.op)) return fail('unsupported', `unknown op ${JSON.stringify(req.op)}`)
  try {
    return { id, ok: true, ...OPS[req.op](req) }
  } catch (err) {
    if (err instanceof BadRequest) return fail('bad_request', err.message)
    if (err instanceof Unsupported) return fail('unsupported', err.message)
    return fail('internal', `${err?.name ?? 'Error'}: ${err?.message ?? String(err)}`)
  }
}

// Keep stdout for responses only.
const write = process.stdout.write.bind(process.stdout)
console.log = console.error
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() !== '') write(`${JSON.stringify(answer(line))}\n`)
}
