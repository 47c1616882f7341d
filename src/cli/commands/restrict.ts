/** @module `pypi-token restrict`: narrow a token without its key. */
import { inspect, restrict } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, TokenError, UsageError, type Io } from '../io.js'
import { readToken } from '../token-input.js'
import { refuseUnusable, RESTRICTION_OPTIONS, RESTRICTION_USAGE, restrictionsFrom } from './restrictions.js'

export const RESTRICT_USAGE = `pypi-token restrict [TOKEN | -] [--from-env VAR] restrictions... [--force] [--json]
  Appends caveats to a token (no key needed) and prints the narrower token, nothing else.
  The result can never do more than the input token. Refuses (exit status 2), unless --force,
  restrictions after which the token could never be used (say --project b on a token for a
  project a), a token that is already expired, and an expiry no earlier than the token's own.
  restrictions:
${RESTRICTION_USAGE}
  --json                   print {"token": "..."} instead
  Narrow a token right before uploading:
    NARROWED=$(pypi-token restrict --from-env PYPI_TOKEN --project foo --expires-in 10m) &&
      TWINE_USERNAME=__token__ TWINE_PASSWORD="$NARROWED" twine upload dist/*
  (the && stops before twine, which would otherwise get an empty password, when restrict fails)`

export async function restrictCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('restrict', argv, { 'from-env': { type: 'string' }, json: { type: 'boolean' }, ...RESTRICTION_OPTIONS })
  const restrictions = restrictionsFrom(io, values)
  if (restrictions.length === 0) throw new UsageError('restrict: give at least one restriction (see pypi-token restrict --help)')
  const token = await readToken(io, { positional: positionals[0], fromEnv: values['from-env'] })
  const info = inspect(token)
  if (!info.ok) throw new TokenError(info.reason, info.message)
  refuseUnusable(
    io,
    'restrict',
    info.token.caveats.map((c) => c.restriction),
    restrictions,
    values.force === true,
  )
  const result = restrict(token, restrictions)
  if (!result.ok) throw result.reason === 'INVALID_ARGUMENT' ? new UsageError(`restrict: ${result.message}`) : new TokenError(result.reason, result.message)
  io.out(values.json === true ? `${JSON.stringify({ token: result.token })}\n` : `${result.token}\n`)
  return EXIT.OK
}
