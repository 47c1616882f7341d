import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CaveatModule, VectorFile } from '../../src/index.js'
import { deployedFile, missingContextFile, suiteOfFiles } from '../../src/gate/derived.js'
import { checkDeployed } from '../../src/gate/checks/deployed.js'
import { checkSchema } from '../../src/gate/checks/schema.js'
import { checkSemver } from '../../src/gate/checks/semver.js'
import { checkSpecIds } from '../../src/gate/checks/spec-ids.js'
import { kitOf } from '../../src/gate/kit.js'
import { readProposal, type ProposalFolder } from '../../src/gate/proposal.js'
import { runProposalGate } from '../../src/gate/gate.js'
import { caveat as releaseVersion } from '../../proposals/release-version/module.js'
import { build } from '../../proposals/release-version/vectors.js'
import { ROOT } from './copies.js'

const temp = mkdtempSync(join(tmpdir(), 'gate-checks-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const folder = (): ProposalFolder => {
  const read = readProposal(join(ROOT, 'proposals/release-version'))
  if (!read.ok) throw new Error(read.problems.join('; '))
  return read.folder
}
const module = releaseVersion as unknown as CaveatModule
const FILE: VectorFile = build()

describe('files (PROP-1)', () => {
  it('names every missing file, and a folder name that is no slug', () => {
    const dir = join(temp, 'Not_A_Slug')
    mkdirSync(dir)
    writeFileSync(join(dir, 'spec.md'), '# nothing\n')
    expect(readProposal(dir)).toEqual({ ok: false, problems: ['the folder\'s name "Not_A_Slug" is not a slug (lower-case letters, digits and single hyphens)', 'caveat.schema.json is missing', 'restriction.schema.json is missing', 'module.ts is missing', 'vectors.ts is missing', 'model.ts is missing', 'mutants.ts is missing'] })
  })

  it('names a schema that is not JSON', () => {
    const dir = join(temp, 'bad-json')
    cpSync(join(ROOT, 'proposals/release-version'), dir, { recursive: true })
    writeFileSync(join(dir, 'restriction.schema.json'), '{"type": "object",')
    const read = readProposal(dir)
    expect(read.ok ? [] : read.problems[0]).toMatch(/^restriction.schema.json is not JSON: /)
  })

  it('names every export a file lacks', () => {
    expect(kitOf({ module: { caveat: { slug: 'x', decode: () => null } }, vectors: { build: 5, comparisons: 3 }, model: {}, mutants: { mutants: {} }, bases: [] })).toEqual({
      ok: false,
      problems: [
        'module.ts: caveat.encode is not a function',
        'module.ts: caveat.normalize is not a function',
        'module.ts: caveat.check is not a function',
        'module.ts: caveat.explain is not a function',
        'module.ts: caveat.schemas must hold the caveat and restriction schemas',
        'vectors.ts does not export `build`, a function that returns the vector file',
        'vectors.ts: `comparisons` must be an object of comparisons by name',
        'model.ts does not export `model` with restriction, context and rejected arbitraries and holds()',
        'mutants.ts does not export `mutants`, an array of mutants',
      ],
    })
  })

  it('fails the files check of a proposal whose code does not build, and runs nothing else', async () => {
    const dir = join(temp, 'broken-code', 'release-version')
    cpSync(join(ROOT, 'proposals/release-version'), dir, { recursive: true })
    writeFileSync(join(dir, 'model.ts'), `${readFileSync(join(dir, 'model.ts'), 'utf8')}\nexport const = 1\n`)
    const report = await runProposalGate({ root: ROOT, proposal: dir, deployed: ['reference'], base: 'HEAD' })
    expect(report.checks[0]).toMatchObject({ name: 'files', status: 'FAIL' })
    expect(report.checks[0]?.problems[0]).toMatch(/^the proposal does not build: .*\(proposals\/release-version\/model\.ts:\d+\)$/)
    // The static checks (PROP-20 … PROP-28) read the source and git, never run the proposal, and decide before it is built.
    const statics = ['module-code', 'redos', 'caveat-size', 'base']
    expect(report.checks.filter((c) => statics.includes(c.name)).map((c) => c.status)).toEqual(statics.map(() => 'PASS'))
    expect(report.checks.slice(1).filter((c) => !statics.includes(c.name)).map((c) => c.status)).toEqual(Array(report.checks.length - 1 - statics.length).fill('NOT_RUN'))
  }, 60000)
})

describe('vectors the harness cannot read (PROP-5)', () => {
  it('fail the vectors check with the reason (a context that breaks CTX-1: a release version not canonical), and nothing runs them', async () => {
    const dir = join(temp, 'bad-vectors', 'release-version')
    cpSync(join(ROOT, 'proposals/release-version'), dir, { recursive: true })
    writeFileSync(join(dir, 'vectors.ts'), readFileSync(join(dir, 'vectors.ts'), 'utf8').replace("release_version: version })", "release_version: version === '1.2' ? '1.2.0' : version })"))
    const report = await runProposalGate({ root: ROOT, proposal: dir, deployed: ['reference'], base: 'HEAD' })
    expect(report.checks.find((c) => c.name === 'vectors')?.problems).toEqual([expect.stringMatching(/^the vector file: does not match vector-file\.schema\.json: \/vectors\/0\/input\/context.* \(vector release-version::single-version\)$/)])
    expect(report.checks.filter((c) => c.status === 'NOT_RUN').map((c) => c.name)).toEqual(['spec-ids', 'laws', 'mutants', 'derived-mutants', 'drawn', 'restrict-law', 'ids', 'existing-vectors', 'deployed', 'missing-context', 'determinism'])
  }, 60000)
})

describe('schema (PROP-2)', () => {
  it('passes the worked proposal, naming its tag and generated types', async () => {
    expect(await checkSchema(ROOT, folder(), module)).toMatchObject({ status: 'PASS', summary: 'tag 5, never assigned and claimed by no other proposal; restriction type release_versions; types ReleaseVersionCaveat, ReleaseVersionsRestriction, ReleaseVersionContext' })
  })

  it("refuses another proposal's tag, a built-in restriction type, a base context member, a member that cannot be null and a title of the core", async () => {
    const f = folder()
    const broken: ProposalFolder = {
      ...f,
      caveat: { ...f.caveat, 'x-tag': 6, title: 'ReleaseVersionCaveat', items: [{ const: 6 }, (f.caveat.items as object[])[1]] },
      restriction: { ...f.restriction, title: 'ProjectNamesRestriction', properties: { type: { const: 'project_names' }, versions: { type: 'array' } } },
      context: { ...f.context, properties: { user_id: { type: 'string', examples: ['x'] }, release_version: { type: 'string' } } },
    }
    const result = await checkSchema(ROOT, broken, { ...module, tag: 6, type: 'project_names', schemas: { caveat: broken.caveat, restriction: broken.restriction, context: broken.context?.properties as never } })
    expect(result.status).toBe('FAIL')
    expect(result.problems).toEqual([
      'tag 6 is claimed by the proposal ip-ranges (proposals/ip-ranges)',
      'restriction type project_names is the built-in project-names\'s',
      'context.schema.json: user_id is a base context member (CTX-1), not an extension',
      'context.schema.json: user_id must allow null (absent data, PROP-4)',
      'context.schema.json: release_version must allow null (absent data, PROP-4)',
      'context.schema.json: release_version needs a first example that it accepts (PROP-4)',
      'the type ProjectNamesRestriction (a schema\'s title) is already a type of the core',
    ])
  })

  it('refuses a tag out of range, a schema that does not compile and a module that disagrees', async () => {
    const f = folder()
    const result = await checkSchema(ROOT, { ...f, caveat: { ...f.caveat, 'x-tag': 2 ** 31, 'x-slug': 'other', type: 'arrayy' } }, { ...module, slug: 'release-versions' })
    expect(result.problems).toEqual([
      expect.stringMatching(/^caveat\.schema\.json does not compile: /),
      'caveat.schema.json: x-slug is "other", not the folder\'s name "release-version"',
      'caveat.schema.json: x-tag 2147483648 is not an integer from 0 to 2^31 - 1',
      'module.ts: caveat.slug does not match the proposal\'s files ("release-versions", not "release-version")',
      'module.ts: caveat.tag does not match the proposal\'s files (5, not 2147483648)',
      "module.ts: caveat.schemas.caveat does not match the proposal's files (a different schema)",
    ])
  })

  it('refuses a first item that is not the tag, and a schema from which no types generate', async () => {
    const f = folder()
    const result = await checkSchema(ROOT, { ...f, caveat: { ...f.caveat, items: [{ const: 4 }, { $ref: '#/definitions/Missing' }] } }, module)
    expect(result.problems).toEqual([
      expect.stringMatching(/^caveat\.schema\.json does not compile: can't resolve reference #\/definitions\/Missing/),
      'caveat.schema.json: the first item must be the constant tag 5, not 4',
      "module.ts: caveat.schemas.caveat does not match the proposal's files (a different schema)",
      expect.stringMatching(/^json-schema-to-typescript generates no types: /),
    ])
  })
})

describe('spec-ids (PROP-3) and semver (PROP-9)', () => {
  it('names uncited ids, unknown ids and a prefix the specification uses', () => {
    const borrowed = `${'CAV'}-99` // an id with a prefix of the specification (spelt so that coverage:spec does not read it as a citation)
    const spec = `${folder().spec}\n- **RVER-99.** Uncited.\n- **${borrowed}.** Borrowed prefix.\n`
    const file = { ...FILE, vectors: [{ ...FILE.vectors[0]!, spec: ['RVER-1', 'NOPE-1'] as [string, string] }, ...FILE.vectors.slice(1)] }
    expect(checkSpecIds(ROOT, spec, file).problems).toEqual([
      'spec.md uses the prefix CAV, which the specification already uses',
      `cited by no vector: RVER-99, ${borrowed}`,
      'ids neither spec.md nor the specification defines: release-version::single-version cites NOPE-1',
    ])
  })

  it('requires the next MINOR version on the page and the vectors, and refuses a MAJOR change', () => {
    const input = { root: ROOT, slug: 'release-version', tag: 5, spec: folder().spec.replace('Proposed for version 0.3.0', 'Proposed for version 1.0.0'), file: { ...FILE, suite_version: '0.2.0' }, existingKept: false, changelog: join(ROOT, 'CHANGELOG.md') }
    expect(checkSemver(input).problems).toEqual([
      "the proposal changes existing vectors' results, a MAJOR change (SEMVER-1), which a new tag must not make",
      'spec.md must say "Proposed for version 0.3.0" (a new tag is MINOR: 0.2.0 → 0.3.0, SEMVER-2), not 1.0.0',
      "the vector file's suite_version is 0.2.0, not 0.3.0 (SEMVER-2)",
    ])
  })
})

describe('deployed (PROP-8)', () => {
  const fakeRoot = join(temp, 'fake-root')
  const fake = (mode: string) => `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'test/harness/fixtures/fake-adapter.mjs'))} ${mode}`
  mkdirSync(join(fakeRoot, 'adapters'), { recursive: true })
  writeFileSync(join(fakeRoot, 'adapters/adapters.json'), JSON.stringify({ adapters: [
    { name: 'lenient', command: fake('always-valid') },
    { name: 'crashing', command: fake('crash-always') },
    { name: 'scanner', command: fake('detect-only') },
    { name: 'library', command: fake('library-only') },
    { name: 'hello-only', command: fake('hello-only') },
    { name: 'absent', command: 'missing-binary', requires: { files: ['no/such/file'] }, skip: 'install it' },
  ] }))
  const valid = FILE.vectors.filter((v) => v.op === 'verify' && v.expected.result === 'valid' && v.input.token.length > 0).slice(0, 2) as never[]

  it('names an implementation that would accept, one that gives no verdict, and one that cannot run', async () => {
    const suite = suiteOfFiles([deployedFile(FILE, ['release_version'], valid)])
    const result = await checkDeployed(fakeRoot, 5, suite, { names: null, env: {}, timeoutMs: 5000 })
    expect(result.problems).toEqual([
      'lenient would accept 2 of 2 tokens carrying tag 5: release-version-deployed::single-version; release-version-deployed::second-of-two-versions',
      expect.stringMatching(/^crashing gave no verdict for 2 of 2: release-version-deployed::single-version \(ERROR: /),
      expect.stringMatching(/^hello-only gave no verdict for 2 of 2: release-version-deployed::single-version \(SKIP: /),
      'absent could not run: no/such/file does not exist (install it)',
    ])
    expect(result.summary).toContain('scanner takes no part (its hello lists hello, detect, not verify)')
    expect(result.summary).toContain('library takes no part (its hello lists hello, inspect, restrict, not verify)')
    expect((await checkDeployed(fakeRoot, 5, suite, { names: ['nobody'], env: {} })).problems).toEqual(['no adapter named nobody in adapters/adapters.json', 'no deployed implementation to run'])
  }, 60000)

  it('sends the tokens without the context extension, expecting an unknown tag; the reference expects not satisfied', () => {
    const [deployed, missing] = [deployedFile(FILE, ['release_version'], valid), missingContextFile(FILE, ['release_version'], valid)]
    for (const { data } of [deployed, missing]) for (const v of data.vectors) expect('release_version' in (v as { input: { context: object } }).input.context).toBe(false)
    expect(deployed.data.vectors.map((v) => v.expected)).toEqual([{ result: 'invalid', reason: 'CAVEAT_UNKNOWN' }, { result: 'invalid', reason: 'CAVEAT_UNKNOWN' }])
    expect(missing.data.vectors.map((v) => v.expected)).toEqual([{ result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }, { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' }])
    expect(deployed.data.topic).toBe('release-version-deployed')
  })
})
