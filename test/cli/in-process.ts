/** Runs the command table of src/cli/run.ts in-process, with an in-memory Io and a fixed clock (never the wall clock). */
import type { Io } from '../../src/cli/io.js'
import { run } from '../../src/cli/run.js'

/** The clock a run sees unless told otherwise: 2023-11-14T22:13:20Z, the vectors' usual `now` minus 10 s. */
export const CLI_NOW = 1700000000

export interface InProcessOptions {
  readonly env?: Record<string, string>
  readonly stdin?: string | null
  readonly colour?: boolean
  readonly now?: number
}

export interface Outcome {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

export async function runCliInProcess(argv: readonly string[], options: InProcessOptions = {}): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    argv,
    env: options.env ?? {},
    readStdin: async () => options.stdin ?? null,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    now: () => options.now ?? CLI_NOW,
    colour: options.colour ?? false,
  }
  const status = await run(io)
  return { status, stdout, stderr }
}
