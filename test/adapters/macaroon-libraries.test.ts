import { describe, expect, it } from 'vitest'
import { runAllVectors } from './conformance-run.js'
import { built, library } from './macaroon-libraries.js'

// The four macaroon libraries (spec/libraries.md), each run through every vector by its adapter.
for (const a of ['pymacaroons', 'macaroon-go', 'macaroon-rs', 'macaroon-js'].map(library)) {
  describe.skipIf(!built(a))(`${a.name} adapter${built(a) ? '' : ` (skipped: ${a.hint})`}`, () => {
    it('runs every vector: each inspect, mint and restrict vector passes or is a listed deviation (xfail.json); verify is unsupported (LIB-1), with no glue beyond LIB-2 and LIB-3', async () => {
      const { results, failed, problems } = await runAllVectors(a.command, `adapters/${a.name}/xfail.json`)
      expect(problems).toEqual([])
      expect(failed).toBe(false)
      expect(results.implementation).toEqual(a.implementation)
      expect(results.ops).toEqual(['hello', 'inspect', 'mint', 'restrict'])
      expect(results.summary.PASS).toBeGreaterThan(35)
      const ran = results.results.filter((r) => r.outcome !== 'SKIP')
      expect(new Set(ran.map((r) => r.op))).toEqual(new Set(['inspect', 'mint', 'restrict']))
    }, 300000)
  })
}
