/** @module A proposal folder on disk (PROP-1): its files, its schemas as data, its spec page. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { JsonSchema } from '../caveats/types.js'

/** The files every proposal holds; `context.schema.json` only when it extends the context (PROP-4). */
export const REQUIRED_FILES = ['caveat.schema.json', 'restriction.schema.json', 'spec.md', 'module.ts', 'vectors.ts', 'model.ts', 'mutants.ts'] as const
export const CONTEXT_FILE = 'context.schema.json'

export interface ProposalFolder {
  /** Absolute path of the folder. */
  readonly dir: string
  /** The folder's name: the caveat's slug. */
  readonly slug: string
  readonly caveat: JsonSchema
  readonly restriction: JsonSchema
  /** The context extension, or null. */
  readonly context: JsonSchema | null
  /** The spec page (spec.md). */
  readonly spec: string
}

export type FolderResult = { ok: true; folder: ProposalFolder } | { ok: false; problems: string[] }

export const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Whether `dir` is a directory at all (the CLI's usage check). */
export const isDirectory = (dir: string) => existsSync(dir) && statSync(dir).isDirectory()

function readJson(path: string, problems: string[]): JsonSchema | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonSchema
    problems.push(`${basename(path)} is not a JSON object`)
  } catch (err) {
    problems.push(`${basename(path)} is not JSON: ${(err as Error).message}`)
  }
  return null
}

/** Reads the folder: every required file present, the schemas JSON objects, the name a slug. */
export function readProposal(path: string): FolderResult {
  const dir = resolve(path)
  const slug = basename(dir)
  const problems: string[] = []
  if (!SLUG.test(slug)) problems.push(`the folder's name ${JSON.stringify(slug)} is not a slug (lower-case letters, digits and single hyphens)`)
  for (const file of REQUIRED_FILES) if (!existsSync(join(dir, file))) problems.push(`${file} is missing`)
  if (problems.length > 0) return { ok: false, problems }
  const caveat = readJson(join(dir, 'caveat.schema.json'), problems)
  const restriction = readJson(join(dir, 'restriction.schema.json'), problems)
  const context = existsSync(join(dir, CONTEXT_FILE)) ? readJson(join(dir, CONTEXT_FILE), problems) : null
  if (caveat === null || restriction === null || problems.length > 0) return { ok: false, problems }
  return { ok: true, folder: { dir, slug, caveat, restriction, context, spec: readFileSync(join(dir, 'spec.md'), 'utf8') } }
}
