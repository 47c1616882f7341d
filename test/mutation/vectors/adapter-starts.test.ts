/**
 * Before any vector, the harness starts the adapter and sends `hello` (src/harness/process/
 * adapter-process.ts): an adapter that cannot start fails every vector. In-process, a reference
 * that throws while it loads leaves test/conformance/reference-vectors.test.ts unloaded, and
 * StrykerJS's vitest runner counts a file that never ran as passing (docs/mutation.md, "Mutants
 * that break loading"). This file loads the reference adapter inside a test and says hello, as the
 * harness does, so that such a mutant fails here as it would fail every vector.
 */
import { describe, expect, it } from 'vitest'

describe('the reference adapter starts', () => {
  it('loads and answers hello with protocol 1', async () => {
    const { handle } = await import('../../../src/adapter/handle.js')
    expect(handle({ id: 1, op: 'hello' })).toMatchObject({ id: 1, ok: true, protocol: 1 })
  })
})
