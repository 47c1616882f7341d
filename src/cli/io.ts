/** @module What a CLI command may touch, passed in so tests can run commands without a process. */

export interface Io {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  /** Reads all of standard input; null when stdin is a terminal (nothing piped). */
  readStdin(): Promise<string | null>
  out(text: string): void
  err(text: string): void
  /** Current time in Unix seconds. */
  now(): number
}

/** Bad input or usage: the CLI prints one line and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Exit statuses: 0 success or valid, 1 a negative verdict, 2 bad input. */
export const EXIT = { OK: 0, INVALID: 1, USAGE: 2 } as const
