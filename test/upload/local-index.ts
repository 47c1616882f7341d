/**
 * A local package index for the upload tests (never a product feature): the legacy upload API
 * that twine and `uv publish` speak, on 127.0.0.1 at a free port. A multipart POST carries
 * `name`, `version` and the file (`content`), with HTTP Basic auth: user `__token__`, the token
 * as password. The token is checked with the reference `verify` against a context built from
 * the request (CTX-1): the project named by `name` (PEP 503) with a fixed id per name, `now`
 * from an injectable clock, and no user or publisher unless the test sets them.
 *
 * Answers: 200 when the file is stored; 403 when the token is refused, with
 * `Invalid API Token: <REASON>: <message>` as the HTTP reason phrase (what twine prints) and in
 * the body (what uv prints); 400 for a malformed upload. Accepted files are written under a
 * temporary name and renamed, so the upload folder only ever holds complete files.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readdirSync } from 'node:fs'
import { rename, writeFile, access } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { normalizeProjectName, verify, type VerifyContext, type VerifyResult } from '../../src/index.js'
import { distName } from './dists.js'
import { boundaryOf, FormError, parseMultipart, type Part } from './multipart.js'

export const TOKEN_USER = '__token__'
/** Bodies beyond this are refused with 413 (the fixtures are a few hundred bytes). */
const MAX_BODY = 16 * 1024 * 1024
/** Header room well past any token length tried, so that only the clients' own limits show. */
const MAX_HEADER = 1024 * 1024

/** The index's fixed project id for a name: a lowercase UUID derived from its PEP 503 form. */
export function projectIdFor(name: string): string {
  const h = createHash('sha256').update(`project:${normalizeProjectName(name)}`).digest()
  h[6] = ((h[6] as number) & 0x0f) | 0x40
  h[8] = ((h[8] as number) & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** One request as the index saw and answered it. */
export interface UploadRecord {
  readonly status: number
  readonly reasonPhrase: string
  readonly body: string
  /** The Basic credentials as decoded (UTF-8), before any check; the password's raw bytes too. */
  readonly user: string | null
  readonly password: string | null
  readonly passwordBytes: Buffer | null
  readonly name: string | null
  readonly version: string | null
  readonly filename: string | null
  readonly verdict: VerifyResult | null
}

export interface IndexOptions {
  readonly key: Uint8Array
  /** Where accepted files are stored (the test's temporary folder). */
  readonly dir: string
  /** Unix seconds; default the system clock. */
  now?: () => number
  user_id?: string | null
  oidc_publisher?: VerifyContext['oidc_publisher']
  /** Where a 403 carries the verifier's reason (default both), to see which one a client shows. */
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

/** Printable ASCII only (a reason phrase may hold no control characters), at most 400 of them. */
function phrase(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?')
  return clean.length > 400 ? `${clean.slice(0, 397)}...` : clean
}

function credentials(req: IncomingMessage): { user: string; password: string; passwordBytes: Buffer } | null {
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

  async function handle(req: IncomingMessage): Promise<Omit<UploadRecord, 'body'> & { body?: string }> {
    const creds = credentials(req)
    const seen = { user: creds?.user ?? null, password: creds?.password ?? null, passwordBytes: creds?.passwordBytes ?? null, name: null, version: null, filename: null, verdict: null }
    if (req.method !== 'POST') return { ...seen, status: 405, reasonPhrase: 'Method Not Allowed' }
    const body = await readBody(req)
    if (body === null) return { ...seen, status: 413, reasonPhrase: 'Upload too large' }
    const boundary = boundaryOf(req.headers['content-type'])
    if (boundary === null) return { ...seen, status: 400, reasonPhrase: 'Expected a multipart/form-data upload' }
    let parts: Part[]
    try {
      parts = parseMultipart(body, boundary)
    } catch (err) {
      return { ...seen, status: 400, reasonPhrase: phrase(`Malformed upload: ${(err as FormError).message}`) }
    }
    const name = field(parts, 'name')
    const version = field(parts, 'version')
    const content = parts.find((p) => p.name === 'content' && p.filename !== null)
    const form = { ...seen, name, version, filename: content?.filename ?? null }
    if (creds === null) return { ...form, status: 403, reasonPhrase: 'Invalid or non-existent authentication information' }
    if (creds.user !== TOKEN_USER) return { ...form, status: 403, reasonPhrase: `Invalid user name: use ${TOKEN_USER} with an API token` }
    if (name === null || version === null || content === undefined) return { ...form, status: 400, reasonPhrase: 'An upload needs name, version and content' }

    const now = (options.now ?? (() => Math.floor(Date.now() / 1000)))()
    const project = { name, normalized_name: normalizeProjectName(name), id: projectIdFor(name) }
    const verdict = verify(creds.password, options.key, { now, project, user_id: options.user_id ?? null, oidc_publisher: options.oidc_publisher ?? null })
    if (!verdict.valid) {
      const text = `Invalid API Token: ${verdict.reason}: ${verdict.message}`
      const where = options.refusalIn ?? { phrase: true, body: true }
      return { ...form, verdict, status: 403, reasonPhrase: where.phrase ? phrase(text) : 'Forbidden', body: where.body ? `${text}\n` : '' }
    }

    const filename = content.filename as string
    if (!/^[A-Za-z0-9][A-Za-z0-9._+!-]*$/.test(filename)) return { ...form, verdict, status: 400, reasonPhrase: phrase(`Invalid file name ${JSON.stringify(filename)}`) }
    if (!filename.startsWith(`${distName(name)}-`)) return { ...form, verdict, status: 400, reasonPhrase: phrase(`File ${filename} does not belong to project ${name}`) }
    const digest = field(parts, 'sha256_digest')
    if (digest !== null && digest.toLowerCase() !== createHash('sha256').update(content.data).digest('hex')) return { ...form, verdict, status: 400, reasonPhrase: 'sha256_digest does not match the content' }
    const target = join(options.dir, filename)
    if (await exists(target)) return { ...form, verdict, status: 400, reasonPhrase: phrase(`File already exists: ${filename}`) }
    const temporary = join(options.dir, `.partial-${randomBytes(8).toString('hex')}`)
    await writeFile(temporary, content.data, { flag: 'wx' })
    await rename(temporary, target)
    return { ...form, verdict, status: 200, reasonPhrase: 'OK' }
  }

  function respond(res: ServerResponse, record: Omit<UploadRecord, 'body'> & { body?: string }): void {
    const body = record.body ?? `${record.status} ${record.reasonPhrase}\n`
    uploads.push({ ...record, body })
    res.writeHead(record.status, record.reasonPhrase, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  }

  const server: Server = createServer({ maxHeaderSize: MAX_HEADER }, (req, res) => {
    handle(req).then(
      (record) => respond(res, record),
      (err: unknown) => respond(res, { status: 500, reasonPhrase: phrase(`Index error: ${String(err)}`), user: null, password: null, passwordBytes: null, name: null, version: null, filename: null, verdict: null }),
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
