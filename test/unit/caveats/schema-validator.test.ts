/**
 * The validators' caches: what the proposal gate's CPU budget rests on (docs/bench.md). A schema
 * compiles once per ajv instance, registries with equal context members share an instance, and at
 * most 8 such instances are kept, the oldest going first. Counted through ajv's own `compile`.
 */
import { randomUUID } from 'node:crypto'
import { Ajv } from 'ajv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createValidators, describe as describeErrors, validateRef } from '../../../src/caveats/schema-validator.js'

/** Context members no other test uses, so that this file starts from instances nobody made. */
const fresh = () => ({ [`m_${randomUUID().replaceAll('-', '')}`]: { type: 'string' } })
const RESTRICTION = { type: 'object', properties: { type: { const: 'paint' } }, required: ['type'] }
const CAVEAT = { type: 'array', items: { type: 'integer' } }

/** How many schemas `act` compiles. */
function compiles(act: () => void): number {
  const spy = vi.spyOn(Ajv.prototype, 'compile')
  try {
    act()
    return spy.mock.calls.length
  } finally {
    spy.mockRestore()
  }
}

afterEach(() => vi.restoreAllMocks())

describe('the schema validators', () => {
  it('compile a caveat schema once per instance, and a restriction schema once per list', () => {
    const v = createValidators({ restrictions: [RESTRICTION], context: fresh() })
    expect(compiles(() => expect(v.caveat(CAVEAT, [1])).toEqual({ ok: true }))).toBe(1)
    expect(compiles(() => expect(v.caveat(CAVEAT, ['x']).ok).toBe(false))).toBe(0)
    const other = { ...CAVEAT }
    expect(compiles(() => v.caveat(other, [1]))).toBe(1)
    expect(compiles(() => expect(v.restriction({ type: 'paint' })).toEqual({ ok: true }))).toBe(1)
    expect(compiles(() => expect(v.restriction({ type: 'ink' }).ok).toBe(false))).toBe(0)
  })

  it('share one instance, and its compiled schemas, between registries with equal members', () => {
    const members = fresh()
    const first = createValidators({ restrictions: [RESTRICTION], context: members })
    expect(compiles(() => first.caveat(CAVEAT, [1]))).toBe(1)
    expect(compiles(() => first.restriction({ type: 'paint' }))).toBe(1)
    const second = createValidators({ restrictions: [RESTRICTION], context: JSON.parse(JSON.stringify(members)) as typeof members })
    expect(compiles(() => second.caveat(CAVEAT, [2]))).toBe(0)
    expect(compiles(() => second.restriction({ type: 'paint' }))).toBe(0)
  })

  it('keep the 8 newest instances: a ninth set of members drops the oldest', () => {
    const sets = Array.from({ length: 9 }, fresh)
    /** Compilations for a registry with the i-th set of members and one restriction validated. */
    const warm = (i: number) => compiles(() => createValidators({ restrictions: [RESTRICTION], context: sets[i] ?? {} }).restriction({ type: 'paint' }))
    for (let i = 0; i < 8; i++) expect(warm(i)).toBe(1)
    expect(warm(0)).toBe(0)
    expect(warm(8)).toBe(1)
    expect(warm(2)).toBe(0)
    expect(warm(0)).toBe(1)
  })

  it('compile in strict mode, with union types and open-ended tuples allowed', () => {
    const v = createValidators({ restrictions: [RESTRICTION], context: fresh() })
    // A proposal's schema with a misspelt keyword is refused, never silently ignored.
    expect(() => v.caveat({ type: 'array', maxItem: 2 }, [])).toThrow(/strict mode: unknown keyword: "maxItem"/)
    // Allowed outright: ajv neither throws nor logs a warning about them.
    const warn = vi.spyOn(console, 'warn')
    expect(v.caveat({ type: ['integer', 'string'] }, 'x')).toEqual({ ok: true })
    expect(v.caveat({ type: 'array', items: [{ type: 'integer' }] }, [1, 'more'])).toEqual({ ok: true })
    expect(warn).not.toHaveBeenCalled()
  })

  it('validate a published schema by reference, and throw on an unknown one (a caller bug)', () => {
    expect(validateRef('context.schema.json', { now: 0 }).ok).toBe(false)
    expect(() => validateRef('no-such.schema.json', {})).toThrow('no schema no-such.schema.json')
    expect(() => createValidators({ restrictions: [] }).ref('no-such.schema.json', {})).toThrow('no schema no-such.schema.json')
  })

  it('describe an error by where it is, or the whole value, and say so when there is none', () => {
    expect(describeErrors([])).toBe('does not match the schema')
    const v = createValidators({ restrictions: [RESTRICTION], context: fresh() })
    expect(v.caveat(CAVEAT, [1, 'x'])).toEqual({ ok: false, message: '/1 must be integer' })
    expect(v.caveat(CAVEAT, {})).toEqual({ ok: false, message: 'value must be array' })
    expect(v.caveat({ type: 'object', additionalProperties: false }, { z: 1 })).toEqual({ ok: false, message: 'value must NOT have additional properties (z)' })
    expect(v.caveat({ const: 3 }, 4)).toEqual({ ok: false, message: 'value must be equal to constant (3)' })
  })
})
