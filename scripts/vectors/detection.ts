/**
 * Detection vectors (spec/detection.md): tokens as the production and the test index issue them,
 * fresh, narrowed by their holders and from Trusted Publishing, up to LIMIT-1's 8,192 characters,
 * alone and inside the text scanners read; and near misses that are not such tokens. The indexes'
 * locations are assembled at run time (src/detect/indexes.ts), so they appear only as bytes inside
 * the tokens.
 */
import { createHash } from 'node:crypto'
import { indexLocation } from '../../src/detect/indexes.js'
import type { DetectVector, IndexName } from '../../src/generated/types.js'
import { dumpJson } from '../../src/json/dumps.js'
import { LOCATION, T0, token, vectorFile } from './builder.js'
import type { Flag } from './flags.js'

/** A fixed 32-byte key per label (scanners never see keys; distinct keys make distinct signatures). */
const keyOf = (label: string) => new Uint8Array(createHash('sha256').update(`detection:${label}`).digest())
/** A fixed, UUID-shaped identifier per label, as Warehouse's macaroon rows have. */
function uuidOf(label: string): string {
  const h = createHash('sha256').update(`uuid:${label}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const USER = uuidOf('user')
const PROJECT_ID = uuidOf('project')
const PUBLISHER = uuidOf('publisher')

/** Caveats as the index writes them at issue time (spec/minting.md), canonical JSON. */
const ISSUED = {
  user: [`[3,"${USER}"]`],
  project: ['[1,["sampleproject"]]', `[2,["${PROJECT_ID}"]]`],
  none: [],
  legacyUser: ['{"permissions":"user","version":1}'],
  legacyProject: ['{"permissions":{"projects":["sampleproject"]},"version":1}', `{"project_ids":["${PROJECT_ID}"]}`],
  trustedPublishing: [`[4,"${PUBLISHER}",null]`, `[2,["${PROJECT_ID}"]]`, `[0,${T0 + 900},${T0}]`],
  /** Before Warehouse #13680 the publisher caveat carried the OIDC claims. */
  trustedPublishingClaims: [`[4,"${PUBLISHER}",${dumpJson(githubClaims())}]`, `[2,["${PROJECT_ID}"]]`, `[0,${T0 + 900},${T0}]`],
} as const

/** The claims of a GitHub Actions OIDC token for a release workflow (illustrative values). */
function githubClaims() {
  const repo = 'octo-org/sampleproject'
  return {
    actor: 'octocat',
    actor_id: '583231',
    base_ref: '',
    environment: 'release',
    event_name: 'release',
    head_ref: '',
    job_workflow_ref: `${repo}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    job_workflow_sha: 'a3c2f0e1b4d5968778695a4b3c2d1e0f9a8b7c6d',
    ref: 'refs/tags/v1.2.3',
    ref_protected: 'false',
    ref_type: 'tag',
    repository: repo,
    repository_id: '123456789',
    repository_owner: 'octo-org',
    repository_owner_id: '987654321',
    repository_visibility: 'public',
    run_attempt: '1',
    run_id: '4567890123',
    run_number: '42',
    runner_environment: 'github-hosted',
    sha: 'a3c2f0e1b4d5968778695a4b3c2d1e0f9a8b7c6d',
    sub: `repo:${repo}:environment:release`,
    workflow: 'release',
    workflow_ref: `${repo}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    workflow_sha: 'a3c2f0e1b4d5968778695a4b3c2d1e0f9a8b7c6d',
  }
}

/** Narrowing caveats a holder appends, in pypitoken's spelling (spaces after separators). */
const narrowed = (names: string[]) => [`[0, ${T0 + 600}, ${T0 - 60}]`, `[1, ${JSON.stringify(names).replace(/,/g, ', ')}]`]

const issued = (index: IndexName, label: string, caveats: readonly string[]) =>
  token({ key: keyOf(`${index}:${label}`), identifier: uuidOf(`${index}:${label}`), location: indexLocation(index), caveats })

/** The longest token of at most `chars` characters: a user token narrowed again and again, the last narrowing padded with project names. */
function heavilyNarrowed(index: IndexName, chars: number): string {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `project-${String(i).padStart(3, '0')}`)
  const caveats: string[] = [...ISSUED.user]
  const build = (extra: string[]) => issued(index, 'narrowed-to-the-limit', [...caveats, ...extra])
  while (build(narrowed(names(20))).length <= chars && caveats.length < 60) caveats.push(...narrowed(names(20)))
  let n = 0
  while (build([`[1,${JSON.stringify(names(n + 1))}]`]).length <= chars) n++
  const base = `[1,${JSON.stringify(names(n))}]`
  let pad = 0
  while (build([base.replace('"]]', `${'x'.repeat(pad + 1)}"]]`)]).length <= chars) pad++
  return build([base.replace('"]]', `${'x'.repeat(pad)}"]]`)])
}

/** A user token narrowed to many projects: over 1,000 characters, where capped patterns stop. */
const manyProjects = (index: IndexName) =>
  issued(index, 'many-projects', [...ISSUED.user, ...narrowed(Array.from({ length: 40 }, (_, i) => `sampleproject-plugin-${i + 1}`))])

interface Case {
  id: string
  description: string
  spec: string[]
  flags?: Flag[]
  text: string
}

function detected(c: Case & { token: string; index: IndexName }): DetectVector {
  return { id: `detection::${c.id}`, description: c.description, spec: c.spec as [string, ...string[]], flags: c.flags ?? [], op: 'detect', input: { text: c.text }, expected: { result: 'detected', token: c.token, index: c.index } }
}

function notDetected(c: Case): DetectVector {
  return { id: `detection::${c.id}`, description: c.description, spec: c.spec as [string, ...string[]], flags: ['DetectionNearMiss', ...(c.flags ?? [])], op: 'detect', input: { text: c.text }, expected: { result: 'not_detected' } }
}

/** A token alone on its line. */
const alone = (id: string, description: string, spec: string[], index: IndexName, t: string, flags: Flag[] = []) =>
  detected({ id, description: `${description} (${t.length} characters)`, spec, flags: index === 'test' ? ['TestIndexToken', ...flags] : flags, text: t, token: t, index })

export function build() {
  const production = {
    user: issued('production', 'user', ISSUED.user),
    project: issued('production', 'project', ISSUED.project),
  }
  const limit = heavilyNarrowed('production', 8192)
  const testLimit = heavilyNarrowed('test', 8192)
  const body = production.user.slice('pypi-'.length)
  const elsewhere = token({ key: keyOf('elsewhere'), identifier: uuidOf('elsewhere'), location: LOCATION, caveats: ISSUED.user })
  return vectorFile(
    {
      topic: 'detection',
      title: 'Detection',
      description: 'Strings a secret scanner reads: tokens the production and the test index issue, whole and with their index, and near misses that are not such tokens.',
      generator: 'scripts/vectors/detection.ts',
      sources: ['spec/minting.md (the caveats Warehouse writes per token kind)', 'Warehouse #13680 (OIDC claims in Trusted Publishing tokens until 2023)', 'the limits of spec/limits.md'],
    },
    [
      alone('production-user-token', 'An "entire account" token of the production index, as issued: one request-user caveat', ['DETECT-1', 'DETECT-2'], 'production', production.user),
      alone('production-project-token', 'A project-scoped token of the production index, as issued: project name and project id', ['DETECT-1', 'DETECT-2'], 'production', production.project),
      alone('production-no-caveats', 'A production-index token without caveats, the shortest form', ['DETECT-1'], 'production', issued('production', 'none', ISSUED.none)),
      alone('production-legacy-user-token', 'A 2019–2022 "entire account" token of the production index (legacy user caveat)', ['DETECT-1'], 'production', issued('production', 'legacy-user', ISSUED.legacyUser)),
      alone('production-legacy-project-token', 'A 2022 project token of the production index (legacy names and project ids)', ['DETECT-1'], 'production', issued('production', 'legacy-project', ISSUED.legacyProject)),
      alone('production-narrowed-by-holder', 'A production project token its holder narrowed to ten minutes and one project before uploading, as devpi-client does with pypitoken', ['DETECT-1', 'DETECT-3'], 'production', issued('production', 'narrowed', [...ISSUED.project, ...narrowed(['sampleproject'])])),
      alone('production-narrowed-to-many-projects', 'A production user token narrowed to 40 projects: longer than 1,020 characters', ['DETECT-3'], 'production', manyProjects('production'), ['LongToken']),
      alone('production-trusted-publishing', 'A Trusted Publishing token of the production index: publisher, project id, 15-minute window', ['DETECT-1', 'DETECT-3'], 'production', issued('production', 'trusted-publishing', ISSUED.trustedPublishing)),
      alone('production-trusted-publishing-with-claims', 'A Trusted Publishing token of the production index whose publisher caveat carries GitHub OIDC claims, as before Warehouse #13680', ['DETECT-3'], 'production', issued('production', 'trusted-publishing-claims', ISSUED.trustedPublishingClaims), ['LongToken']),
      alone('production-at-the-size-limit', `A production user token narrowed again and again, at most 8,192 characters (LIMIT-1)`, ['DETECT-3'], 'production', limit, ['LongToken']),
      alone('test-user-token', 'An "entire account" token of the test index', ['DETECT-1', 'DETECT-2', 'DETECT-5'], 'test', issued('test', 'user', ISSUED.user)),
      alone('test-project-token', 'A project-scoped token of the test index', ['DETECT-1', 'DETECT-2', 'DETECT-5'], 'test', issued('test', 'project', ISSUED.project)),
      alone('test-trusted-publishing-with-claims', 'A Trusted Publishing token of the test index carrying OIDC claims', ['DETECT-2', 'DETECT-3'], 'test', issued('test', 'trusted-publishing-claims', ISSUED.trustedPublishingClaims), ['LongToken']),
      alone('test-at-the-size-limit', 'A test-index user token narrowed again and again, at most 8,192 characters', ['DETECT-2', 'DETECT-3'], 'test', testLimit, ['LongToken']),
      detected({ id: 'in-environment-assignment', description: 'A production token assigned to TWINE_PASSWORD in a shell script.', spec: ['DETECT-1'], text: `export TWINE_PASSWORD=${production.user}`, token: production.user, index: 'production' }),
      detected({ id: 'in-pypirc', description: 'A production token as the password line of a .pypirc file.', spec: ['DETECT-1'], text: `password = ${production.project}`, token: production.project, index: 'production' }),
      detected({ id: 'in-json-string', description: 'A production token as a JSON string value, closing quote and brace after it.', spec: ['DETECT-1'], text: `{"token": "${production.user}"}`, token: production.user, index: 'production' }),
      detected({ id: 'in-url-userinfo', description: 'A production token as the password of a URL\'s userinfo, `@` after it.', spec: ['DETECT-1'], text: `https://__token__:${production.project}@upload.index.example/legacy/`, token: production.project, index: 'production' }),
      detected({ id: 'before-padding', description: 'A production token followed by `=` padding: the token ends where the alphabet does.', spec: ['DETECT-1'], text: `${production.user}==`, token: production.user, index: 'production' }),
      detected({ id: 'long-token-in-yaml', description: 'A production token narrowed to 40 projects, as a quoted YAML value.', spec: ['DETECT-1', 'DETECT-3'], flags: ['LongToken'], text: `    password: "${manyProjects('production')}"`, token: manyProjects('production'), index: 'production' }),
      notDetected({ id: 'another-index', description: 'A well-formed token whose location is neither index\'s host: another index issued it.', spec: ['DETECT-4'], text: elsewhere }),
      notDetected({ id: 'prefix-upper-case', description: 'A production token body behind `PYPI-`, which no index accepts.', spec: ['DETECT-4'], text: `PYPI-${body}` }),
      notDetected({ id: 'prefix-one-letter-off', description: 'A production token body behind `pypj-`.', spec: ['DETECT-4'], text: `pypj-${body}` }),
      notDetected({ id: 'prefix-underscore', description: 'A production token body behind `pypi_`.', spec: ['DETECT-4'], text: `pypi_${body}` }),
      notDetected({ id: 'prefix-2019-colon', description: 'A production token body behind the 2019 prefix `pypi:`, which verifiers refuse today (TOKEN-2).', spec: ['DETECT-4'], text: `pypi:${body}` }),
      notDetected({ id: 'truncated', description: 'A production token with its last 8 characters cut off: not a macaroon (the signature is short).', spec: ['DETECT-4'], text: production.user.slice(0, -8) }),
      notDetected({ id: 'placeholder', description: 'Documentation placeholder: the production token start, then 100 `X`.', spec: ['DETECT-4'], text: `${production.user.slice(0, 'pypi-AgEI'.length + 11)}${'X'.repeat(100)}` }),
      notDetected({ id: 'location-upper-case', description: 'A well-formed token whose location is the production host in upper case: the location is compared byte for byte (DETECT-6).', spec: ['DETECT-6', 'DETECT-4'], text: token({ key: keyOf('upper'), identifier: uuidOf('upper'), location: indexLocation('production').toUpperCase(), caveats: ISSUED.user }) }),
      notDetected({ id: 'location-trailing-dot', description: 'A well-formed token whose location is the production host followed by `.`.', spec: ['DETECT-6', 'DETECT-4'], text: token({ key: keyOf('dot'), identifier: uuidOf('dot'), location: `${indexLocation('production')}.`, caveats: ISSUED.user }) }),
      notDetected({ id: 'location-with-scheme', description: 'A well-formed token whose location is the production host behind `https://`.', spec: ['DETECT-6', 'DETECT-4'], text: token({ key: keyOf('scheme'), identifier: uuidOf('scheme'), location: `https://${indexLocation('production')}`, caveats: ISSUED.user }) }),
      notDetected({ id: 'prefix-only', description: 'The production start of a token with nothing after it.', spec: ['DETECT-4'], text: `password = ${production.user.slice(0, 'pypi-AgEI'.length + 11)}` }),
    ],
  )
}
