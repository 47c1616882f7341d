/**
 * @module A vector as a few lines of Python against pypitoken's own API, the calls its adapter
 * makes (adapters/pypitoken/README.md), so that a defect can be reported without this suite.
 * Other implementations get the harness command only.
 */
import type { Restriction, Vector } from '../../generated/types.js'

/** A JSON value as a Python literal (JSON string escapes are valid in Python strings). */
function py(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`
}

/** The keyword arguments of pypitoken's Token.restrict for one restriction, or null when it has none. */
function restrictKeywords(r: Restriction): string | null {
  switch (r.type) {
    case 'expiration':
      return `not_before=${py(r.not_before)}, not_after=${py(r.expires_at)}`
    case 'project_names':
      return `project_names=${py(r.names)}`
    case 'project_ids':
      return `project_ids=${py(r.ids)}`
    case 'user':
      return `user_id=${py(r.user_id)}`
    case 'legacy_user':
      return 'legacy_noop=True'
    case 'legacy_project_names':
      return `legacy_project_names=${py(r.names)}`
    case 'legacy_expiration':
      return `legacy_not_before=${py(r.not_before)}, legacy_not_after=${py(r.expires_at)}`
    default:
      return null
  }
}

function expectation(v: Vector): string {
  return `# The spec expects: ${JSON.stringify(v.expected)}`
}

/** Python reproducing the vector with pypitoken 7.1.1, or null (another implementation, or no pypitoken call for it). */
export function pythonReproduction(implementation: string, v: Vector): string | null {
  if (implementation !== 'pypitoken') return null
  const lines = ['from pypitoken import Token  # pypitoken 7.1.1']
  if (v.op === 'verify') {
    const c = v.input.context
    lines.push(
      `token = Token.load(${py(v.input.token)})`,
      `token.check(key=bytes.fromhex(${py(v.input.key)}), project_name=${py(c.project?.normalized_name ?? null)}, project_id=${py(c.project?.id ?? null)}, user_id=${py(c.user_id ?? null)}, now=${py(c.now)})`,
    )
  } else if (v.op === 'restrict') {
    const calls = (v.input.restrictions as Restriction[]).map(restrictKeywords)
    if (calls.some((k) => k === null)) return null
    lines.push(`token = Token.load(${py(v.input.token)})`, ...calls.map((k) => `token.restrict(${k})`), 'print(token.dump())')
  } else if (v.op === 'inspect') {
    lines.push(`token = Token.load(${py(v.input.token)})`, 'print(token.prefix, token.domain, token.identifier, [c.caveat_id for c in token._macaroon.caveats])')
  } else if (v.op === 'mint') {
    if (v.input.caveats.length > 0) return null
    lines.push(`token = Token.create(domain=${py(v.input.location)}, identifier=${py(v.input.identifier)}, key=bytes.fromhex(${py(v.input.key)}), prefix=${py(v.input.prefix)})`, 'print(token.dump())')
  } else {
    return null // detect: pypitoken has no such call
  }
  lines.push(expectation(v))
  return lines.join('\n')
}
