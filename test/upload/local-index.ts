/**
 * A local package index for the upload tests (never a product feature): the legacy upload API
 * that twine and `uv publish` speak, on 127.0.0.1 at a free port, with the production index's
 * authentication path (upload-auth.ts) over what it knows (index-store.ts): users, projects and
 * their roles, and tokens stored by identifier, each with its owner and its own key.
 *
 * A multipart POST carries `metadata_version`, `name`, `version` and the file (`content`), with
 * the token in `Authorization` (Basic `__token__`, or the `token` / `bearer` schemes). In the
 * production index's order: the identity (403), the name and version (400, upload-metadata.ts),
 * the file's presence (400), the project (a new name becomes a project the token's user owns),
 * the token verified with its row's key and stored caveats, the user as the request user (403),
 * the user's role on the project (403), then the file (400) and 200 when it is stored.
 *
 * A 403 carries its message as the HTTP reason phrase (what twine prints) and in the body (what
 * uv prints), e.g. `Invalid API Token: <REASON>: <message>`. Accepted files are written under a
 * temporary name and renamed, so the upload folder only ever holds complete files; a new project
 * is kept only when its first file is stored. test/upload/README.md lists what differs from the
 * production index.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readdirSync } from 'node:fs'
import { rename, writeFile, access } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { VerifyResult } from '../../src/index.js'
import { distName } from './dists.js'
import type { IndexStore } from './index-store.js'
import { boundaryOf, FormError, parseMultipart, type Part } from './multipart.js'
import { authorize, identify, projectFor } from './upload-auth.js'
import { metadataProblem } from './upload-metadata.js'

/** Bodies beyond this are refused with 413 (the fixtures are a few hundred bytes). */
const MAX_BODY = 16 * 1024 * 1024
/** Header room well past any token length tried, so that only the clients' own limits show. */
const MAX_HEADER = 1024 * 1024

/** Where a request was decided: its answer came from this step. */
export type Stage = 'request' | 'identity' | 'metadata' | 'token' | 'role' | 'file' | 'stored'

/** One request as the index saw and answered it. */
export interface UploadRecord {
  readonly status: number
  readonly reasonPhrase: string
  readonly body: string
  readonly stage: Stage
  /** The Basic credentials as decoded (UTF-8), before any check; the password's raw bytes too. */
  readonly user: string | null
  readonly password: string | null
  readonly passwordBytes: Buffer | null
  readonly name: string | null
  readonly version: string | null
  readonly filename: string | null
  /** The identifier of the token row the request authenticated as, if any. */
  readonly macaroonId: string | null
  /** The parse failure (identity) or the verification (token, role, file, stored), if reached. */
  readonly verdict: VerifyResult | null
}

export interface IndexOptions {
  /** Users, projects and tokens; the test adds to it while the index runs. */
  readonly store: IndexStore
  /** Where accepted files are stored (the test's temporary folder). */
  readonly dir: string
  /** Unix seconds; default the system clock. */
  now?: () => number
  /** Where a 403 carries its message (default both), to see which one a client shows. */
  refusalIn?: { phrase: boolean; body: boolean }
}

export interface LocalIndex {
  /** The upload endpoint, e.g. http://127.0.0.1:41234/legacy/ */
  readonly url: string
  readonly options: IndexOptions
  readonly uploads: UploadRecord[]
  /** File names in the upload folder, sorted (temporary names included, so leftovers show). */
  stored(): string[]
  close(): Promise<void>
}

type Answer = Omit<UploadRecord, 'body'> & { body?: string }

/** Printable ASCII only (a reason phrase may hold no control characters), at most 400 of them. */
function phrase(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?')
  return clean.length > 400 ? `${clean.slice(0, 397)}...` : clean
}

/** What the client sent as Basic credentials, recorded byte for byte (no check here). */
function basicCredentials(req: IncomingMessage): { user: string; password: string; passwordBytes: Buffer } | null {
  const header = req.headers.authorization
  const m = header === undefined ? null : /^basic\s+(\S+)\s*$/i.exec(header)
  if (m === null) return null
  const decoded = Buffer.from(m[1] as string, 'base64')
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  const passwordBytes = decoded.subarray(colon + 1)
  return { user: decoded.subarray(0, colon).toString('utf8'), password: passwordBytes.toString('utf8'), passwordBytes }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function field(parts: readonly Part[], name: string): string | null {
  const part = parts.find((p) => p.name === name && p.filename === null)
  return part === undefined ? null : part.data.toString('utf8')
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

export async function startLocalIndex(options: IndexOptions): Promise<LocalIndex> {
  const uploads: UploadRecord[] = []
  const { store } = options

  /** A 403 with its message where options.refusalIn says. */
  function refused(seen: Omit<Answer, 'status' | 'reasonPhrase' | 'stage'>, stage: Stage, message: string): Answer {
    const where = options.refusalIn ?? { phrase: true, body: true }
    return { ...seen, stage, status: 403, reasonPhrase: where.phrase ? phrase(message) : 'Forbidden', body: where.body ? `${message}\n` : '' }
  }

  async function handle(req: IncomingMessage): Promise<Answer> {
    const creds = basicCredentials(req)
    const seen = { user: creds?.user ?? null, password: creds?.password ?? null, passwordBytes: creds?.passwordBytes ?? null, name: null, version: null, filename: null, macaroonId: null, verdict: null }
    if (req.method !== 'POST') return { ...seen, stage: 'request', status: 405, reasonPhrase: 'Method Not Allowed' }
    const body = await readBody(req)
    if (body === null) return { ...seen, stage: 'request', status: 413, reasonPhrase: 'Upload too large' }
    const boundary = boundaryOf(req.headers['content-type'])
    if (boundary === null) return { ...seen, stage: 'request', status: 400, reasonPhrase: 'Expected a multipart/form-data upload' }
    let parts: Part[]
    try {
      parts = parseMultipart(body, boundary)
    } catch (err) {
      return { ...seen, stage: 'request', status: 400, reasonPhrase: phrase(`Malformed upload: ${(err as FormError).message}`) }
    }
    const name = field(parts, 'name')
    const version = field(parts, 'version')
    const content = parts.find((p) => p.name === 'content' && p.filename !== null)
    const form = { ...seen, name, version, filename: content?.filename ?? null }

    const identity = identify(store, req.headers.authorization)
    if (!identity.ok) return refused({ ...form, verdict: identity.verdict }, identity.stage, identity.message)
    const who = { ...form, macaroonId: identity.row.id }
    const problem = metadataProblem({ metadata_version: field(parts, 'metadata_version'), name, version })
    if (problem !== null) return { ...who, stage: 'metadata', status: 400, reasonPhrase: phrase(problem), body: `${problem}\n` }
    if (content === undefined) return { ...who, stage: 'metadata', status: 400, reasonPhrase: 'Upload payload does not have a file.' }

    const now = (options.now ?? (() => Math.floor(Date.now() / 1000)))()
    const { project, created } = projectFor(store, identity, name as string)
    const allowed = authorize(store, identity, project, now)
    if (!allowed.ok) return refused({ ...who, verdict: allowed.verdict }, allowed.stage, allowed.message)
    const checked = { ...who, verdict: allowed.verdict }

    const filename = content.filename as string
    const bad = (reason: string): Answer => ({ ...checked, stage: 'file', status: 400, reasonPhrase: phrase(reason) })
    if (!/^[A-Za-z0-9][A-Za-z0-9._+!-]*$/.test(filename)) return bad(`Invalid file name ${JSON.stringify(filename)}`)
    if (!filename.startsWith(`${distName(name as string)}-`)) return bad(`File ${filename} does not belong to project ${name}`)
    const digest = field(parts, 'sha256_digest')
    if (digest !== null && digest.toLowerCase() !== createHash('sha256').update(content.data).digest('hex')) return bad('sha256_digest does not match the content')
    const target = join(options.dir, filename)
    if (await exists(target)) return bad(`File already exists: ${filename}`)
    const temporary = join(options.dir, `.partial-${randomBytes(8).toString('hex')}`)
    await writeFile(temporary, content.data, { flag: 'wx' })
    await rename(temporary, target)
    if (created && store.project(project.name) === undefined) store.addProject(project)
    return { ...checked, stage: 'stored', status: 200, reasonPhrase: 'OK' }
  }

  function respond(res: ServerResponse, record: Answer): void {
    const body = record.body ?? `${record.status} ${record.reasonPhrase}\n`
    uploads.push({ ...record, body })
    res.writeHead(record.status, record.reasonPhrase, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  }

  const server: Server = createServer({ maxHeaderSize: MAX_HEADER }, (req, res) => {
    handle(req).then(
      (record) => respond(res, record),
      (err: unknown) => respond(res, { stage: 'request', status: 500, reasonPhrase: phrase(`Index error: ${String(err)}`), user: null, password: null, passwordBytes: null, name: null, version: null, filename: null, macaroonId: null, verdict: null }),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/legacy/`,
    options,
    uploads,
    stored: () => readdirSync(options.dir).sort(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
