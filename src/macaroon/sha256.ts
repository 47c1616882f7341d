/**
 * @module SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain TypeScript, synchronous, with
 * no platform dependency: the same code runs in Node and in a browser (spec/signature.md).
 *
 * The HMAC hashes its pad block and the message without concatenating them, and allocates
 * nothing but its result.
 */

const BLOCK = 64

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2). */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes (§5.3.3). */
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])

// Scratch space, reused by every call (the functions here are synchronous and never re-entered).
const W = new Int32Array(64)
const state = new Int32Array(8)
const tail = new Uint8Array(2 * BLOCK)
const pad = new Uint8Array(BLOCK)
const innerDigest = new Uint8Array(32)

/** Processes the 64-byte block at `offset` of `bytes` into `h` (§6.2.2). */
function compress(h: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i
    W[i] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!
    const w2 = W[i - 2]!
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0
  }
  let a = h[0]!
  let b = h[1]!
  let c = h[2]!
  let d = h[3]!
  let e = h[4]!
  let f = h[5]!
  let g = h[6]!
  let k = h[7]!
  for (let i = 0; i < 64; i++) {
    const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const choose = (e & f) ^ (~e & g)
    const t1 = (k + sum1 + choose + K[i]! + W[i]!) | 0
    const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const majority = (a & b) ^ (a & c) ^ (b & c)
    k = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + sum0 + majority) | 0
  }
  h[0] = (h[0]! + a) | 0
  h[1] = (h[1]! + b) | 0
  h[2] = (h[2]! + c) | 0
  h[3] = (h[3]! + d) | 0
  h[4] = (h[4]! + e) | 0
  h[5] = (h[5]! + f) | 0
  h[6] = (h[6]! + g) | 0
  h[7] = (h[7]! + k) | 0
}

/**
 * Hashes `message` into `h`, which already holds the state after `before` bytes (a whole number
 * of blocks), pads it (§5.1.1) and writes the 32-byte digest into `out`.
 */
function finish(h: Int32Array, before: number, message: Uint8Array, out: Uint8Array): Uint8Array {
  const whole = message.length - (message.length % BLOCK)
  for (let offset = 0; offset < whole; offset += BLOCK) compress(h, message, offset)
  const rest = message.length - whole
  // The rest of the message, the 0x80 marker, zeros, and the length in bits as 64-bit big-endian:
  // one block when the rest leaves room for the marker and the length, two otherwise.
  const end = rest < BLOCK - 8 ? BLOCK : 2 * BLOCK
  for (let i = 0; i < rest; i++) tail[i] = message[whole + i]!
  tail[rest] = 0x80
  tail.fill(0, rest + 1, end - 8)
  const bits = (before + message.length) * 8
  const high = Math.floor(bits / 0x100000000)
  for (let i = 0; i < 4; i++) {
    tail[end - 1 - i] = (bits >>> (8 * i)) & 0xff
    tail[end - 5 - i] = (high >>> (8 * i)) & 0xff
  }
  for (let offset = 0; offset < end; offset += BLOCK) compress(h, tail, offset)
  for (let i = 0; i < 8; i++) {
    const word = h[i]!
    out[4 * i] = word >>> 24
    out[4 * i + 1] = (word >>> 16) & 0xff
    out[4 * i + 2] = (word >>> 8) & 0xff
    out[4 * i + 3] = word & 0xff
  }
  return out
}

/** SHA-256 of `message`: 32 bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  state.set(IV)
  return finish(state, 0, message, new Uint8Array(32))
}

/** Sets `h` to the state after one block of the key XOR `fill` (the ipad 0x36 or the opad 0x5c). */
function startKeyed(h: Int32Array, key: Uint8Array, fill: number): Int32Array {
  pad.fill(fill)
  for (let i = 0; i < key.length; i++) pad[i] = key[i]! ^ fill
  h.set(IV)
  compress(h, pad, 0)
  return h
}

/** RFC 2104: a key longer than a block is hashed first. */
const blockKey = (key: Uint8Array) => (key.length > BLOCK ? sha256(key) : key)

/** HMAC-SHA256(key, message) per RFC 2104: H((K ^ opad) || H((K ^ ipad) || message)). 32 bytes. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = blockKey(key)
  finish(startKeyed(state, k, 0x36), BLOCK, message, innerDigest)
  return finish(startKeyed(state, k, 0x5c), BLOCK, innerDigest, new Uint8Array(32))
}
