/** @module Loading what needs fast-check, an optional peer dependency: only when a command needs it, with a clear message when it is missing. */
import { UsageError } from '../io.js'

/** Imports a module that needs fast-check; a missing fast-check is a usage error naming `command`. */
export async function withFastCheck<T>(command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes('fast-check')) {
      throw new UsageError(`conformance: ${command} needs fast-check, an optional peer dependency of pypi-token-spec: npm install fast-check@4`)
    }
    throw err
  }
}
