/**
 * Vector ids that existed in a released suite version and were withdrawn. They are never used
 * again (SEMVER-5); test/conformance/vectors.test.ts checks that none reappears.
 */
export const RETIRED_IDS: readonly string[] = [
  // 0.2.0: contexts must follow CTX-1 (PEP 503 names, lowercase UUID project ids). These sent a
  // display name or a non-UUID id as the context's normalised name or id; each is re-expressed
  // under a new id (caveat-encoding::*-user-id, *::non-uuid-ids-well-formed,
  // reference-tokens::pypitoken-*-display-name-*).
  'caveat-encoding::non-ascii-name',
  'caveat-encoding::escaped-non-ascii',
  'caveat-encoding::surrogate-pair',
  'caveat-encoding::escaped-slash',
  'project-ids::non-uuid-id-matches',
  'legacy-project-ids::non-uuid-id-matches',
  ...['base', 'date', 'names', 'ids', 'user', 'legacy-noop', 'legacy-names', 'legacy-date', 'all'].flatMap((t) => [
    `reference-tokens::pypitoken-${t}-name-title-case`,
    `reference-tokens::pypitoken-${t}-name-underscore`,
  ]),
]
