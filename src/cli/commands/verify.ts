/** @module `pypi-token verify`: check a token with its key against a request context. */
import { checkContext, normalizeProjectName, verify, type VerifyContext } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { parseInstant } from '../time-input.js'
import { readKeyHex, readToken } from '../token-input.js'

export const VERIFY_USAGE = `pypi-token verify [TOKEN | -] [--from-env VAR] (--key-env VAR | --key-hex HEX) [context] [--json]
  Verifies the signature with the root key and every caveat against the context.
  Exit status 0 when valid, 1 when invalid, 2 on bad input.
  context:
    --now TIME                 the time (Unix seconds or ISO-8601; default: now)
    --project NAME             the project the request acts on (normalized per PEP 503)
    --project-id UUID          that project's id (required with --project, and the reverse)
    --user ID                  the user the token authenticates
    --publisher ID             the Trusted Publisher the token authenticates
    --publisher-project ID     a project id the publisher is registered to (repeatable)`

export async function verifyCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('verify', argv, {
    'from-env': { type: 'string' },
    'key-env': { type: 'string' },
    'key-hex': { type: 'string' },
    now: { type: 'string' },
    project: { type: 'string' },
    'project-id': { type: 'string' },
    user: { type: 'string' },
    publisher: { type: 'string' },
    'publisher-project': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  })
  const key = readKeyHex(io, values['key-hex'], values['key-env'])
  if (values['publisher-project'] !== undefined && values.publisher === undefined) throw new UsageError('verify: --publisher-project needs --publisher')
  const name = values.project
  const id = values['project-id']?.toLowerCase()
  if ((name === undefined) !== (id === undefined)) throw new UsageError(`verify: ${name === undefined ? '--project-id needs --project NAME' : '--project needs --project-id UUID'}: a request acts on a project with a name and an id (CTX-1)`)
  const context: VerifyContext = {
    now: values.now === undefined ? io.now() : parseInstant(values.now, '--now'),
    project: name === undefined || id === undefined ? null : { name, normalized_name: normalizeProjectName(name), id },
    user_id: values.user ?? null,
    oidc_publisher: values.publisher === undefined ? null : { id: values.publisher, project_ids: values['publisher-project'] ?? [] },
  }
  const valid = checkContext(context)
  if (!valid.ok) throw new UsageError(`verify: the request context breaks CTX-1: ${valid.message}`)
  const token = await readToken(io, positionals[0], values['from-env'])
  const result = verify(token, key, context)
  if (values.json) io.out(JSON.stringify(result, null, 2) + '\n')
  else if (result.valid) io.out('valid\n')
  else io.out([`invalid: ${result.reason}`, ...result.failures.map((f) => `  ${f.index === null ? 'token' : `caveat ${f.index}`}${f.caveat ? ` (${f.caveat})` : ''}: ${f.message}`)].join('\n') + '\n')
  return result.valid ? EXIT.OK : EXIT.INVALID
}
