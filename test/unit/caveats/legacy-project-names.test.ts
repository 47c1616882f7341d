import { describe, expect, it } from 'vitest'
import { legacyProjectNames } from '../../../src/caveats/legacy-project-names.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx, project } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

describe('legacy-project-names {"version":1,"permissions":{"projects":[...]}}', () => {
  it('decodes the 2019 form in any key order', () => {
    const expected = { slug: 'legacy-project-names', restriction: { type: 'legacy_project_names', names: ['foo', 'bar'] } }
    expect(outcome('{"version": 1, "permissions": {"projects": ["foo", "bar"]}}')).toEqual(expected)
    expect(outcome('{"permissions": {"projects": ["foo", "bar"]}, "version": 1}')).toEqual(expected)
  })

  it('writes sorted compact keys', () => {
    expect(dumpJson(legacyProjectNames.encode({ type: 'legacy_project_names', names: ['a'] }))).toBe('{"permissions":{"projects":["a"]},"version":1}')
  })

  it('applies the tag-1 rule (LPNAME-2)', () => {
    expect(check('{"version":1,"permissions":{"projects":["requests"]}}', ctx({ project: project('requests') }))).toBeNull()
    expect(check('{"version":1,"permissions":{"projects":["requests"]}}', ctx({ project: project('flask') }))).toBe('NOT_SATISFIED')
    expect(check('{"version":1,"permissions":{"projects":["requests"]}}', ctx())).toBe('NOT_SATISFIED')
  })

  it.each([
    ['version alone', '{"version":1}'],
    ['null permissions', '{"version":1,"permissions":null}'],
    ['a list of permissions', '{"version":1,"permissions":[]}'],
    ['another key in permissions', '{"version":1,"permissions":{"otherkey":"foo"}}'],
    ['an extra key in permissions (LPNAME-1)', '{"version":1,"permissions":{"projects":["a"],"versions":["1.0"]}}'],
    ['an extra top-level key (LPNAME-1)', '{"version":1,"permissions":{"projects":["a"]},"x":1}'],
    ['version 2', '{"version":2,"permissions":{"projects":["a"]}}'],
    ['version true (LPNAME-1)', '{"version":true,"permissions":{"projects":["a"]}}'],
    ['version 1.0 (JSON-4)', '{"version":1.0,"permissions":{"projects":["a"]}}'],
    ['projects as a string', '{"version":1,"permissions":{"projects":"a"}}'],
    ['another permissions string', '{"version":1,"permissions":"something"}'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
