/**
 * Vector ids that existed in a released suite version and were withdrawn. They are never used
 * again (SEMVER-5); test/conformance/vectors.test.ts checks that none reappears.
 */
export const RETIRED_IDS: readonly string[] = []
