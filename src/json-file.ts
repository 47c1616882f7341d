/** @module Reading a JSON file a user hands the tools (xfail files, adapters.json, interop explanations). */
import { readFileSync } from 'node:fs'

/**
 * The parsed contents of `path`; an unreadable file or one that is not JSON becomes `fail` with a
 * one-line message naming the path: `<path>: not JSON (…)` or `<path>: cannot be read (<code>)`.
 */
export function readJsonFile(path: string, fail: (message: string) => Error): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const code = (err as { code?: string }).code
    throw fail(`${path}: ${code === undefined ? `not JSON (${(err as Error).message})` : `cannot be read (${code})`}`)
  }
}
