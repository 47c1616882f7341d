/** @module The package version, reported by `hello` and `--version`. Kept equal to package.json by a unit test. */
export const VERSION = '0.2.0'
