/**
 * @module What the platform adds to the language, looked up at run time so that the same library
 * code runs in Node and in a browser. In Node: Buffer (native base64 and hex) and node:crypto
 * (native SHA-256, through `process.getBuiltinModule`, Node ≥ 20.16). In a browser: neither, and
 * the portable code beside each use runs instead. Nothing else in the library names a platform.
 */
type NodeCrypto = typeof import('node:crypto')

interface NodeGlobals {
  readonly process?: { readonly getBuiltinModule?: (id: string) => unknown }
  readonly Buffer?: typeof Buffer
}

const platform = globalThis as NodeGlobals

/** node:crypto, or undefined outside Node (and in Node before 20.16). */
export const nodeCrypto = platform.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

/** Node's Buffer, or undefined in a browser. */
export const NodeBuffer = platform.Buffer
