/** @module Tag 4, `[4, publisher_id, claims|null]` (spec/caveats/oidc-publisher.md). */
import type { CaveatModule, RestrictionOf } from './types.js'
import { caveatSchemas, restrictionSchema } from '../generated/schemas.js'
import { claimsJson, refusing, uuid } from './normalize.js'
import type { OidcPublisherRestriction } from '../generated/types.js'

export const oidcPublisher: CaveatModule<RestrictionOf<'oidc_publisher'>> = {
  slug: 'oidc-publisher',
  tag: 4,
  type: 'oidc_publisher',
  schemas: { caveat: caveatSchemas['oidc-publisher'], restriction: restrictionSchema.definitions.OidcPublisherRestriction },
  // OIDC-1: the claims element is optional on the wire and means null when absent.
  decode: (wire) => {
    const [, publisher_id, claims = null] = wire as [4, string, OidcPublisherRestriction['claims']]
    return { type: 'oidc_publisher', publisher_id, claims: claims ?? null }
  },
  encode: (r) => [4, r.publisher_id, (r.claims ?? null) as null],
  // OIDC-3 … OIDC-5, in Warehouse's order: publisher present, publisher matches, project present, project registered.
  normalize: (r) => refusing(() => {
    // The claims object sits inside the caveat array `[4, id, claims]`: depth 2 (LIMIT-4, LAW-7).
    if (r.claims != null) claimsJson(r.claims, 2)
    return { type: 'oidc_publisher', publisher_id: uuid(r.publisher_id, 'publisher id'), claims: r.claims ?? null }
  }),
  check: (r, context) => {
    const publisher = context.oidc_publisher
    if (publisher === null) return 'OIDC-scoped token used by a request that is not a Trusted Publishing request'
    if (publisher.id !== r.publisher_id) return `token is restricted to publisher ${r.publisher_id}, not ${publisher.id}`
    if (context.project === null) return 'OIDC-scoped token used outside of a project context'
    if (!publisher.project_ids.includes(context.project.id)) {
      return `publisher ${publisher.id} is not registered to project ${JSON.stringify(context.project.normalized_name)}`
    }
    return null
  },
  explain: (r) =>
    `Only for Trusted Publishing by the publisher with id ${r.publisher_id}, on a project that publisher is registered to.` +
    (r.claims ? ' Carries deprecated OIDC claims, which verifiers ignore.' : ''),
}
