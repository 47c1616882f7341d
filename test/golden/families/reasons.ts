/**
 * @module Every reason code the spec defines (schemas/common.schema.json#/definitions/ReasonCode):
 * how many vectors expect it, and the first verify vector expecting it through `pypi-token verify`,
 * as a user would type the vector's context on the command line.
 */
import { commonSchema } from '../../../src/generated/schemas.js'
import type { Vector, VerifyContext } from '../../../src/generated/types.js'
import { checkedInVectors, cli, familyFile, cliEntry, shellWord } from '../format.js'

const REASON_CODES = commonSchema.definitions.ReasonCode.enum as readonly string[]

function expects(v: Vector, code: string): boolean {
  const e = v.expected as { reason?: string; acceptable_reasons?: string[] }
  return e.reason === code || (e.acceptable_reasons ?? []).includes(code)
}

/** The verify command line for a vector's key and context. */
function verifyArgv(key: string, context: VerifyContext): string[] {
  const argv = ['verify', '--from-env', 'TOKEN', '--key-hex', key, '--now', String(context.now)]
  if (context.project !== null) argv.push('--project', context.project.name, '--project-id', context.project.id)
  if (context.user_id !== null) argv.push('--user', context.user_id)
  if (context.oidc_publisher !== null) argv.push('--publisher', context.oidc_publisher.id, ...context.oidc_publisher.project_ids.flatMap((p) => ['--publisher-project', p]))
  return argv
}

export async function reasons(): Promise<string> {
  const vectors = checkedInVectors().map((l) => l.vector)
  const entries: string[] = []
  for (const code of REASON_CODES) {
    const expecting = vectors.filter((v) => expects(v, code))
    const ops = [...new Set(expecting.map((v) => v.op))].join(', ')
    const verifying = expecting.filter((v) => v.op === 'verify' && typeof v.input.token === 'string')
    const first = verifying.find((v) => (v.expected as { reason?: string }).reason === code) ?? verifying[0]
    const counted = `${code}: ${expecting.length} vector${expecting.length === 1 ? '' : 's'} expect it${ops === '' ? '' : ` (${ops})`}`
    if (first === undefined) {
      entries.push(`## ${counted}\n# no verify vector expects it`)
      continue
    }
    const input = first.input as { token: string; key: string; context: VerifyContext }
    const argv = verifyArgv(input.key, input.context)
    const outcome = await cli(argv, { env: { TOKEN: input.token } })
    entries.push(cliEntry(counted, argv.map(shellWord), outcome, [`the first: ${first.id}, expecting ${(first.expected as { reason?: string }).reason}; TOKEN holds its token`]))
  }
  return familyFile('reasons', 'Every reason code the spec defines, with the first verify vector that expects it, through pypi-token verify.', entries)
}
