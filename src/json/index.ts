export { parseStrictJson, MAX_DEPTH, type JsonValue, type JsonObject, type JsonParseResult } from './parse.js'
export { dumpJson, dumpString } from './dumps.js'
