import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mint } from '../../src/mint.js'
import { KEY, KEY_HEX, WH } from '../fixtures/reference-tokens.js'
import { runAllVectors } from './conformance-run.js'
import { exchange, ROOT, SETUP_HINT, venvPython } from './python.js'
import { PROCESS_SUITE } from '../limits.js'

const python = venvPython('warehouse')
const source = process.env.WAREHOUSE_SRC
const skipReason =
  python === null
    ? SETUP_HINT
    : source === undefined || source === ''
      ? 'WAREHOUSE_SRC is not set: point it at a checkout of pypi/warehouse (.ci/run uses ../shared/warehouse when it exists)'
      : null
const adapter = [python ?? 'python3', join(ROOT, 'adapters', 'warehouse', 'adapter.py')]

const UUID = 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9'
const USER = 'a614e122-a9ee-473c-b6df-8c4f1b776628'
const PROJECT = { name: 'SampleProject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }
const CONTEXT = { now: 1700000010, project: PROJECT, user_id: USER, oidc_publisher: null }

/** A token minted by the reference implementation with the fixture key; caveats are embedded as given. */
function token(caveats: string[], identifier = UUID): string {
  const r = mint({ key: KEY, identifier, location: 'index.example', caveats })
  if (!r.ok) throw new Error(r.message)
  return r.token
}

function verify(...tokens: string[]) {
  const { status, responses } = exchange(adapter, tokens.map((t, id) => ({ id, op: 'verify', token: t, key: KEY_HEX, context: CONTEXT })))
  expect(status).toBe(0)
  return responses
}

describe.skipIf(skipReason !== null)(`Warehouse adapter${skipReason ? ` (skipped: ${skipReason})` : ''}`, PROCESS_SUITE, () => {
  it('speaks protocol v1 and verifies the tokens Warehouse minted', () => {
    const context = { now: 1700000000, project: { name: 'sampleproject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }, user_id: USER, oidc_publisher: null }
    const { status, responses } = exchange(adapter, [
      { id: 1, op: 'hello' },
      { id: 2, op: 'verify', token: WH.project.token, key: KEY_HEX, context },
      { id: 3, op: 'verify', token: WH.project.token, key: KEY_HEX, context: { ...context, project: { ...context.project, normalized_name: 'flask' } } },
      { id: 4, op: 'verify', token: WH.user.token, key: '00', context },
    ])
    expect(status).toBe(0)
    expect(responses[0]).toMatchObject({ ok: true, protocol: 1, implementation: { name: 'warehouse' } })
    expect(responses.slice(1).map((r) => [r.valid, r.reason])).toEqual([
      [true, null],
      [false, 'CAVEAT_NOT_SATISFIED'],
      [false, 'SIGNATURE_MISMATCH'],
    ])
  })

  it('lists only hello and verify, and reports the commit of a checkout that is not a git work tree from its COMMIT file', () => {
    const { responses } = exchange(adapter, [{ id: 1, op: 'hello' }])
    expect(responses[0]?.ops).toEqual(['hello', 'verify'])
    const src = resolve(ROOT, source as string)
    if (existsSync(join(src, 'COMMIT')) && !existsSync(join(src, '.git'))) {
      const commit = readFileSync(join(src, 'COMMIT'), 'utf8').trim()
      expect((responses[0]?.implementation as { version: string }).version).toBe(commit)
    }
  })

  it('answers unsupported for inspect, mint and restrict: Warehouse has no code for them', () => {
    const t = token([])
    const { responses } = exchange(adapter, [
      { id: 1, op: 'inspect', token: t },
      { id: 2, op: 'mint', key: KEY_HEX, location: 'index.example', identifier: UUID, prefix: 'pypi', caveats: [] },
      { id: 3, op: 'restrict', token: t, restrictions: [{ type: 'expiration', expires_at: 1700000900, not_before: 1700000000 }] },
    ])
    expect(responses.map((r) => [r.ok, (r.error as { code: string }).code])).toEqual([
      [false, 'unsupported'],
      [false, 'unsupported'],
      [false, 'unsupported'],
    ])
  })

  it('answers unsupported for a context with both a user and an OIDC publisher (a Warehouse request has one identity)', () => {
    const t = token(['[3,"' + USER + '"]'])
    const both = { ...CONTEXT, oidc_publisher: { id: '89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c', project_ids: [PROJECT.id] } }
    const { responses } = exchange(adapter, [
      { id: 1, op: 'verify', token: t, key: KEY_HEX, context: both },
      { id: 2, op: 'verify', token: t, key: KEY_HEX, context: CONTEXT },
    ])
    expect(responses[0]).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(responses[1]).toMatchObject({ ok: true, valid: true })
  })

  it('rejects an identifier that is not a UUID as MACAROON_MALFORMED: find_macaroon looks nothing up ("Macaroon not found")', () => {
    const [notUuid, uuid] = verify(token(['[1,["sampleproject"]]'], 'not-a-uuid'), token(['[1,["sampleproject"]]']))
    expect(notUuid).toMatchObject({ ok: true, valid: false, reason: 'MACAROON_MALFORMED', failures: [{ index: null, reason: 'MACAROON_MALFORMED' }] })
    expect(notUuid?.message).toMatch(/^Macaroon not found \(identifier is not a UUID/)
    expect(uuid).toMatchObject({ ok: true, valid: true })
  })

  it('lists every failure in Warehouse\u2019s order and takes the reason from the first, ranking nothing', () => {
    const expired = '[0,10,0]'
    const malformed = '[0,"soon",0]'
    const [expiredFirst, malformedFirst] = verify(token([expired, malformed]), token([malformed, expired]))
    expect(expiredFirst).toMatchObject({
      valid: false,
      reason: 'CAVEAT_NOT_SATISFIED',
      message: 'token is expired, invalid values for fields',
      failures: [
        { index: 0, reason: 'CAVEAT_NOT_SATISFIED', message: 'token is expired' },
        { index: 1, reason: 'CAVEAT_MALFORMED', message: 'invalid values for fields' },
      ],
    })
    expect(malformedFirst).toMatchObject({
      valid: false,
      reason: 'CAVEAT_MALFORMED',
      message: 'invalid values for fields, token is expired',
      failures: [
        { index: 0, reason: 'CAVEAT_MALFORMED' },
        { index: 1, reason: 'CAVEAT_NOT_SATISFIED' },
      ],
    })
  })

  it('answers internal where Warehouse raises an exception nobody handles (an HTTP 500): "%" in a denial message, a V1 token', () => {
    const v1 = 'pypi-MDAwZmxvY2F0aW9uIHgKMDAxMmlkZW50aWZpZXIgaWQKMDAyZnNpZ25hdHVyZSDC1-3ENE2OIvP8W6kn-dyY6UJtcuhMIBV_jx9uhvf2mQo'
    const [percentS, percent, escaped, v1Answer] = verify(token(['["%s"]']), token(['["100%"]']), token(['["%%"]']), v1)
    expect(percentS).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect((percentS?.error as { message: string }).message).toMatch(/TypeError: not enough arguments for format string .*warehouse\/macaroons\/services\.py:\d+/)
    expect(percent).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect((percent?.error as { message: string }).message).toMatch(/ValueError/)
    // "%%" renders as "%": Warehouse answers, and the adapter reads the rendered message.
    expect(escaped).toMatchObject({ ok: true, valid: false, reason: 'CAVEAT_MALFORMED', message: 'caveat has unknown tag: %' })
    expect(v1Answer).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect((v1Answer?.error as { message: string }).message).toMatch(/find_from_raw raised AttributeError.*services\.py:\d+/)
  })

  it('runs every vector: each one passes or is a listed deviation (xfail.json), and no listed deviation passes or is stale', async () => {
    const { failed, problems, results } = await runAllVectors(`${adapter[0]} ${adapter[1]}`, 'adapters/warehouse/xfail.json')
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.implementation.name).toBe('warehouse')
    expect(results.summary.PASS).toBeGreaterThan(400)
    expect(results.summary.XFAIL).toBeGreaterThan(0)
  }, 300000)
})

describe('Warehouse adapter without a checkout', PROCESS_SUITE, () => {
  it.skipIf(python === null)('exits with status 3 and one line saying what is missing', () => {
    const env = { ...process.env }
    delete env.WAREHOUSE_SRC
    const r = exchange(adapter, [{ id: 1, op: 'hello' }], env)
    expect(r.status).toBe(3)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/WAREHOUSE_SRC/)
  })
})
