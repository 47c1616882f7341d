/**
 * Literal tokens recorded from pymacaroons 0.13.0, pypitoken 7.1.1 and Warehouse's code, with the
 * inputs that produced them. Their location is PyPI's domain, present only inside the base64.
 * The same values are the unit tests' fixtures (test/fixtures/reference-tokens.ts).
 */
export {
  BINARY_IDENTIFIER,
  CHAIN,
  NPM_DOC,
  PT,
  PYPITOKEN,
  PYPITOKEN_BASE_PLUS_COMPACT,
  PYPITOKEN_TESTSUITE,
  PYPITOKEN_USER_THEN_NAMES,
  THIRD_PARTY,
  V1_TOKEN,
  WH,
} from '../../test/fixtures/reference-tokens.js'

/** A real, revoked 2019 token published in warehouse #6265, with its original `pypi:` prefix. */
export const REVOKED_2019 =
  'pypi:AgEIcHlwaS5vcmcCJDliOWJhNmY0LWM2MTItNDVhZC1hOWNhLWI1MTZjODk3OTc5NAACOnsicGVybWlzc2lvbnMiOiB7InByb2plY3RzIjogWyJ1bmRlZmluZWQiXX0sICJ2ZXJzaW9uIjogMX0AAAYgRrROleEWvzqI1Z6v5KIxZ6gPjCzj_4vGl_3L6a4CJyM'
