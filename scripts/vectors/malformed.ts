/**
 * Seeded random malformed input (spec/verification.md, VERIFY-7). Each family is built so that
 * its expected reason follows from the construction: strings without `-`, bodies whose first byte
 * is not 0x02, truncated or extended binaries, and single-byte changes inside signed content.
 */
import { bytesOf, fromBytes, signedBytes, token, userContext, vectorFile, verifyVector } from './builder.js'
import type { ReasonCode, VerifyVector } from '../../src/generated/types.js'
import type { Flag } from './flags.js'

const SEED = 20251125

/** mulberry32: a tiny, well-known seeded PRNG, so the file is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function build() {
  const rand = prng(SEED)
  const int = (n: number) => Math.floor(rand() * n)
  const vectors: VerifyVector[] = []
  const add = (family: string, i: number, description: string, spec: string[], t: string, reason: ReasonCode, flags: Flag[] = []) =>
    vectors.push(verifyVector({ id: `malformed::${family}-${i}`, description, spec, flags, token: t, context: userContext(), expect: { invalid: reason } }))

  const PRINTABLE = ' !"#$%&\'()*+,./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
  for (let i = 0; i < 12; i++) {
    const s = Array.from({ length: 1 + int(120) }, () => PRINTABLE[int(PRINTABLE.length)]).join('')
    add('no-dash', i, 'A random printable string without `-`.', ['TOKEN-1', 'VERIFY-7'], s, 'TOKEN_BAD_PREFIX')
  }
  for (let i = 0; i < 10; i++) {
    const bytes = Array.from({ length: 1 + int(200) }, () => int(256))
    bytes[0] = [0x00, 0x01, 0x03, 0x30, 0x41, 0xff][int(6)] as number
    add('bad-version', i, 'Canonical base64url of random bytes that do not start with 0x02.', ['MAC-1', 'VERIFY-7'], fromBytes(bytes), 'MACAROON_MALFORMED')
  }
  const caveats = ['[1,["sampleproject"]]', '[3,"a614e122-a9ee-473c-b6df-8c4f1b776628"]']
  const s = signedBytes(caveats)
  const whole = [...s.header, ...s.caveats, ...s.signature]
  for (let i = 0; i < 12; i++) {
    const cut = 1 + int(whole.length - 1)
    add('truncated', i, `A correctly signed binary cut after ${cut} of ${whole.length} bytes.`, ['MAC-3', 'MAC-8', 'VERIFY-7'], fromBytes(whole.slice(0, cut)), 'MACAROON_MALFORMED')
  }
  for (let i = 0; i < 8; i++) {
    const extra = Array.from({ length: 1 + int(16) }, () => int(256))
    add('extended', i, `A correctly signed binary followed by ${extra.length} random bytes (pymacaroons ignores them).`, ['MAC-9', 'VERIFY-7'], fromBytes([...whole, ...extra]), 'MACAROON_MALFORMED', ['BinaryStrictness'])
  }
  const sigStart = whole.length - 32
  for (let i = 0; i < 10; i++) {
    const b = [...whole]
    const at = sigStart + int(32)
    b[at] = ((b[at] as number) ^ (1 + int(255))) & 0xff
    add('signature-byte', i, `Signature byte ${at - sigStart} changed.`, ['SIG-5', 'LAW-6'], fromBytes(b), 'SIGNATURE_MISMATCH')
  }
  const firstCaveat = s.header.length + 2 // after the field type and length bytes
  for (let i = 0; i < 10; i++) {
    const b = [...whole]
    const at = firstCaveat + int(caveats[0]!.length)
    const printable = 0x20 + int(0x5f)
    b[at] = printable === b[at] ? 0x7e : printable
    add('caveat-byte', i, `Byte ${at - firstCaveat} of the first caveat replaced by another printable ASCII byte, signature kept.`, ['SIG-3', 'LAW-6', 'VERIFY-4'], fromBytes(b), 'SIGNATURE_MISMATCH', ['FailureOracle'])
  }
  const base = token({ caveats })
  const JUNK = '=+/!. \n\t*%'
  for (let i = 0; i < 8; i++) {
    const at = 5 + int(base.length - 5)
    add('junk-character', i, 'A character outside the base64url alphabet inserted into the body.', ['TOKEN-4', 'VERIFY-7'], base.slice(0, at) + JUNK[int(JUNK.length)] + base.slice(at), 'TOKEN_BAD_ENCODING', ['Base64Junk'])
  }
  if (bytesOf(base).length !== whole.length) throw new Error('builder: layouts differ')
  return vectorFile(
    {
      topic: 'malformed',
      title: 'Malformed input',
      description: 'Random input from a fixed seed, in families whose expected reason follows from how they are built.',
      generator: 'scripts/vectors/malformed.ts',
      seed: SEED,
      sources: ['generated (mulberry32, seed 20251125)'],
    },
    vectors,
  )
}
