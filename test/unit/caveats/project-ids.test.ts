import { describe, expect, it } from 'vitest'
import { projectIds } from '../../../src/caveats/project-ids.js'
import { dumpJson } from '../../../src/json/dumps.js'
import { ctx, project } from '../../helpers.js'
import { check, expectMalformed, outcome } from './cases.js'

const ID = '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11'

describe('project-ids (tag 2)', () => {
  it('decodes the ids', () => {
    expect(outcome(`[2,["${ID}"]]`)).toEqual({ slug: 'project-ids', restriction: { type: 'project_ids', ids: [ID] } })
  })

  it('writes the bytes Warehouse writes', () => {
    expect(dumpJson(projectIds.encode({ type: 'project_ids', ids: ['123uuid', '456uuid'] }))).toBe('[2,["123uuid","456uuid"]]')
  })

  it('holds only for a listed project id, compared exactly (PID-3)', () => {
    expect(check(`[2,["${ID}"]]`, ctx({ project: project('x', ID) }))).toBeNull()
    expect(check(`[2,["${ID.toUpperCase()}"]]`, ctx({ project: project('x', ID) }))).toBe('NOT_SATISFIED')
    expect(check(`[2,["${ID}"]]`, ctx({ project: project('x', '00000000-0000-0000-0000-000000000000') }))).toBe('NOT_SATISFIED')
  })

  it('accepts any string as an id, as Warehouse does (PID-1)', () => {
    expect(check('[2,["123uuid"]]', ctx({ project: project('x', '123uuid') }))).toBeNull()
  })

  it('never holds without a project (PID-4) or with an empty list (PID-2)', () => {
    expect(check(`[2,["${ID}"]]`, ctx())).toBe('NOT_SATISFIED')
    expect(check('[2,[]]', ctx({ project: project('x', ID) }))).toBe('NOT_SATISFIED')
  })

  it.each([
    ['a bare string', `[2,"${ID}"]`],
    ['a number', '[2,[1]]'],
    ['a trailing element (CAV-6)', `[2,["${ID}"],"extra"]`],
  ])('rejects %s', (_what, text) => {
    expectMalformed(text)
  })
})
