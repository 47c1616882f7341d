/** explainCaveat: a module's explanation, or why the module failed to give one (VERIFY-7: module code never makes the caller throw). */
import { describe, expect, it } from 'vitest'
import { explainCaveat } from '../../../src/caveats/decode.js'
import { DEFAULT_REGISTRY, type CaveatModule } from '../../../src/index.js'

const names = DEFAULT_REGISTRY.byType.get('project_names') as CaveatModule
const restriction = { type: 'project_names', names: ['a'] } as never
const saying = (said: unknown) => ({ ...names, explain: () => said }) as CaveatModule

describe('explainCaveat', () => {
  it("gives the module's text", () => {
    expect(explainCaveat(saying('Only for a.'), restriction, undefined)).toBe('Only for a.')
  })

  it('says the module failed when it answers with no text, naming what it gave', () => {
    expect(explainCaveat(saying(null), restriction, undefined)).toBe('the project-names module failed on it (its explanation is null, not text)')
    expect(explainCaveat(saying(7), restriction, undefined)).toBe('the project-names module failed on it (its explanation is number, not text)')
    expect(explainCaveat(saying(undefined), restriction, undefined)).toBe('the project-names module failed on it (its explanation is undefined, not text)')
  })
})
