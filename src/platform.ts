/**
 * @module What the platform adds to the language, looked up at run time so that the same library
 * code runs in Node and in a browser. In Node: Buffer (native base64 and hex) and node:crypto
 * (native SHA-256, through `process.getBuiltinModule`, Node ≥ 20.16). In a browser: neither, and
 * the portable code beside each use runs instead. Nothing else in the library names a platform.
 *
 * The two are typed by the few members the library calls, not by `@types/node`, so that the
 * published declarations compile for a consumer without Node's types.
 */

/** The part of node:crypto the library calls: the one-shot `hash` (Node ≥ 20.12). */
export interface NodeCrypto {
  hash(algorithm: 'sha256', data: Uint8Array, outputEncoding: 'buffer'): Uint8Array
}

/** A Node Buffer, as the library uses one: bytes that print as hex or base64url. */
interface NodeBytes extends Uint8Array {
  toString(encoding?: 'hex' | 'base64url'): string
}

/** The part of Node's Buffer constructor the library calls. */
export interface NodeBufferConstructor {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBytes
  from(text: string, encoding: 'base64url'): NodeBytes
}

interface NodeGlobals {
  readonly process?: { readonly getBuiltinModule?: (id: string) => unknown }
  readonly Buffer?: NodeBufferConstructor
}

const platform = globalThis as NodeGlobals

/** node:crypto, or undefined outside Node (and in Node before 20.16). */
export const nodeCrypto = platform.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

/** Node's Buffer, or undefined in a browser. */
export const NodeBuffer: NodeBufferConstructor | undefined = platform.Buffer
