import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/gate/check.js'
import { BROKEN } from '../fixtures/broken-proposals/release-version.js'
import { makeCopy, ROOT } from '../gate/copies.js'
import { readAction, runAction, type ActionRun } from './run-action.js'
import { PROCESS_SUITE } from '../limits.js'

let workspace: string
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'action-workspace-'))
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))

const REFERENCE = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'dist/adapter/main.js'))}`
const LIMIT = 10 * 60 * 1000
const outcomes = (run: ActionRun) => Object.fromEntries(run.steps.map((s) => [s.name, s.outcome]))
const reports = () => join(workspace, 'pypi-token-reports')

describe('action.yml', () => {
  it('is a composite action with the implementer inputs (adapter, xfail) and the maintainer input (gate)', () => {
    const action = readAction(join(ROOT, 'action.yml'))
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['adapter', 'xfail', 'gate']))
    expect(action.runs.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', if: 'always()' })
  })
})

describe('action.yml, implementer mode (CONF-1, VEC-8)', PROCESS_SUITE, () => {
  it('runs every vector against the adapter, writes the Markdown report to the step summary and uploads the three reports', () => {
    const run = runAction(ROOT, { adapter: REFERENCE }, workspace)
    expect(outcomes(run)).toEqual({
      'Choose the mode': 'success',
      'Install the suite (npm ci builds dist/)': 'success',
      'Run the vectors against the adapter': 'success',
      "Set up the deployed implementations' adapters": 'skipped',
      'Run the gate on the proposal': 'skipped',
      Outputs: 'success',
      'Upload the reports': 'success',
    })
    expect(run.failed).toBe(false)
    expect(run.summary).toContain('# Conformance results: pypi-token-spec')
    expect(run.summary).toContain('**PASSED**')
    for (const file of ['results.json', 'results.md', 'results.html']) expect(existsSync(join(reports(), file)), file).toBe(true)
    expect(JSON.parse(readFileSync(join(reports(), 'results.json'), 'utf8'))).toMatchObject({ passed: true })
    expect(run.outputs).toEqual({ passed: 'true', 'report-dir': reports() })
    expect(run.uses).toEqual([{ uses: 'actions/upload-artifact@v4', with: { name: 'pypi-token-reports', path: 'pypi-token-reports', 'if-no-files-found': 'warn' } }])
    expect(join(workspace, run.uses[0]?.with.path as string)).toBe(reports())
  }, LIMIT)

  it('passes the xfail file on: a listed vector that passes is XPASS, the run fails, and the reports are still summarised and uploaded', () => {
    writeFileSync(join(workspace, 'xfail.json'), JSON.stringify({ schema: 'xfail-file.schema.json', implementation: 'reference', entries: [{ id: 'expiration::at-not-before', reason: 'a deviation that is not there', spec: ['EXP-3'], flag: 'TimeBoundary', level: 'verdict', effect: 'None: a test entry.', class: 'fail-closed' }] }))
    const run = runAction(ROOT, { adapter: REFERENCE, xfail: 'xfail.json' }, workspace)
    expect(outcomes(run)).toMatchObject({ 'Run the vectors against the adapter': 'failure', Outputs: 'success', 'Upload the reports': 'success' })
    expect(run.failed).toBe(true)
    expect(run.summary).toContain('XPASS')
    expect(run.summary).toContain('**FAILED**')
    expect(run.outputs.passed).toBe('false')
    expect(run.uses).toHaveLength(1)
  }, LIMIT)

  it('refuses both modes at once, and neither, with one error line', () => {
    for (const inputs of [{ adapter: REFERENCE, gate: 'proposals/ip-ranges' }, {}]) {
      const run = runAction(ROOT, inputs, workspace)
      expect(run.steps[0]).toMatchObject({ name: 'Choose the mode', outcome: 'failure' })
      expect(run.steps[0]?.stdout).toMatch(/^::error::give (either )?adapter/)
      expect(outcomes(run)).toMatchObject({ 'Run the vectors against the adapter': 'skipped', 'Run the gate on the proposal': 'skipped', Outputs: 'success' })
      expect(run.outputs.passed).toBe('false')
    }
  })
})

describe('action.yml, maintainer mode (PROP-10)', PROCESS_SUITE, () => {
  it('runs the gate on a proposal and puts its report in the step summary', () => {
    const run = runAction(ROOT, { gate: join(ROOT, 'proposals/ip-ranges'), deployed: 'reference', base: 'HEAD' }, workspace)
    expect(outcomes(run)).toMatchObject({ "Set up the deployed implementations' adapters": 'success', 'Run the gate on the proposal': 'success', 'Run the vectors against the adapter': 'skipped' })
    expect(run.summary).toContain('## gate ')
    expect(run.summary).toContain(`gate PASSED: ${CHECKS.length} passed, 0 failed, 0 not run`)
    expect(run.summary).toContain('| ✅ PASS | `deployed` | every deployed implementation rejects every token carrying tag 6: reference rejects 18/18')
    expect(JSON.parse(readFileSync(join(reports(), 'gate.json'), 'utf8'))).toMatchObject({ ok: true, proposal: { slug: 'ip-ranges' } })
    expect(run.outputs.passed).toBe('true')
  }, LIMIT)

  it('fails with the reasons in the step summary when the proposal fails the gate', () => {
    const { dir } = makeCopy('release-version', BROKEN[0]!, workspace)
    const run = runAction(ROOT, { gate: dir, deployed: 'reference' }, workspace)
    expect(outcomes(run)).toMatchObject({ 'Run the gate on the proposal': 'failure', Outputs: 'success', 'Upload the reports': 'success' })
    expect(run.summary).toContain('| ❌ FAIL | `schema` | tag 1 is registered to project-names in the tag registry')
    expect(run.outputs.passed).toBe('false')
  }, LIMIT)
})
