/**
 * @module An independent model of when a restriction holds, written from the spec's rules
 * (spec/caveats/*.md, LAW-0) and not from src/caveats. The property laws
 * (test/properties/laws.prop.test.ts) and the deep fuzzer (src/fuzz/deep/) judge the
 * implementation against it; nothing under src/ other than those judges may import it.
 *
 * Restrictions here are what a caller hands to mint or restrict, so names are compared in their
 * PEP 503 form and ids in lower case, as a restricter writes them (RESTRICT-2, RESTRICT-3).
 */
import type { Restriction, VerifyContext } from '../generated/types.js'

const pep503 = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase()

/** Whether restriction `r`, written by a restricter, holds in context `c`. */
export function holds(r: Restriction, c: VerifyContext): boolean {
  switch (r.type) {
    case 'expiration':
    case 'legacy_expiration':
      return r.not_before <= c.now && c.now < r.expires_at
    case 'project_names':
    case 'legacy_project_names':
      return c.project !== null && r.names.map(pep503).includes(c.project.normalized_name)
    case 'project_ids':
    case 'legacy_project_ids':
      return c.project !== null && r.ids.map((id) => id.toLowerCase()).includes(c.project.id)
    case 'user':
      return c.user_id === r.user_id.toLowerCase()
    case 'oidc_publisher':
      return c.oidc_publisher !== null && c.oidc_publisher.id === r.publisher_id.toLowerCase() && c.project !== null && c.oidc_publisher.project_ids.includes(c.project.id)
    case 'legacy_user':
      return c.user_id !== null
  }
}
