import { describe, expect, it } from 'vitest'
import { DEFAULT_REGISTRY, extendRegistry, type CaveatModule } from '../../src/index.js'
import { EXACT, familyBase, requiredCases, type Comparison } from '../../src/vectors/near-miss.js'
import { comparisonRules, familyProblems } from '../../src/vectors/near-miss-coverage.js'
import { BASE_CONTEXTS, nearMissFamily, type NearMissRule } from '../../scripts/vectors/near-miss-vectors.js'
import { userContext } from '../../scripts/vectors/builder.js'

const USER_RULE: NearMissRule = { spec: 'USER-3', topic: 'request-user', compared: 'user_id', caveat: (a) => `[3,${JSON.stringify(a)}]`, context: (c) => userContext({ user_id: c }) }
const TABLE = `<!-- comparison-rules: rule | caveat | allowed value | compared with | comparison -->
| rule | caveat | allowed value | compared with | comparison |
|---|---|---|---|---|
| USER-3 | request-user | \`user_id\` of the caveat | \`user_id\` | exact |

After the table.`
const options = { bases: BASE_CONTEXTS(), registry: DEFAULT_REGISTRY }

describe('near-miss families (VEC-10)', () => {
  it('reads the comparison-rules table of a spec page, up to its last row', () => {
    expect(comparisonRules(TABLE)).toEqual([{ spec: 'USER-3', topic: 'request-user', compared: 'user_id', comparison: 'exact' }])
    expect(comparisonRules('no table')).toEqual([])
  })

  it('finds a whole family whole, and names each missing case, wrong verdict or missing citation', () => {
    const family = nearMissFamily(USER_RULE)
    expect(family.map((v) => v.id)).toContain('request-user::near-miss-user-3-exact')
    expect(familyProblems(comparisonRules(TABLE), family, options)).toEqual([])
    const withoutPrefix = family.filter((v) => !v.id.endsWith('-prefix'))
    expect(familyProblems(comparisonRules(TABLE), withoutPrefix, options)).toEqual([
      'comparison rule USER-3 lacks 1 near-miss vector(s): request-user::near-miss-user-3-prefix (expected CAVEAT_NOT_SATISFIED, citing USER-3, flagged NearMiss; found missing)',
    ])
    const lenient = family.map((v) => (v.id.endsWith('-case') ? { ...v, expected: { result: 'valid' as const } } : v))
    expect(familyProblems(comparisonRules(TABLE), lenient, options)[0]).toContain('near-miss-user-3-case (expected CAVEAT_NOT_SATISFIED, citing USER-3, flagged NearMiss; found valid)')
    const uncited = family.map((v) => ({ ...v, spec: ['CTX-3'] as [string] }))
    expect(familyProblems(comparisonRules(TABLE), uncited, options)[0]).toContain(`lacks ${family.length} near-miss vector(s)`)
  })

  it('drops the context-side cases CTX-1 does not let a context carry (an empty user id)', () => {
    const cases = requiredCases(EXACT, 'user_id', familyBase('user_id', BASE_CONTEXTS(), DEFAULT_REGISTRY)!, DEFAULT_REGISTRY)
    expect(cases.map((c) => c.name)).toContain('context-whitespace')
    expect(cases.map((c) => c.name)).not.toContain('context-empty')
    expect(cases.filter((c) => c.expect === 'valid').map((c) => c.name)).toEqual(['exact'])
  })

  it("starts a family for a member a context extension adds from its schema's first example (PROP-4)", () => {
    const module = {
      slug: 'colour', tag: 7, type: 'colour',
      schemas: { caveat: {}, restriction: {}, context: { colour: { oneOf: [{ type: 'string', pattern: '^[a-z]+$' }, { type: 'null' }], examples: ['red'] } } },
    } as unknown as CaveatModule
    const registry = extendRegistry(DEFAULT_REGISTRY, [module])
    expect(familyBase('colour', BASE_CONTEXTS(), DEFAULT_REGISTRY)).toBeNull()
    const base = familyBase('colour', BASE_CONTEXTS(), registry)!
    expect(base.value).toBe('red')
    expect(base.context).toMatchObject({ user_id: userContext().user_id, colour: 'red' })
    // The extension's pattern admits no upper case, padding or empty colour in a context.
    expect(requiredCases(EXACT, 'colour', base, registry).filter((c) => c.compared !== 'red').map((c) => c.name)).toEqual([])
    const table = TABLE.replace('| USER-3 | request-user | `user_id` of the caveat | `user_id` | exact |', '| COL-1 | colour | the colour | `colour` | shade |')
    expect(familyProblems(comparisonRules(table), [], { ...options, registry })).toEqual(['comparison rule COL-1 compares by "shade", which is not a known comparison (exact)'])
    const shade: Comparison = { name: 'shade', spec: 'COL-2', cases: (b) => [{ name: 'exact', allowed: b, compared: b, expect: 'valid', describe: () => 'control' }, { name: 'darker', allowed: `dark${b}`, compared: b, expect: 'CAVEAT_NOT_SATISFIED', describe: () => 'darker' }] }
    expect(familyProblems(comparisonRules(table), [], { ...options, registry, comparisons: { shade } })[0]).toBe(
      'comparison rule COL-1 lacks 2 near-miss vector(s): colour::near-miss-col-1-exact (expected valid, citing COL-1, flagged NearMiss; found missing); colour::near-miss-col-1-darker (expected CAVEAT_NOT_SATISFIED, citing COL-1, flagged NearMiss; found missing)',
    )
    expect(familyProblems(comparisonRules(table.replace('`colour` |', '`shade` |')), [], { ...options, registry, comparisons: { shade } })[0]).toContain('compares shade, which is no context member')
  })
})
