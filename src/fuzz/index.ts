/**
 * @module pypi-token-spec/fuzz: differential fuzzing of adapters, what `pypi-token conformance
 * fuzz` does. Needs fast-check, an optional peer dependency of this package
 * (`npm install fast-check@4`); nothing else in the package loads it.
 */
export { fuzz, deriveSeed, type FuzzOptions, type FuzzReport } from './fuzz.js'
export { restrictionArb, contextArb, timeArb, keyArb, identifierArb } from './arbitraries.js'
