/**
 * Runs the steps of a composite action (action.yml) the way a GitHub runner does, as far as this
 * repository's action needs: `${{ … }}` expressions over inputs, github.action_path,
 * github.workspace and earlier steps' outputs; `if:` conditions (`always()`, `a == 'b'`, and
 * success by default); each `run:` script in `bash --noprofile --norc -eo pipefail`, with
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP pointing at temporary files. A `uses:` step is
 * recorded with its resolved `with:`, not run. Any other expression is an error.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

interface Step {
  readonly name: string
  readonly id?: string
  readonly if?: string
  readonly shell?: string
  readonly run?: string
  readonly uses?: string
  readonly with?: Record<string, string>
  readonly env?: Record<string, string>
  readonly 'working-directory'?: string
}

interface Action {
  readonly inputs: Record<string, { default?: string }>
  readonly outputs: Record<string, { value: string }>
  readonly runs: { readonly using: string; readonly steps: readonly Step[] }
}

export interface StepResult {
  readonly name: string
  readonly outcome: 'success' | 'failure' | 'skipped'
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
}

export interface ActionRun {
  readonly steps: readonly StepResult[]
  /** The action's outputs. */
  readonly outputs: Record<string, string>
  /** Everything the steps wrote to $GITHUB_STEP_SUMMARY. */
  readonly summary: string
  /** The `uses:` steps that would run, with their inputs resolved. */
  readonly uses: readonly { readonly uses: string; readonly with: Record<string, string> }[]
  readonly failed: boolean
}

export function readAction(path: string): Action {
  return parse(readFileSync(path, 'utf8')) as Action
}

/** GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const block = /^([^=<]+)<<(.+)$/.exec(line)
    if (block !== null) {
      const end = lines.indexOf(block[2] as string, i + 1)
      out[block[1] as string] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return out
}

export function runAction(actionPath: string, given: Record<string, string>, workspace: string): ActionRun {
  const action = readAction(join(actionPath, 'action.yml'))
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`)
  const unknown = Object.keys(given).find((k) => !(k in action.inputs))
  if (unknown !== undefined) throw new Error(`action.yml has no input ${unknown}`)
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']))
  const outputs: Record<string, Record<string, string>> = {}
  const value = (expr: string): string => {
    const e = expr.trim()
    let m: RegExpExecArray | null
    if ((m = /^inputs\.([\w-]+)$/.exec(e)) !== null) return inputs[m[1] as string] ?? ''
    if (e === 'github.action_path') return actionPath
    if (e === 'github.workspace') return workspace
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e)) !== null) return outputs[m[1] as string]?.[m[2] as string] ?? ''
    throw new Error(`unsupported expression: ${e}`)
  }
  const expand = (text: string) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => value(e))
  const condition = (expr: string | undefined, failed: boolean): boolean => {
    if (expr === undefined) return !failed
    const e = expr.replace(/^\$\{\{(.*)\}\}$/, '$1').trim()
    if (e === 'always()') return true
    const m = /^(.+?)\s*==\s*'([^']*)'$/.exec(e)
    if (m === null) throw new Error(`unsupported condition: ${e}`)
    return !failed && value(m[1] as string) === m[2]
  }
  const temp = mkdtempSync(join(tmpdir(), 'action-run-'))
  const summaryFile = join(temp, 'summary.md')
  writeFileSync(summaryFile, '')
  let failed = false
  const steps: StepResult[] = []
  const uses: ActionRun['uses'][number][] = []
  action.runs.steps.forEach((step, i) => {
    if (!condition(step.if, failed)) return steps.push({ name: step.name, outcome: 'skipped', stdout: '', stderr: '', outputs: {} })
    if (step.uses !== undefined) {
      uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))])) })
      return steps.push({ name: step.name, outcome: 'success', stdout: '', stderr: '', outputs: {} })
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name}: only bash run steps and uses steps are supported`)
    const outputFile = join(temp, `output-${i}`)
    const script = join(temp, `step-${i}.sh`)
    writeFileSync(outputFile, '')
    writeFileSync(script, expand(step.run))
    const env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])),
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      RUNNER_TEMP: temp,
    }
    const cwd = step['working-directory'] === undefined ? workspace : expand(step['working-directory'])
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const stepOutputs = readOutputs(readFileSync(outputFile, 'utf8'))
    if (step.id !== undefined) outputs[step.id] = stepOutputs
    const outcome = r.status === 0 ? 'success' : 'failure'
    if (outcome === 'failure') failed = true
    steps.push({ name: step.name, outcome, stdout: r.stdout, stderr: r.stderr, outputs: stepOutputs })
  })
  const summary = readFileSync(summaryFile, 'utf8')
  rmSync(temp, { recursive: true, force: true })
  return { steps, outputs: Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value)])), summary, uses, failed }
}
