/**
 * The test index's authentication path, in the production index's order
 * (reference/warehouse.md §4; warehouse/macaroons/security_policy.py and services.py at 6b62157):
 *
 * 1. identity: read the token from the `Authorization` header (authorization.ts), parse it, and
 *    look its row up by the identifier. No token, a token that does not parse, an identifier with
 *    no row (never issued, or deleted) and a disabled owner all leave the request without an
 *    identity: 403 before the form is read further. Nothing is verified yet.
 * 2. the project: the one the upload names (PEP 503), or, if there is none, a new one owned by
 *    the token's user (the caller stores it only if the whole upload succeeds, as the production
 *    index rolls its transaction back on any refusal);
 * 3. the token: the row's stored caveats are appended to the presented token and the result is
 *    verified with the row's key, in a context whose user is the row's owner (CTX-1, USER-3):
 *    a refusal is 403 `Invalid API Token: <REASON>: <message>`;
 * 4. the role: only then may the owner upload to the project at all (Owner or Maintainer).
 */
import { checkContext, completeContext, parseToken, type VerifyResult } from '../../src/index.js'
import { verifyMacaroon } from '../../src/verify.js'
import { decodeUtf8 } from '../../src/bytes.js'
import type { Macaroon } from '../../src/macaroon/types.js'
import { withCaveats } from './append-caveats.js'
import { readAuthorization } from './authorization.js'
import type { IndexStore, MacaroonRow, Project } from './index-store.js'

export type Refusal = { readonly ok: false; readonly status: 403; readonly stage: 'identity' | 'token' | 'role'; readonly message: string; readonly verdict: VerifyResult | null }

export interface Identity {
  readonly ok: true
  readonly row: MacaroonRow
  readonly macaroon: Macaroon
  readonly scheme: 'basic' | 'token' | 'bearer'
}

const NO_IDENTITY = 'Invalid or non-existent authentication information'

function noIdentity(why: string, verdict: VerifyResult | null = null): Refusal {
  return { ok: false, status: 403, stage: 'identity', message: `${NO_IDENTITY}: ${why}`, verdict }
}

/** Step 1: who the request is, from the token's identifier alone. */
export function identify(store: IndexStore, header: string | undefined): Identity | Refusal {
  const auth = readAuthorization(header)
  if (auth.kind === 'none') return noIdentity(auth.why)
  if (auth.kind === 'password') return { ok: false, status: 403, stage: 'identity', message: 'Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead.', verdict: null }
  const parsed = parseToken(auth.token)
  if (!parsed.ok) return noIdentity(`${parsed.reason}: ${parsed.message}`, { valid: false, reason: parsed.reason, message: parsed.message, failures: [{ index: null, caveat: null, reason: parsed.reason, message: parsed.message }] })
  const macaroon = parsed.token.macaroon
  const identifier = decodeUtf8(macaroon.identifier)
  const row = identifier === null ? undefined : store.find(identifier)
  if (row === undefined) return noIdentity(`Macaroon not found: no token has the identifier ${JSON.stringify(identifier ?? '(not UTF-8)')} (deleted, or never issued)`)
  if (row.user.disabled) return noIdentity(`the user '${row.user.username}' is disabled`)
  return { ok: true, row, macaroon, scheme: auth.scheme }
}

/** Step 2: the project the upload names, or a new one the token's user would own. */
export function projectFor(store: IndexStore, identity: Identity, name: string): { project: Project; created: boolean } {
  const existing = store.project(name)
  return existing === undefined ? { project: store.newProject(name, identity.row.user), created: true } : { project: existing, created: false }
}

/** Steps 3 and 4: the token, with its stored caveats, in this request's context; then the role. */
export function authorize(store: IndexStore, identity: Identity, project: Project, now: number): { ok: true; verdict: VerifyResult } | Refusal {
  const { row } = identity
  const ctx = completeContext({ now, project: { name: project.name, normalized_name: project.normalized_name, id: project.id }, user_id: row.user.id, oidc_publisher: null })
  const checked = checkContext(ctx)
  if (!checked.ok) throw new Error(`the index built an invalid context: ${checked.message}`)
  const verdict = verifyMacaroon(withCaveats(identity.macaroon, store.storedCaveats(row)), row.key, ctx)
  if (!verdict.valid) return { ok: false, status: 403, stage: 'token', message: `Invalid API Token: ${verdict.reason}: ${verdict.message}`, verdict }
  if (!store.mayUpload(row.user, project)) return { ok: false, status: 403, stage: 'role', message: `The user '${row.user.username}' isn't allowed to upload to project '${project.name}'.`, verdict }
  return { ok: true, verdict }
}
