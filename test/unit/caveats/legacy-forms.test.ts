/** CAV-12: members of any two legacy forms make an object malformed, decided from member names alone. */
import { describe, expect, it } from 'vitest'
import { LEGACY_TOP_LEVEL, mixedLegacyForms } from '../../../src/caveats/legacy-forms.js'
import { expectMalformed, outcome } from './cases.js'

/** One object per legacy form, with its top-level members. */
const FORMS: Record<string, Record<string, unknown>> = {
  'legacy-user': { version: 1, permissions: 'user' },
  'legacy-project-names': { version: 1, permissions: { projects: ['a'] } },
  'legacy-expiration': { exp: 2, nbf: 1 },
  'legacy-project-ids': { project_ids: ['x'] },
}

describe('CAV-12 legacy forms never mix', () => {
  it('accepts each form alone, and objects with no legacy member names', () => {
    for (const obj of Object.values(FORMS)) expect(mixedLegacyForms(obj)).toBeNull()
    expect(mixedLegacyForms({ x: 1 })).toBeNull()
    expect(mixedLegacyForms({ exp: 1, x: 1 })).toBeNull()
  })

  it('refuses every pair of forms whose top-level members differ, in full and member by member', () => {
    const slugs = Object.keys(FORMS)
    let pairs = 0
    for (const a of slugs) {
      for (const b of slugs) {
        if (a >= b) continue
        if (JSON.stringify(LEGACY_TOP_LEVEL[a]) === JSON.stringify(LEGACY_TOP_LEVEL[b])) continue
        pairs++
        expect(mixedLegacyForms({ ...FORMS[a], ...FORMS[b] }), `${a} + ${b}`).toMatch(/CAV-12/)
        for (const member of LEGACY_TOP_LEVEL[b] ?? []) {
          expect(mixedLegacyForms({ ...FORMS[a], [member]: (FORMS[b] as Record<string, unknown>)[member] }), `${a} + ${member}`).toMatch(/CAV-12/)
        }
      }
    }
    expect(pairs).toBe(5)
  })

  it('refuses legacy-user with legacy-project-names: a top-level `projects`, whatever the values', () => {
    expect(mixedLegacyForms({ version: 1, permissions: 'user', projects: ['a'] })).toMatch(/CAV-12/)
    expect(mixedLegacyForms({ projects: ['a'] })).toMatch(/CAV-12/)
    expect(mixedLegacyForms({ version: 2, permissions: 'user', exp: 2, nbf: 1 })).toMatch(/CAV-12/)
    expect(mixedLegacyForms({ permissions: 'user', project_ids: [] })).toMatch(/CAV-12/)
  })

  it('names every legacy member it found, in the order of the object, and each member of every form counts (a lone `exp` beside `project_ids` too)', () => {
    expect(mixedLegacyForms({ project_ids: ['x'], exp: 2 })).toBe(
      'legacy object mixes the members of more than one form ("project_ids", "exp"), so reading one form would drop another\'s restriction (CAV-12)',
    )
    for (const member of ['version', 'permissions', 'projects', 'exp', 'nbf']) expect(mixedLegacyForms({ project_ids: ['x'], [member]: 1 }), member).toMatch(/CAV-12/)
  })

  it('decodeCaveat rejects a mixed object for CAV-12 before reading any form', () => {
    expectMalformed('{"permissions":"user","project_ids":["x"],"version":1}', /CAV-12/)
    expectMalformed('{"nbf":1,"project_ids":["x"]}', /CAV-12/)
    expect(outcome('{"permissions":{"projects":["exp","project_ids"]},"version":1}')).toMatchObject({ slug: 'legacy-project-names' })
  })
})
