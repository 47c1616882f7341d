/** @module `pypi-token mint`: create a token from a root key, as an index would. */
import { mint, type Restriction } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { readKeyHex } from '../token-input.js'
import { RESTRICTION_OPTIONS, RESTRICTION_USAGE, restrictionsFrom } from './restrictions.js'

export const MINT_USAGE = `pypi-token mint (--key-env VAR | --key-hex HEX) --identifier ID [--location HOST] [--prefix P]
                [--caveat TEXT]... restrictions...
  Creates a token signed with the root key (what an index does when it issues one).
  --identifier ID   what the index finds the key by (e.g. a UUID)
  --location HOST   informational, never checked (default: empty)
  --caveat TEXT     embed TEXT verbatim as a caveat (repeatable; for testing verifiers)
  restrictions (written canonically, after any --caveat):
${RESTRICTION_USAGE}`

export async function mintCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values } = parse(
    'mint',
    argv,
    {
      'key-env': { type: 'string' },
      'key-hex': { type: 'string' },
      identifier: { type: 'string' },
      location: { type: 'string' },
      prefix: { type: 'string' },
      caveat: { type: 'string', multiple: true },
      ...RESTRICTION_OPTIONS,
    },
    0,
  )
  const key = readKeyHex(io, values['key-hex'], values['key-env'])
  if (values.identifier === undefined) throw new UsageError('mint: --identifier is required')
  const caveats: (string | Restriction)[] = [...(values.caveat ?? []), ...restrictionsFrom(io, values)]
  const result = mint({ key, identifier: values.identifier, location: values.location ?? '', prefix: values.prefix ?? 'pypi', caveats })
  if (!result.ok) throw new UsageError(`mint: ${result.message}`)
  io.out(result.token + '\n')
  return EXIT.OK
}
