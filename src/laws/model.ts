/**
 * @module An independent model of when a built-in restriction holds, written from the spec's rules
 * and not from src/caveats: the laws compare the implementation against it. A proposal brings the
 * model of its own caveat (PROP-6).
 */
import type { Restriction, VerifyContext } from '../generated/types.js'

const pep503 = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase()

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
