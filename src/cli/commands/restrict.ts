/** @module `pypi-token restrict`: narrow a token without its key. */
import { restrict } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { readToken } from '../token-input.js'
import { RESTRICTION_OPTIONS, RESTRICTION_USAGE, restrictionsFrom } from './restrictions.js'

export const RESTRICT_USAGE = `pypi-token restrict [TOKEN | -] [--from-env VAR] restrictions...
  Appends caveats to a token (no key needed) and prints the narrower token, nothing else.
  The result can never do more than the input token.
  restrictions:
${RESTRICTION_USAGE}
  Narrow a token right before uploading:
    TWINE_PASSWORD=$(pypi-token restrict --from-env PYPI_TOKEN --project foo --expires-in 10m) \\
      TWINE_USERNAME=__token__ twine upload dist/*`

export async function restrictCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse('restrict', argv, { 'from-env': { type: 'string' }, ...RESTRICTION_OPTIONS })
  const restrictions = restrictionsFrom(io, values)
  if (restrictions.length === 0) throw new UsageError('restrict: give at least one restriction (see pypi-token restrict --help)')
  const token = await readToken(io, positionals[0], values['from-env'])
  const result = restrict(token, restrictions)
  if (!result.ok) throw new UsageError(result.reason === 'INVALID_ARGUMENT' ? result.message : `not a token: ${result.reason}: ${result.message}`)
  io.out(result.token + '\n')
  return EXIT.OK
}
