/** @module `pypi-token mint`: create a token from a root key, as an index would. */
import { mint, type Restriction } from '../../index.js'
import { parse } from '../args.js'
import { EXIT, UsageError, type Io } from '../io.js'
import { KEY_OPTIONS, KEY_USAGE, readKey } from '../token-input.js'
import { refuseUnusable, RESTRICTION_OPTIONS, RESTRICTION_USAGE, restrictionsFrom } from './restrictions.js'

/** Warehouse's root keys are 32 random bytes; shorter ones are easier to guess. */
export const MIN_KEY_BYTES = 32

export const MINT_USAGE = `pypi-token mint (--key-env VAR | --key-file PATH | --key-stdin | --key-hex HEX) --identifier ID
                [--location HOST] [--prefix P] [--caveat TEXT]... restrictions... [--json]
  Creates a token signed with the root key (what an index does when it issues one). Warns when
  the key is shorter than ${MIN_KEY_BYTES} bytes.
${KEY_USAGE}
  --identifier ID   what the index finds the key by (e.g. a UUID); not empty
  --location HOST   informational, never checked (default: empty)
  --prefix P        the token's prefix (default: pypi)
  --caveat TEXT     embed TEXT verbatim as a caveat (repeatable: one caveat each, in order;
                    for testing verifiers)
  --json            print {"token": "..."} instead
  restrictions (written canonically, after any --caveat):
${RESTRICTION_USAGE}`

export async function mintCommand(io: Io, argv: readonly string[]): Promise<number> {
  const { values } = parse(
    'mint',
    argv,
    {
      ...KEY_OPTIONS,
      identifier: { type: 'string' },
      location: { type: 'string' },
      prefix: { type: 'string' },
      caveat: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      ...RESTRICTION_OPTIONS,
    },
    0,
  )
  if (values.identifier === undefined) throw new UsageError('mint: --identifier is required')
  if (values.identifier === '') throw new UsageError('mint: --identifier must not be empty: it is how the index finds the key')
  const restrictions = restrictionsFrom(io, values)
  refuseUnusable(io, 'mint', [], restrictions, values.force === true)
  const key = await readKey(io, values)
  if (key.length < MIN_KEY_BYTES) io.err(`pypi-token mint: warning: the key is ${key.length} byte${key.length === 1 ? '' : 's'}; use at least ${MIN_KEY_BYTES} random bytes\n`)
  const caveats: (string | Restriction)[] = [...(values.caveat ?? []), ...restrictions]
  const result = mint({ key, identifier: values.identifier, location: values.location ?? '', prefix: values.prefix ?? 'pypi', caveats })
  if (!result.ok) throw new UsageError(`mint: ${result.message}`)
  io.out(values.json === true ? `${JSON.stringify({ token: result.token })}\n` : `${result.token}\n`)
  return EXIT.OK
}
