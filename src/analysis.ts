/**
 * @module What a token's caveats allow taken together, without the key and without a request:
 * whether any request at any time can satisfy them all, the time window they leave, and, given
 * `now`, whether that window is over. `inspect()` reports it, and the CLI's `restrict` refuses a
 * restriction after which a token could never be used (spec/restricting.md, "Caveats that can
 * never all hold").
 *
 * It derives everything from the verification rules and adds none: a malformed, unknown or
 * third-party caveat fails whatever the request (VERIFY-1, CAV-5); every caveat must hold
 * (CAV-11); time windows intersect (EXP-3, LEXP-2); project lists intersect, and only a name in
 * PEP 503 normal form or a lowercase UUID can ever equal what a context carries (PNAME-2, PNAME-3,
 * LPNAME-2, PID-2, PID-3, LPID-2, CTX-1); a request has one user id and one publisher id
 * (USER-3, OIDC-4), never an empty one, and a time in [0, 2^53 − 1] (CTX-1). Project names and
 * ids are never compared with each other, and one context may carry both a user and a publisher
 * (CTX-2), so no other combination is impossible.
 */
import type { Restriction } from './generated/types.js'
import { isoTime, relative } from './time.js'

/** Caveats that cannot all hold in any request. */
export interface Conflict {
  /** The caveats involved, by index in the token. */
  readonly caveats: readonly number[]
  /** Why, in one sentence, e.g. `caveats 0 and 2 allow no project in common ("my-pkg"; "other")`. */
  readonly message: string
}

export interface CaveatAnalysis {
  /** No request at any time satisfies every caveat: no verifier accepts the token, whatever its key. */
  readonly never_valid: boolean
  /** Why the token is never valid; empty exactly when `never_valid` is false. */
  readonly conflicts: readonly Conflict[]
  /** The latest `not_before` of the time caveats (inclusive), or null when no caveat limits time. */
  readonly not_before: number | null
  /** The earliest `expires_at` of the time caveats (exclusive), or null when the token never expires. */
  readonly expires_at: number | null
  /** `now >= expires_at`; null when no `now` was given. */
  readonly expired: boolean | null
  /** `now < not_before`; null when no `now` was given. */
  readonly not_yet_valid: boolean | null
  /**
   * Some request could be accepted at `now`: not `never_valid`, and `now` lies in every window.
   * (Whether a given request is, needs the key and the request: `verify`.) Null without `now`.
   */
  readonly valid_now: boolean | null
}

/** The largest `now` a context can carry (CTX-1). */
const MAX_NOW = Number.MAX_SAFE_INTEGER
/** A PEP 503 normal form of a valid (PEP 508) name: the only names `project.normalized_name` can be (CTX-1). */
const NORMAL_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** A lowercase hyphenated UUID: the only ids `project.id` can be (CTX-1). */
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const quote = (items: Iterable<string>) => [...items].map((s) => JSON.stringify(s)).join(', ')
const caveatList = (indices: readonly number[]) =>
  indices.length === 1 ? `caveat ${indices[0]}` : `caveats ${indices.slice(0, -1).join(', ')} and ${indices[indices.length - 1]}`

/**
 * Running intersection of the project lists of one kind (names or ids). Only the first conflict
 * of each kind is reported: after it the set is empty and every later list would repeat it.
 */
class Allowed {
  private set: Set<string> | null = null
  private readonly from: number[] = []
  private done = false
  constructor(
    private readonly what: 'project' | 'project id',
    private readonly possible: RegExp,
    private readonly impossibleNote: string,
  ) {}

  add(index: number, values: readonly string[], conflicts: Conflict[]): void {
    if (this.done) return
    const usable = values.filter((v) => this.possible.test(v))
    if (usable.length === 0) {
      this.done = true
      conflicts.push({
        caveats: [index],
        message:
          values.length === 0
            ? `caveat ${index} allows no ${this.what} at all (an empty list)`
            : `caveat ${index} lists only ${quote(values)}, which ${values.length === 1 ? 'is' : 'are'} ${this.impossibleNote} and never match${values.length === 1 ? 'es' : ''}`,
      })
      return
    }
    const next = this.set === null ? new Set(usable) : new Set(usable.filter((v) => (this.set as Set<string>).has(v)))
    if (next.size === 0) {
      this.done = true
      conflicts.push({
        caveats: [...this.from, index],
        message: `${caveatList([...this.from, index])} allow no ${this.what} in common (${quote(this.set as Set<string>)}; ${quote(usable)})`,
      })
      return
    }
    this.set = next
    this.from.push(index)
  }
}

/** One id that every caveat of a kind must equal (request-user, oidc-publisher). */
class SameId {
  private value: string | null = null
  private at = -1
  private done = false
  constructor(private readonly what: 'user' | 'publisher') {}

  add(index: number, id: string, conflicts: Conflict[]): void {
    if (this.done) return
    if (id === '') {
      this.done = true
      conflicts.push({ caveats: [index], message: `caveat ${index} names an empty ${this.what} id, which no request has` })
    } else if (this.value === null) {
      this.value = id
      this.at = index
    } else if (this.value !== id) {
      this.done = true
      conflicts.push({ caveats: [this.at, index], message: `caveats ${this.at} and ${index} name different ${this.what}s (${quote([this.value, id])}); a request has one` })
    }
  }
}

/**
 * Analyses a token's caveats in order: each one's restriction, or null for a caveat that every
 * verifier rejects (malformed, unknown or third-party). Never throws.
 */
export function analyzeCaveats(caveats: readonly (Restriction | null)[], now?: number): CaveatAnalysis {
  const conflicts: Conflict[] = []
  let notBefore: number | null = null
  let notBeforeAt = -1
  let expiresAt: number | null = null
  let expiresAtAt = -1
  const names = new Allowed('project', NORMAL_NAME, 'not project names in PEP 503 normal form')
  const ids = new Allowed('project id', LOWER_UUID, 'not lowercase UUIDs')
  const users = new SameId('user')
  const publishers = new SameId('publisher')

  caveats.forEach((r, i) => {
    if (r === null) {
      conflicts.push({ caveats: [i], message: `caveat ${i} is malformed, unknown or third-party: every verifier rejects it` })
      return
    }
    switch (r.type) {
      case 'expiration':
      case 'legacy_expiration':
        if (notBefore === null || r.not_before > notBefore) [notBefore, notBeforeAt] = [r.not_before, i]
        if (expiresAt === null || r.expires_at < expiresAt) [expiresAt, expiresAtAt] = [r.expires_at, i]
        break
      case 'project_names':
      case 'legacy_project_names':
        names.add(i, r.names, conflicts)
        break
      case 'project_ids':
      case 'legacy_project_ids':
        ids.add(i, r.ids, conflicts)
        break
      case 'user':
        users.add(i, r.user_id, conflicts)
        break
      case 'oidc_publisher':
        publishers.add(i, r.publisher_id, conflicts)
        break
      case 'legacy_user':
        break
    }
  })

  if (notBefore !== null && expiresAt !== null && notBefore >= expiresAt) {
    conflicts.push(
      notBeforeAt === expiresAtAt
        ? { caveats: [expiresAtAt], message: `caveat ${expiresAtAt}'s window ends (${isoTime(expiresAt)}) before it starts (${isoTime(notBefore)})` }
        : {
            caveats: [Math.min(notBeforeAt, expiresAtAt), Math.max(notBeforeAt, expiresAtAt)],
            message: `the windows of caveats ${Math.min(notBeforeAt, expiresAtAt)} and ${Math.max(notBeforeAt, expiresAtAt)} do not overlap: caveat ${expiresAtAt} ends at ${isoTime(expiresAt)}, caveat ${notBeforeAt} starts at ${isoTime(notBefore)}`,
          },
    )
  } else if (expiresAt !== null && expiresAt <= 0) {
    conflicts.push({ caveats: [expiresAtAt], message: `caveat ${expiresAtAt} ends at ${isoTime(expiresAt)}, before any time a request can have` })
  } else if (notBefore !== null && notBefore > MAX_NOW) {
    conflicts.push({ caveats: [notBeforeAt], message: `caveat ${notBeforeAt} starts at ${isoTime(notBefore)}, after any time a request can have` })
  }
  conflicts.sort((a, b) => (a.caveats[a.caveats.length - 1] as number) - (b.caveats[b.caveats.length - 1] as number))

  const neverValid = conflicts.length > 0
  const expired = now === undefined ? null : expiresAt !== null && now >= expiresAt
  const notYetValid = now === undefined ? null : notBefore !== null && now < notBefore
  return {
    never_valid: neverValid,
    conflicts,
    not_before: notBefore,
    expires_at: expiresAt,
    expired,
    not_yet_valid: notYetValid,
    valid_now: now === undefined ? null : !neverValid && !expired && !notYetValid,
  }
}

/** Why a tool that narrows tokens for a person should not write these restrictions (see narrowingProblems). */
export interface NarrowingProblem {
  /**
   * `unusable`: the token can already never be valid; `expired`: it already expired, or would
   * be expired at once; `never-valid`: with the new caveats no request could ever satisfy it;
   * `adds-nothing`: a new time window ends no earlier than the token already does.
   */
  readonly kind: 'unusable' | 'expired' | 'never-valid' | 'adds-nothing'
  readonly message: string
}

/**
 * What is wrong with appending `added` (normalised restrictions, as normalizeRestriction returns
 * them) to a token whose caveats are `existing`, at `now`. Empty when nothing is. The library's
 * `restrict()` writes what it is given (RESTRICT-1); a tool acting for a person refuses these
 * unless told to go ahead, as the CLI's `restrict` does without `--force`.
 */
export function narrowingProblems(existing: readonly (Restriction | null)[], added: readonly Restriction[], now: number): NarrowingProblem[] {
  const before = analyzeCaveats(existing, now)
  if (before.never_valid) return [{ kind: 'unusable', message: `the token can already never be used: ${(before.conflicts[0] as Conflict).message}` }]
  if (before.expired) return [{ kind: 'expired', message: `the token already expired at ${isoTime(before.expires_at as number)} (${relative(before.expires_at as number, now)})` }]
  const after = analyzeCaveats([...existing, ...added], now)
  const problems: NarrowingProblem[] = after.conflicts.map((c) => ({ kind: 'never-valid', message: `the token could never be used: ${c.message}` }))
  if (after.expired) {
    problems.push({ kind: 'expired', message: `the token would already be expired: caveat ${existing.length + added.findIndex((r) => 'expires_at' in r && r.expires_at === after.expires_at)} ends at ${isoTime(after.expires_at as number)}, which is not in the future` })
  }
  added.forEach((r, k) => {
    if (!('expires_at' in r) || before.expires_at === null) return
    const startsLater = r.not_before > Math.max(before.not_before as number, now)
    if (r.expires_at >= before.expires_at && !startsLater && r.expires_at > now) {
      problems.push({
        kind: 'adds-nothing',
        message: `caveat ${existing.length + k} (until ${isoTime(r.expires_at)}) adds nothing: the token already expires at ${isoTime(before.expires_at)} (${relative(before.expires_at, now)})`,
      })
    }
  })
  return problems
}
