import { describe, expect, it } from 'vitest'
import { handle } from '../../src/adapter/handle.js'
import type { InteropCase } from '../../src/interop/cases.js'
import { explain } from '../../src/interop/explanations.js'
import { runChain, type Endpoint } from '../../src/interop/steps.js'
import type { InteropExplanation } from '../../src/generated/types.js'

type Json = Record<string, unknown>
/** An in-process implementation: the reference adapter's answers, passed through `change`. */
const endpoint = (name: string, change: (request: Json, response: Json) => Json = (_q, r) => r): Endpoint => ({
  name,
  ask: async (body) => ({ kind: 'response', response: change(body, handle({ id: 1, ...body })) }),
})
const reference = endpoint('reference')

const USER = 'a614e122-a9ee-473c-b6df-8c4f1b776628'
const PROJECT = { name: 'My_Pkg', normalized_name: 'my-pkg', id: '00000000-0000-0000-0000-000000000001' }
const base: InteropCase = {
  key: '07'.repeat(32),
  identifier: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11',
  issued: { kind: 'user', caveats: [`[3,"${USER}"]`] },
  restrictions: [{ type: 'project_names', names: ['My_Pkg'] }],
  context: { now: 1700000000, project: PROJECT, user_id: USER, oidc_publisher: null },
}
const chain = (over: { minter?: Endpoint; restricter?: Endpoint | null; verifier?: Endpoint } = {}) => ({ minter: reference, restricter: reference, verifier: reference, ...over })

describe('runChain: each step judged against the spec for its own input', () => {
  it('agrees when every implementation is the reference, narrowing and all', async () => {
    const o = await runChain(chain(), base)
    expect(o.kind).toBe('agree')
    expect(o.steps.map((s) => s.role)).toEqual(['mint', 'restrict', 'verify'])
    expect(o.steps.every((s) => s.answer === s.spec)).toBe(true)
    expect(o.steps[2]?.answer).toBe('valid')
  })

  it('pins a wrong verdict on the verifier, at the verdict level', async () => {
    const yes = endpoint('yes', (_q, r) => ({ ...r, valid: true, reason: null, message: null, failures: [] }))
    const o = await runChain(chain({ verifier: yes }), { ...base, context: { ...base.context, project: null } })
    expect(o).toMatchObject({ kind: 'deviates', deviations: [{ implementation: 'yes', role: 'verify', class: 'invalid (CAVEAT_NOT_SATISFIED) → valid', level: 'verdict' }] })
  })

  it('pins another reason on the verifier, at the reason level only', async () => {
    const other = endpoint('other', (_q, r) => (r.valid === false ? { ...r, reason: 'CAVEAT_MALFORMED' } : r))
    const o = await runChain(chain({ verifier: other }), { ...base, context: { ...base.context, project: null } })
    expect(o).toMatchObject({ kind: 'deviates', deviations: [{ class: 'invalid (CAVEAT_NOT_SATISFIED) → invalid (CAVEAT_MALFORMED)', level: 'reason' }] })
  })

  it('pins unnormalised names on the restricter, and judges the verifier on the token it was given', async () => {
    const verbatim = endpoint('verbatim', (q, r) => (q.op === 'restrict' ? (handle({ id: 1, op: 'mint', key: base.key, location: 'index.example', identifier: base.identifier, prefix: 'pypi', caveats: [...base.issued.caveats, '[1,["My_Pkg"]]'] }) as Json) : r))
    const o = await runChain(chain({ restricter: verbatim }), base)
    expect(o).toMatchObject({ kind: 'deviates', deviations: [{ implementation: 'verbatim', role: 'restrict', class: 'writes other caveats', level: 'verdict', caveats: ['project-names'], widens: false }], widened: false })
    expect(o.steps[2]).toMatchObject({ answer: 'invalid (CAVEAT_NOT_SATISFIED)', spec: 'invalid (CAVEAT_NOT_SATISFIED)' })
  })

  it('skips a chain whose restricter cannot write a restriction, and pins a crash as ERROR', async () => {
    const cannot = endpoint('cannot', () => ({ id: 1, ok: false, error: { code: 'unsupported', message: 'no such restriction' } }))
    expect(await runChain(chain({ restricter: cannot }), base)).toMatchObject({ kind: 'skipped', why: 'cannot cannot restrict so: unsupported: no such restriction' })
    const crash: Endpoint = { name: 'crash', ask: async () => ({ kind: 'error', message: 'adapter exited with status 3' }) }
    expect(await runChain(chain({ verifier: crash }), base)).toMatchObject({ kind: 'deviates', deviations: [{ role: 'verify', class: 'valid → ERROR', level: 'verdict' }] })
  })

  it('verifies the token as issued when there is no restricter', async () => {
    const o = await runChain(chain({ restricter: null }), { ...base, context: { ...base.context, user_id: null } })
    expect(o.steps.map((s) => s.role)).toEqual(['mint', 'verify'])
    expect(o).toMatchObject({ kind: 'agree', steps: [{}, { answer: 'invalid (CAVEAT_NOT_SATISFIED)' }] })
  })

  it('INTEROP-1/2/3: a restricter that drops a caveat widens access, and a fail-closed entry about the same class does not explain it', async () => {
    // Restricts to nothing: the user token comes back unchanged, as if the project names were written.
    const drops = endpoint('drops', (q, r) => (q.op === 'restrict' ? { ...r, token: q.token } : r))
    const elsewhere = { ...base, context: { ...base.context, project: { name: 'flask', normalized_name: 'flask', id: '5e1b6c2a-8d4f-4b3e-a1c9-7f2d0e9b8a76' } } }
    const o = await runChain(chain({ restricter: drops }), elsewhere)
    expect(o).toMatchObject({ kind: 'deviates', deviations: [{ implementation: 'drops', role: 'restrict', class: 'writes other caveats', caveats: ['project-names'], widens: true }], widened: true })
    expect(o.steps.at(-1)).toMatchObject({ answer: 'valid', spec: 'valid' }) // the verifier was right about the token it got
    const failsClosed: InteropExplanation = { implementation: 'drops', role: 'restrict', class: 'writes other caveats', caveats: ['project-names'], widens: false, reason: 'names as given', spec: ['RESTRICT-2'], level: 'verdict', effect: 'Fail closed' }
    const deviation = o.kind === 'deviates' ? o.deviations[0]! : null
    expect(explain([failsClosed], deviation!)).toBeUndefined()
    expect(explain([{ ...failsClosed, widens: true, caveats: ['request-user'] }], deviation!)).toBeUndefined()
    expect(explain([{ ...failsClosed, widens: true }], deviation!)).toMatchObject({ widens: true })
    // Where the dropped caveat would have held anyway, nothing is widened, but the kind still has to match.
    const same = await runChain(chain({ restricter: drops }), base)
    expect(same).toMatchObject({ deviations: [{ caveats: ['project-names'], widens: false }], widened: false })
  })

  it('INTEROP-1: a verifier that accepts where the spec refuses is a widening, on the caveat that should have failed', async () => {
    const yes = endpoint('yes', (_q, r) => ({ ...r, valid: true, reason: null, message: null, failures: [] }))
    const o = await runChain(chain({ verifier: yes, restricter: null }), { ...base, context: { ...base.context, user_id: null } })
    expect(o).toMatchObject({ deviations: [{ role: 'verify', caveats: ['request-user'], widens: true }], widened: true })
  })
})
