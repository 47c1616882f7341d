import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerLine } from '../../../src/adapter/jsonl.js'
import { validateRef } from '../../../src/caveats/schema-validator.js'
import { indexLocation } from '../../../src/detect/indexes.js'
import { KEY_HEX, PT, PYPITOKEN, THIRD_PARTY, WH } from '../../fixtures/reference-tokens.js'

const ask = (request: unknown) => JSON.parse(answerLine(typeof request === 'string' ? request : JSON.stringify(request)))
const responseDefinition: Record<string, string> = { hello: 'HelloResponse', inspect: 'InspectResponse', verify: 'VerifyResponse', mint: 'TokenResponse', restrict: 'TokenResponse', detect: 'DetectResponse' }
const conforms = (op: string, response: Record<string, unknown>) =>
  validateRef(`adapter/response.schema.json#/definitions/${response.ok === false ? 'AdapterError' : responseDefinition[op]}`, response)
const context = { now: PT.nbf + 10, project: null, user_id: PT.userId, oidc_publisher: null }

describe('adapter protocol v1 (reference implementation)', () => {
  it('answers hello (ADAPT-8)', () => {
    const r = ask({ id: 1, op: 'hello' })
    expect(r).toEqual({ id: 1, ok: true, protocol: 1, implementation: { name: 'pypi-token-spec', version: expect.any(String) }, ops: ['hello', 'inspect', 'verify', 'mint', 'restrict', 'detect'] })
    expect(conforms('hello', r)).toEqual({ ok: true })
  })

  it('inspects, with third-party caveats spelled out (ADAPT-9)', () => {
    const r = ask({ id: 'a', op: 'inspect', token: WH.project.token })
    expect(r.token.caveats).toEqual(WH.project.caveats)
    expect(r.token.signature).toBe(WH.project.signature)
    const tp = ask({ id: 2, op: 'inspect', token: THIRD_PARTY })
    expect(tp.token.caveats[0]).toMatchObject({ third_party: true, id: 'tp-id', location: 'https://auth.example' })
    for (const x of [r, tp]) expect(conforms('inspect', x)).toEqual({ ok: true })
  })

  it('reports a malformed token as ok:true with a reason code (ADAPT-7)', () => {
    const r = ask({ id: 3, op: 'inspect', token: 'pypi-!!!!' })
    expect(r).toMatchObject({ id: 3, ok: true, error: { code: 'TOKEN_BAD_ENCODING' } })
    expect(conforms('inspect', r)).toEqual({ ok: true })
  })

  it('verifies (ADAPT-10, ADAPT-11)', () => {
    const valid = ask({ id: 4, op: 'verify', token: PYPITOKEN.user!.token, key: KEY_HEX, context })
    expect(valid).toEqual({ id: 4, ok: true, valid: true, reason: null, message: null, failures: [] })
    const invalid = ask({ id: 5, op: 'verify', token: PYPITOKEN.user!.token, key: KEY_HEX, context: { ...context, user_id: null } })
    expect(invalid).toMatchObject({ id: 5, ok: true, valid: false, reason: 'CAVEAT_NOT_SATISFIED' })
    for (const x of [valid, invalid]) expect(conforms('verify', x)).toEqual({ ok: true })
  })

  it('lists every failure in token order, with its caveat index, reason and message (ADAPT-11, VERIFY-5)', () => {
    const minted = ask({ id: 10, op: 'mint', key: KEY_HEX, location: 'index.example', identifier: PT.identifier, prefix: 'pypi', caveats: ['[1,["a"]]', '[1.0,["a"]]', `[3,"${PT.userId}"]`] })
    const r = ask({ id: 11, op: 'verify', token: minted.token, key: KEY_HEX, context: { ...context, user_id: null } })
    expect(r).toMatchObject({ valid: false, reason: 'CAVEAT_MALFORMED' })
    expect(r.failures.map((f: { index: number; reason: string }) => [f.index, f.reason])).toEqual([
      [0, 'CAVEAT_NOT_SATISFIED'],
      [1, 'CAVEAT_MALFORMED'],
      [2, 'CAVEAT_NOT_SATISFIED'],
    ])
    expect(r.failures.every((f: { message: unknown }) => typeof f.message === 'string')).toBe(true)
    expect(conforms('verify', r)).toEqual({ ok: true })
    const forged = ask({ id: 12, op: 'verify', token: minted.token, key: 'ff'.repeat(32), context })
    expect(forged.failures).toEqual([{ index: null, reason: 'SIGNATURE_MISMATCH', message: expect.any(String) }])
  })

  it('mints and restricts (ADAPT-12, ADAPT-13)', () => {
    const minted = ask({ id: 6, op: 'mint', key: KEY_HEX, location: 'index.example', identifier: PT.identifier, prefix: 'pypi', caveats: ['[1,["a"]]'] })
    expect(minted.token).toMatch(/^pypi-/)
    const restricted = ask({ id: 7, op: 'restrict', token: minted.token, restrictions: [{ type: 'user', user_id: PT.userId }] })
    expect(ask({ id: 8, op: 'inspect', token: restricted.token }).token.caveats).toEqual(['[1,["a"]]', `[3,"${PT.userId}"]`])
    const refused = ask({ id: 9, op: 'restrict', token: minted.token, restrictions: [{ type: 'expiration', expires_at: 1, not_before: 2 }] })
    expect(refused).toMatchObject({ ok: true, error: { code: 'INVALID_ARGUMENT' } })
    for (const x of [minted, restricted, refused]) expect(conforms('mint', x)).toEqual({ ok: true })
  })

  it('detects the tokens an index issues in a line of text (ADAPT-14)', () => {
    const production = ask({ id: 12, op: 'mint', key: KEY_HEX, location: indexLocation('production'), identifier: PT.identifier, prefix: 'pypi', caveats: [] }).token as string
    const found = ask({ id: 13, op: 'detect', text: `password = ${production}` })
    expect(found).toEqual({ id: 13, ok: true, findings: [{ match: production, index: 'production' }] })
    expect(ask({ id: 14, op: 'detect', text: 'pypi-AgEI' })).toEqual({ id: 14, ok: true, findings: [] })
    for (const x of [found]) expect(conforms('detect', x)).toEqual({ ok: true })
    expect(ask({ id: 15, op: 'detect' })).toMatchObject({ id: 15, ok: false, error: { code: 'bad_request' } })
  })

  it.each([
    ['a line that is not JSON', 'not json', null, 'bad_request'],
    ['a JSON array', '[1,2]', null, 'bad_request'],
    ['a request without op', { id: 10 }, 10, 'bad_request'],
    ['an unknown op', { id: 11, op: 'frobnicate' }, 11, 'unsupported'],
    ['verify without a context', { id: 12, op: 'verify', token: 'x', key: '00' }, 12, 'bad_request'],
    ['a key that is not hex', { id: 13, op: 'verify', token: 'x', key: 'zz', context }, 13, 'bad_request'],
    ['an extra member', { id: 14, op: 'hello', extra: 1 }, 14, 'bad_request'],
  ])('answers %s with ok:false (ADAPT-6)', (_what, request, id, code) => {
    const r = ask(request)
    expect(r).toMatchObject({ id, ok: false, error: { code } })
    expect(conforms('hello', r)).toEqual({ ok: true })
  })

  it('serves a pipelined stream in order, one JSON line per request on stdout only, and exits 0 at EOF (ADAPT-1, ADAPT-2, ADAPT-3, ADAPT-4, ADAPT-5)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../../src/adapter/main.ts')], { stdio: ['pipe', 'pipe', 'pipe'] })
    const requests = Array.from({ length: 2000 }, (_, i) =>
      i % 3 === 0 ? { id: i, op: 'verify', token: PYPITOKEN.all!.token, key: KEY_HEX, context } : i % 3 === 1 ? { id: i, op: 'inspect', token: WH.user.token } : { id: i, op: 'hello' },
    )
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    // Write everything before reading anything, split at awkward places.
    const text = requests.map((r) => JSON.stringify(r)).join('\n') + '\n'
    for (let i = 0; i < text.length; i += 997) child.stdin.write(text.slice(i, i + 997))
    child.stdin.end()
    const status = await new Promise((resolve) => child.on('close', resolve))
    expect(status).toBe(0)
    expect(out.endsWith('\n')).toBe(true)
    const answers = out.trim().split('\n').map((l) => JSON.parse(l))
    expect(answers.map((a) => a.id)).toEqual(requests.map((r) => r.id))
    expect(answers.every((a) => a.ok === true)).toBe(true)
  }, 30000)
})
