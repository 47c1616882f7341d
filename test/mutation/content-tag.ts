/**
 * A short digest of what a test reads at run time, for its name. StrykerJS's incremental mode
 * (npm run mutation) knows a test by its file and its name, and sees a change only in the text of
 * a test file or of a mutated file: a vector, a golden text or any other data file read at run
 * time can change while every test keeps its name, and then a killed mutant's old result would be
 * reused though its killing test now checks something else. With the data's digest in the name,
 * a changed datum is a removed test and an added one: the mutants the old test killed, and the
 * survivors the new one covers, are tested again. node:crypto, never the mutated src/macaroon/sha256.ts.
 */
import { createHash } from 'node:crypto'

/** The first 10 hex digits of the SHA-256 of the value's JSON text (or of the string itself). */
export function contentTag(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 10)
}
