/**
 * @module An independent model of when a built-in restriction holds, written from the spec's rules
 * (spec/caveats/*.md, LAW-0) and not from src/caveats. The laws (./laws.ts, test/properties/) and
 * the deep fuzzer (src/fuzz/deep/) judge the implementation against it; nothing else under src/
 * may import it. A proposal brings the model of its own caveat (PROP-6).
 *
 * `holds` takes a restriction as a caller hands it to mint or restrict, so its names are compared
 * in their PEP 503 form and its ids in lower case, as a restricter writes them (RESTRICT-2,
 * RESTRICT-3); `holdsAsWritten` takes a caveat's values exactly as a token carries them.
 */
import type { Restriction, VerifyContext } from '../generated/types.js'

const pep503 = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase()

/** A restriction as a restricter writes it: names in PEP 503 form, ids in lower case (RESTRICT-2, RESTRICT-3). */
export function asWritten(r: Restriction): Restriction {
  switch (r.type) {
    case 'project_names':
    case 'legacy_project_names':
      return { ...r, names: r.names.map(pep503) }
    case 'project_ids':
    case 'legacy_project_ids':
      return { ...r, ids: r.ids.map((id) => id.toLowerCase()) }
    case 'user':
      return { ...r, user_id: r.user_id.toLowerCase() }
    case 'oidc_publisher':
      return { ...r, publisher_id: r.publisher_id.toLowerCase() }
    default:
      return r
  }
}

/** Whether a caveat holds as written in a token: its names and ids compared exactly with the context's (CTX-3). */
export function holdsAsWritten(r: Restriction, c: VerifyContext): boolean {
  switch (r.type) {
    case 'expiration':
    case 'legacy_expiration':
      return r.not_before <= c.now && c.now < r.expires_at
    case 'project_names':
    case 'legacy_project_names':
      return c.project !== null && r.names.includes(c.project.normalized_name)
    case 'project_ids':
    case 'legacy_project_ids':
      return c.project !== null && r.ids.includes(c.project.id)
    case 'user':
      return c.user_id === r.user_id
    case 'oidc_publisher':
      return c.oidc_publisher !== null && c.oidc_publisher.id === r.publisher_id && c.project !== null && c.oidc_publisher.project_ids.includes(c.project.id)
    case 'legacy_user':
      return c.user_id !== null
  }
}

/** Whether restriction `r`, handed to mint or restrict, holds in context `c` (LAW-0, LAW-1). */
export function holds(r: Restriction, c: VerifyContext): boolean {
  return holdsAsWritten(asWritten(r), c)
}
