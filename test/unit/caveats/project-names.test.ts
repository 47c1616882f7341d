import { describe, expect, it } from 'vitest'
import { projectNames } from '../../../src/caveats/project-names.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx, project } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

describe('project-names (tag 1)', () => {
  it('decodes the names', () => {
    expect(outcome('[1, ["foo", "bar"]]')).toEqual({ slug: 'project-names', restriction: { type: 'project_names', names: ['foo', 'bar'] } })
  })

  it('writes the bytes Warehouse writes', () => {
    expect(dumpJson(projectNames.encode({ type: 'project_names', names: ['foo', 'bar'] }))).toBe('[1,["foo","bar"]]')
  })

  it('holds only for a project whose normalized name is listed (PNAME-3)', () => {
    const c = '[1,["requests","my-pkg"]]'
    expect(check(c, ctx({ project: project('requests') }))).toBeNull()
    expect(check(c, ctx({ project: project('my-pkg', undefined, 'My_Pkg') }))).toBeNull()
    expect(check(c, ctx({ project: project('flask') }))).toBe('NOT_SATISFIED')
  })

  it('compares exactly: caveat entries are never normalised at verify time (PNAME-3)', () => {
    expect(check('[1,["Foo_Bar"]]', ctx({ project: project('foo-bar', undefined, 'Foo_Bar') }))).toBe('NOT_SATISFIED')
    expect(check('[1,["requests\\n"]]', ctx({ project: project('requests') }))).toBe('NOT_SATISFIED')
  })

  it('never holds without a project (PNAME-4) or with an empty list (PNAME-2)', () => {
    expect(check('[1,["requests"]]', ctx())).toBe('NOT_SATISFIED')
    expect(check('[1,[]]', ctx({ project: project('requests') }))).toBe('NOT_SATISFIED')
  })

  it.each([
    ['a bare string', '[1,"foo"]'],
    ['a non-string entry', '[1,["foo",1]]'],
    ['null', '[1,null]'],
    ['a missing list', '[1]'],
    ['a trailing element (CAV-6)', '[1,["a"],["a"]]'],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
