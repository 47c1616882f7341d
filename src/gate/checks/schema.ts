/**
 * @module PROP-2: the schemas compile, the tag was never used and is claimed by no other proposal,
 * no name clashes, the module agrees with the files, and types generate.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { Ajv } from 'ajv'
import { DEFAULT_REGISTRY } from '../../caveats/registry.js'
import type { CaveatModule, JsonSchema } from '../../caveats/types.js'
import { contextSchema } from '../../generated/schemas.js'
import { judged, type CheckResult } from '../check.js'
import type { ProposalFolder } from '../proposal.js'
import { declaredNames, proposalTypes } from '../types.js'
import { tagRegistry } from '../versioning.js'

const MAX_TAG = 2 ** 31 - 1

function compiles(name: string, schema: JsonSchema, problems: string[]): boolean {
  const ajv = new Ajv({ strict: true, strictTuples: false, allowUnionTypes: true })
  for (const keyword of ['x-slug', 'tsType']) ajv.addKeyword({ keyword, schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-tag', schemaType: 'number' })
  try {
    ajv.compile(schema)
    return true
  } catch (err) {
    problems.push(`${name} does not compile: ${(err as Error).message}`)
    return false
  }
}

/** Tags other proposals under `root/proposals/` claim, by slug. */
function claimedTags(root: string, slug: string): Map<number, string> {
  const dir = join(root, 'proposals')
  const out = new Map<number, string>()
  if (!existsSync(dir)) return out
  for (const other of readdirSync(dir)) {
    const path = join(dir, other, 'caveat.schema.json')
    if (other === slug || !existsSync(path)) continue
    try {
      const tag = (JSON.parse(readFileSync(path, 'utf8')) as { 'x-tag'?: unknown })['x-tag']
      if (typeof tag === 'number') out.set(tag, other)
    } catch {
      // Another proposal's broken schema is its own gate's business.
    }
  }
  return out
}

/** `registryRoot`: where spec/caveats/index.md, the tag registry, is read: the base (PROP-27). */
export async function checkSchema(root: string, folder: ProposalFolder, caveat: CaveatModule, registryRoot: string = root): Promise<CheckResult> {
  const problems: string[] = []
  const { slug } = folder
  const files: [string, JsonSchema | null][] = [['caveat.schema.json', folder.caveat], ['restriction.schema.json', folder.restriction], ['context.schema.json', folder.context]]
  for (const [name, schema] of files) if (schema !== null) compiles(name, schema, problems)

  // The caveat: its slug, its tag, and the tag as the first item.
  const tag = folder.caveat['x-tag']
  if (folder.caveat['x-slug'] !== slug) problems.push(`caveat.schema.json: x-slug is ${JSON.stringify(folder.caveat['x-slug'])}, not the folder's name ${JSON.stringify(slug)}`)
  if (typeof tag !== 'number' || !Number.isInteger(tag) || tag < 0 || tag > MAX_TAG) {
    problems.push(`caveat.schema.json: x-tag ${JSON.stringify(tag)} is not an integer from 0 to 2^31 - 1`)
  } else {
    const first = (folder.caveat.items as { const?: unknown }[] | undefined)?.[0]?.const
    if (first !== tag) problems.push(`caveat.schema.json: the first item must be the constant tag ${tag}, not ${JSON.stringify(first)}`)
    const entry = tagRegistry(readFileSync(join(registryRoot, 'spec/caveats/index.md'), 'utf8')).find((e) => e.tag === tag)
    if (entry !== undefined) problems.push(`tag ${tag} is ${entry.status} to ${entry.slug} in the tag registry (spec/caveats/index.md): a tag is never reused (SEMVER-5)`)
    else if (DEFAULT_REGISTRY.byTag.has(tag)) problems.push(`tag ${tag} is registered to ${DEFAULT_REGISTRY.byTag.get(tag)?.slug} (CAV-4)`)
    const claimant = claimedTags(root, slug).get(tag)
    if (claimant !== undefined) problems.push(`tag ${tag} is claimed by the proposal ${claimant} (proposals/${claimant})`)
  }
  if (DEFAULT_REGISTRY.bySlug.has(slug)) problems.push(`the slug ${slug} is a built-in caveat's`)

  // The restriction type and the context members are new.
  const type = (folder.restriction.properties as { type?: { const?: unknown } } | undefined)?.type?.const
  if (typeof type !== 'string') problems.push('restriction.schema.json: properties.type must be a constant string, the restriction type')
  else if (DEFAULT_REGISTRY.byType.has(type)) problems.push(`restriction type ${type} is the built-in ${DEFAULT_REGISTRY.byType.get(type)?.slug}'s`)
  const members = (folder.context?.properties ?? {}) as Record<string, JsonSchema>
  for (const [member, schema] of Object.entries(members)) {
    if (member in contextSchema.properties) problems.push(`context.schema.json: ${member} is a base context member (CTX-1), not an extension`)
    const ajv = new Ajv({ strict: false })
    if (!ajv.validate(schema, null)) problems.push(`context.schema.json: ${member} must allow null (absent data, PROP-4)`)
    const example = (schema.examples as unknown[] | undefined)?.[0]
    if (typeof example !== 'string' || !ajv.validate(schema, example)) problems.push(`context.schema.json: ${member} needs a first example that it accepts (PROP-4)`)
  }
  if (folder.context !== null && Object.keys(members).length === 0) problems.push('context.schema.json adds no member')

  // The module is the files' module.
  const agree: [string, unknown, unknown][] = [
    ['slug', caveat.slug, slug],
    ['tag', caveat.tag, tag],
    ['type', caveat.type, type],
    ['schemas.caveat', caveat.schemas.caveat, folder.caveat],
    ['schemas.restriction', caveat.schemas.restriction, folder.restriction],
    ['schemas.context', caveat.schemas.context ?? null, folder.context === null ? null : members],
  ]
  for (const [what, actual, expected] of agree) {
    if (!isDeepStrictEqual(actual, expected)) problems.push(`module.ts: caveat.${what} does not match the proposal's files (${what === 'slug' || what === 'tag' || what === 'type' ? `${JSON.stringify(actual)}, not ${JSON.stringify(expected)}` : 'a different schema'})`)
  }

  // Types generate, under names the core does not use.
  let names: string[] = []
  try {
    names = declaredNames(await proposalTypes(slug, folder))
    const core = new Set(declaredNames(readFileSync(join(root, 'src/generated/types.ts'), 'utf8')))
    for (const name of names) if (core.has(name)) problems.push(`the type ${name} (a schema's title) is already a type of the core`)
  } catch (err) {
    problems.push(`json-schema-to-typescript generates no types: ${(err as Error).message}`)
  }
  return judged('schema', problems, `tag ${String(tag)}, never assigned and claimed by no other proposal; restriction type ${String(type)}; types ${names.join(', ')}`)
}
