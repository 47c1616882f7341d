/**
 * @module pypi-token-spec: the reference implementation of PyPI API tokens.
 *
 * Everything public is exported here. Nothing in this API throws on bad input: results carry a
 * reason code (spec/reason-codes.md) instead.
 */
export { mint, type MintOptions } from './mint.js'
export { restrict, encodeRestriction, type TokenResult, type RestrictOptions } from './restrict.js'
export { verify, type VerifyResult, type Failure, type VerifyOptions } from './verify.js'
export { completeContext, checkContext, type ContextInput } from './context.js'
export { detect, type Finding } from './detect/detect.js'
export { indexLocation, indexOfLocation } from './detect/indexes.js'
export { inspect, type InspectResult, type InspectOptions, type TokenInfo, type CaveatInfo } from './inspect.js'
export { analyzeCaveats, narrowingProblems, type CaveatAnalysis, type Conflict, type NarrowingProblem } from './analysis.js'
export { parseToken, dumpToken, PYPI_PREFIX, MAX_TOKEN_LENGTH, type ParsedToken, type ParseResult, type ParseOptions } from './token/parse.js'
export { decodeCaveat, type DecodedCaveat } from './caveats/decode.js'
export { normalizeProjectName } from './caveats/normalize.js'
export { normalizeRestriction } from './caveats/restriction.js'
export { CAVEAT_MODULES, DEFAULT_REGISTRY, createRegistry, extendRegistry, type CaveatRegistry } from './caveats/registry.js'
export type { CaveatModule, CaveatSchemas, AnyRestriction, JsonSchema, Normalized } from './caveats/types.js'
export { decodeMacaroon } from './macaroon/decode.js'
export { encodeMacaroon } from './macaroon/encode.js'
export { computeSignature } from './macaroon/signature.js'
export type { Macaroon, Caveat, FirstPartyCaveat, ThirdPartyCaveat } from './macaroon/types.js'
export type { TextOrHex } from './bytes.js'
export type * from './generated/types.js'
