import { describe, expect, it } from 'vitest'
import { legacyProjectIds } from '../../../src/caveats/legacy-project-ids.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx, project } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

describe('legacy-project-ids {"project_ids":[...]}', () => {
  it('decodes the 2022 form', () => {
    expect(outcome('{"project_ids": ["123uuid", "456uuid"]}')).toEqual({
      slug: 'legacy-project-ids',
      restriction: { type: 'legacy_project_ids', ids: ['123uuid', '456uuid'] },
    })
  })

  it('writes compact JSON', () => {
    expect(dumpJson(legacyProjectIds.encode({ type: 'legacy_project_ids', ids: ['a'] }))).toBe('{"project_ids":["a"]}')
  })

  it('applies the tag-2 rule (LPID-2)', () => {
    expect(check('{"project_ids":["a"]}', ctx({ project: project('x', 'a') }))).toBeNull()
    expect(check('{"project_ids":["a"]}', ctx({ project: project('x', 'b') }))).toBe('NOT_SATISFIED')
    expect(check('{"project_ids":["a"]}', ctx())).toBe('NOT_SATISFIED')
  })

  it.each([
    ['a bare string', '{"project_ids":"a"}'],
    ['an extra key (LPID-1)', '{"project_ids":["a"],"x":1}'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
