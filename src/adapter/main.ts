#!/usr/bin/env node
/** @module `npm run -s adapter`: the reference implementation as a protocol v1 adapter on stdin/stdout. */
import { serve } from './jsonl.js'

serve(process.stdin, process.stdout).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`adapter: ${String(err)}\n`)
    process.exit(1)
  },
)
