/** @module `pypi-token verify`: check a token with its key against a request context. */
import { checkContext, normalizeProjectName, normalizeRestriction, verify, type VerifyContext, type VerifyResult } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, paint, UsageError, type Io } from '../io.js'
import { parseInstant } from '../time-input.js'
import { KEY_OPTIONS, KEY_USAGE, readKey, readToken } from '../token-input.js'

export const VERIFY_USAGE = `pypi-token verify [TOKEN | -] [--from-env VAR] key [context] [--json]
  Verifies the signature with the root key and every caveat against the context.
  Exit status 0 when valid, 1 when invalid (a string that is not a token is invalid too), 2 on
  bad input.
${KEY_USAGE}
  context (what the index knows about the request; names and ids checked as restrict does):
    --now TIME                 the time (Unix seconds or ISO-8601; default: now)
    --project NAME             the project the request acts on (normalized per PEP 503)
    --project-id UUID          that project's id (required with --project, and the reverse)
    --user UUID                the user the token authenticates
    --publisher UUID           the Trusted Publisher the token authenticates
    --publisher-project UUID   a project id the publisher is registered to (repeatable: one
                               more project of the publisher each)
  Without --project the request acts on no project, and a token limited to projects is invalid.
  A request acts on one project, one user and one publisher: --project, --user and the other
  options but --publisher-project may be given once (a second one is refused).
  --json                       print the result as JSON: {valid, reason, message, failures}`

/** A project id, user id or publisher id given on the command line, checked and lowercased as a restricter does (RESTRICT-3). */
function uuidOption(option: string, value: string): string {
  const n = normalizeRestriction({ type: 'user', user_id: value })
  if (!n.ok) throw new UsageError(`verify: ${option} ${JSON.stringify(value)} is not a UUID`)
  return (n.restriction as { user_id: string }).user_id
}

/** A project name given on the command line, checked as a restricter does (RESTRICT-2). */
function projectOption(value: string): string {
  const n = normalizeRestriction({ type: 'project_names', names: [value] })
  if (!n.ok) throw new UsageError(`verify: --project ${JSON.stringify(value)} is not a valid project name (letters, digits, and . _ - inside)`)
  return value
}

export async function verifyCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('verify', argv, {
    'from-env': { type: 'string' },
    ...KEY_OPTIONS,
    now: { type: 'string' },
    project: { type: 'string' },
    'project-id': { type: 'string' },
    user: { type: 'string' },
    publisher: { type: 'string' },
    'publisher-project': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  })
  if (values['publisher-project'] !== undefined && values.publisher === undefined) throw new UsageError('verify: --publisher-project needs --publisher')
  const name = values.project === undefined ? undefined : projectOption(values.project)
  const id = values['project-id'] === undefined ? undefined : uuidOption('--project-id', values['project-id'])
  if (name === undefined && id !== undefined) throw new UsageError('verify: --project-id needs --project NAME: a request acts on a project with a name and an id (CTX-1)')
  if (name !== undefined && id === undefined) throw new UsageError('verify: --project needs --project-id UUID: a request acts on a project with a name and an id (CTX-1)')
  const context: VerifyContext = {
    now: values.now === undefined ? io.now() : parseInstant(values.now, '--now'),
    project: name === undefined || id === undefined ? null : { name, normalized_name: normalizeProjectName(name), id },
    user_id: values.user === undefined ? null : uuidOption('--user', values.user),
    oidc_publisher:
      values.publisher === undefined
        ? null
        : { id: uuidOption('--publisher', values.publisher), project_ids: (values['publisher-project'] ?? []).map((p) => uuidOption('--publisher-project', p)) },
  }
  const valid = checkContext(context)
  if (!valid.ok) throw new UsageError(`verify: the request context breaks CTX-1: ${valid.message}`)
  const key = await readKey(io, values)
  const token = await readToken(io, { positional: positionals[0], fromEnv: values['from-env'], stdinTaken: values['key-stdin'] === true })
  const result = verify(token, key, context)
  if (values.json === true) io.out(JSON.stringify(result, null, 2) + '\n')
  else io.out(describe(result, context, paint(io.colour)))
  return result.valid ? EXIT.OK : EXIT.INVALID
}

/** Caveats that need a project, a user or a publisher in the context (VERIFY-2). */
const NEEDS = {
  project: ['project-names', 'project-ids', 'legacy-project-names', 'legacy-project-ids', 'oidc-publisher'],
  user: ['request-user', 'legacy-user'],
  publisher: ['oidc-publisher'],
}

function describe(result: VerifyResult, context: VerifyContext, c: ReturnType<typeof paint>): string {
  if (result.valid) return `${c.green('valid')}\n`
  const lines = [c.red(`invalid: ${result.reason}`), ...result.failures.map((f) => `  ${f.index === null ? 'token' : `caveat ${f.index}`}${f.caveat ? ` (${f.caveat})` : ''}: ${f.message}`)]
  const failed = (slugs: string[]) => result.failures.some((f) => f.caveat !== null && slugs.includes(f.caveat))
  if (context.project === null && failed(NEEDS.project)) lines.push('note: no --project and --project-id were given, so the request acts on no project; this token is limited to projects')
  if (context.user_id === null && failed(NEEDS.user)) lines.push('note: no --user was given, so the request authenticates no user; this token needs one')
  if (context.oidc_publisher === null && failed(NEEDS.publisher)) lines.push('note: no --publisher was given, so the request authenticates no Trusted Publisher; this token needs one')
  return lines.join('\n') + '\n'
}
