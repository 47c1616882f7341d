/**
 * What the test index knows, modelled on the production index's tables: users, projects with
 * the users who hold a role on them, and API tokens (macaroons) stored by identifier, each with
 * its owner, its own 32-byte random key and the caveats it was issued with. Deleting a row
 * revokes its token: nothing else remembers the key.
 *
 * Tokens are minted as the production index mints them (reference/warehouse.md §1.3): the
 * identifier is the row's lowercase UUID, a user-scoped ("entire account") token embeds
 * `[3, <user id>]` and stores it too, a project-scoped token embeds and stores
 * `[1, [<normalized name>]]` then `[2, [<project id>]]`. A row may also store no caveats, like
 * the rows issued before the production index stored them: its token is limited only by its
 * owner's roles.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { encodeRestriction, mint, normalizeProjectName, type Restriction } from '../../src/index.js'

export type Role = 'Owner' | 'Maintainer'

export interface User {
  readonly id: string
  readonly username: string
  /** A disabled user's tokens authenticate nobody (production: `identity()` returns None). */
  disabled: boolean
}

export interface Project {
  /** The display name, as first uploaded. */
  readonly name: string
  readonly normalized_name: string
  readonly id: string
  /** User id → role; both roles may upload (production: `Project.__acl__`). */
  readonly roles: Map<string, Role>
}

export interface MacaroonRow {
  readonly id: string
  readonly key: Uint8Array
  readonly user: User
  readonly description: string
  /** The caveats issued with the token, appended to every token presented before verifying. */
  readonly caveats: readonly Restriction[]
}

export type Scope = { readonly kind: 'user' } | { readonly kind: 'project'; readonly project: Project } | { readonly kind: 'unscoped' }

/** A project's id: a lowercase UUID derived from its PEP 503 name, so that tests can know it in advance. */
export function projectIdFor(name: string): string {
  const h = createHash('sha256').update(`project:${normalizeProjectName(name)}`).digest()
  h[6] = ((h[6] as number) & 0x0f) | 0x40
  h[8] = ((h[8] as number) & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The caveats the production index issues for a scope, in its order. */
function scopeCaveats(user: User, scope: Scope): Restriction[] {
  if (scope.kind === 'user') return [{ type: 'user', user_id: user.id }]
  if (scope.kind === 'project') return [{ type: 'project_names', names: [scope.project.normalized_name] }, { type: 'project_ids', ids: [scope.project.id] }]
  return []
}

export class IndexStore {
  readonly location: string
  private readonly users = new Map<string, User>()
  private readonly projects = new Map<string, Project>()
  private readonly macaroons = new Map<string, MacaroonRow>()

  constructor(location = 'index.example') {
    this.location = location
  }

  addUser(username: string): User {
    const user: User = { id: randomUUID(), username, disabled: false }
    this.users.set(user.id, user)
    return user
  }

  /** The project whose PEP 503 name equals that of `name`, if any. */
  project(name: string): Project | undefined {
    return this.projects.get(normalizeProjectName(name))
  }

  /** A project as the upload of a new name makes it, not yet stored: `owner` is its Owner. */
  newProject(name: string, owner: User): Project {
    return { name, normalized_name: normalizeProjectName(name), id: projectIdFor(name), roles: new Map([[owner.id, 'Owner']]) }
  }

  /** Stores `project`; refuses a name already taken (PEP 503). */
  addProject(project: Project): Project {
    if (this.projects.has(project.normalized_name)) throw new Error(`project ${project.normalized_name} exists`)
    this.projects.set(project.normalized_name, project)
    return project
  }

  /** A new project named `name` that `owner` owns. */
  createProject(name: string, owner: User): Project {
    return this.addProject(this.newProject(name, owner))
  }

  grant(project: Project, user: User, role: Role): void {
    project.roles.set(user.id, role)
  }

  /** May `user` upload to `project`? (production: the ACL, checked after the token verifies) */
  mayUpload(user: User, project: Project): boolean {
    return project.roles.has(user.id)
  }

  /**
   * Stores a new token row for `user` and returns its token, minted as the production index does.
   * `embed: false` leaves the caveats out of the token (stored only), as the production index's
   * open #20371 would: the stored copy still restricts it.
   */
  issue(user: User, scope: Scope, options: { description?: string; embed?: boolean } = {}): { token: string; row: MacaroonRow } {
    const caveats = scopeCaveats(user, scope)
    const description = options.description ?? `token ${this.macaroons.size + 1}`
    const row: MacaroonRow = { id: randomUUID(), key: new Uint8Array(randomBytes(32)), user, description, caveats }
    const minted = mint({ key: row.key, identifier: row.id, location: this.location, caveats: options.embed === false ? [] : caveats })
    if (!minted.ok) throw new Error(minted.message)
    this.macaroons.set(row.id, row)
    return { token: minted.token, row }
  }

  /** The row a token's identifier names. Only the form the index mints (a lowercase UUID) is found. */
  find(identifier: string): MacaroonRow | undefined {
    return this.macaroons.get(identifier)
  }

  /** Revokes a token: deletes its row. True when there was one. */
  delete(identifier: string): boolean {
    return this.macaroons.delete(identifier)
  }

  /** The texts of a row's stored caveats, as they are appended to a presented token. */
  storedCaveats(row: MacaroonRow): string[] {
    return row.caveats.map((r) => encodeRestriction(r))
  }
}
