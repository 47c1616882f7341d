import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEY_HEX, WH } from '../fixtures/reference-tokens.js'
import { runAllVectors } from './conformance-run.js'
import { exchange, ROOT, SETUP_HINT, venvPython } from './python.js'

const python = venvPython('warehouse')
const source = process.env.WAREHOUSE_SRC
const skipReason = python === null ? SETUP_HINT : source === undefined ? 'set WAREHOUSE_SRC to a checkout of pypi/warehouse' : null
const adapter = [python ?? 'python3', join(ROOT, 'adapters', 'warehouse', 'adapter.py')]

describe.skipIf(skipReason !== null)(`Warehouse adapter${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('speaks protocol v1 and verifies the tokens Warehouse minted', () => {
    const context = { now: 1700000000, project: { name: 'sampleproject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }, user_id: 'a614e122-a9ee-473c-b6df-8c4f1b776628', oidc_publisher: null }
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

  it('runs every vector: each one passes or is a listed deviation (xfail.json), and no listed deviation passes or is stale', async () => {
    const { failed, problems, results } = await runAllVectors(`${adapter[0]} ${adapter[1]}`, 'adapters/warehouse/xfail.json')
    expect(problems).toEqual([])
    expect(failed).toBe(false)
    expect(results.implementation.name).toBe('warehouse')
  }, 300000)
})

describe('Warehouse adapter without a checkout', () => {
  it.skipIf(python === null)('exits with status 3 and one line saying what is missing', () => {
    const env = { ...process.env }
    delete env.WAREHOUSE_SRC
    const r = exchange(adapter, [{ id: 1, op: 'hello' }], env)
    expect(r.status).toBe(3)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/WAREHOUSE_SRC/)
  })
})
