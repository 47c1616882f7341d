/**
 * @module Near-miss spellings of caveats and of whole tokens, shared by the differential fuzzer
 * (src/fuzz/cases.ts) and the deep fuzzer (src/fuzz/deep/), each with what the spec says a
 * verifier must make of it. A respelling that changes nothing means the same as the original.
 */

/** What a respelled caveat means to a verifier, relative to the canonical one. */
export type VariantMeaning =
  /** The same caveat: enforced exactly as the canonical text (JSON-3 whitespace, escapes, `-0`). */
  | 'same'
  /** Rejected in every context (CAVEAT_MALFORMED). */
  | 'rejected'
  /** The spec allows both (an `acceptable` behaviour): rejected, or enforced as the original. */
  | 'either'
  /**
   * The same caveat with its names and ids in upper case, compared exactly (CTX-3) with the
   * context's lower-case forms (CTX-1): it holds only where an upper-cased value is unchanged.
   */
  | 'upper-cased-values'

interface CaveatVariant {
  readonly respell: (text: string) => string
  /** The meaning of a respelling that changed the text; `original` is the canonical text. */
  readonly meaning: (original: string) => VariantMeaning
}

const isObject = (t: string) => t.startsWith('{')

/** Re-spellings of a well-formed caveat that strict caveat JSON must reject or must accept unchanged. */
export const CAVEAT_VARIANTS: Record<string, CaveatVariant> = {
  // JSON-3: space, tab, LF and CR are JSON whitespace; JsonWhitespace vectors say verifiers accept them.
  spaces: { respell: (t) => t.replace(/,/g, ', ').replace(/:/g, ': '), meaning: () => 'same' },
  'outer-whitespace': { respell: (t) => ` ${t}\n`, meaning: () => 'same' },
  tab: { respell: (t) => t.replace(',', ',\t'), meaning: () => 'same' },
  // JSON-3: a no-break space or a byte-order mark is not whitespace.
  nbsp: { respell: (t) => t.replace(',', ',\u00a0'), meaning: () => 'rejected' },
  bom: { respell: (t) => `\ufeff${t}`, meaning: () => 'rejected' },
  // JSON-4: every number is an integer literal. (A number follows `[`, `,` or `:` and ends before
  // `,`, `]` or `}`; no string of a canonical caveat holds those characters.)
  'float-number': { respell: (t) => t.replace(/([[,:])(\d{3,})(?=[,\]}])/, '$1$2.0'), meaning: () => 'rejected' },
  'exponent-number': { respell: (t) => t.replace(/([[,:])(\d)(\d{2,})(?=[,\]}])/, (_, s: string, a: string, b: string) => `${s}${a}.${b}e${b.length}`), meaning: () => 'rejected' },
  'leading-zero': { respell: (t) => t.replace(/([[,:])(\d)/, '$10$2'), meaning: () => 'rejected' },
  // CAV-3: `-0` is the integer 0.
  'negative-zero': { respell: (t) => t.replace(/^\[0,/, '[-0,'), meaning: () => 'same' },
  // CAV-6: arrays have an exact arity; D14: an extra member of a legacy object is acceptable either way.
  'trailing-element': { respell: (t) => (t.endsWith(']') ? `${t.slice(0, -1)},null]` : `${t.slice(0, -1)},"extra":1}`), meaning: (t) => (isObject(t) ? 'either' : 'rejected') },
  'trailing-comma': { respell: (t) => `${t.slice(0, -1)},${t.slice(-1)}`, meaning: () => 'rejected' },
  // D9: a key repeated with the same value is acceptable either way.
  'duplicate-key': { respell: (t) => (isObject(t) ? t.replace(/^\{("[^"]+":[^,}]+)/, '{$1,$1') : t), meaning: () => 'either' },
  // Tags 1-3 keep their form with upper-case values; legacy keys and tag 4's `null` are lower case only.
  'upper-case': { respell: (t) => t.toUpperCase(), meaning: (t) => (/^\[[123],/.test(t) ? 'upper-cased-values' : 'rejected') },
  // JSON: `\u002d` is `-` inside a string (every `-` of a canonical caveat is inside a string).
  'escaped-slash': { respell: (t) => t.replace(/-/g, '\\u002d'), meaning: () => 'same' },
  'trailing-garbage': { respell: (t) => `${t}x`, meaning: () => 'rejected' },
}

/** The meaning of `variant` applied to the canonical caveat `text`. */
export function caveatVariantMeaning(variant: string, text: string): VariantMeaning {
  const v = CAVEAT_VARIANTS[variant]
  if (v === undefined) throw new RangeError(`unknown caveat variant ${variant}`)
  return v.respell(text) === text ? 'same' : v.meaning(text)
}

const BASE64_STANDARD: Record<string, string> = { '-': '+', _: '/' }
const LAST_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * Near-miss spellings of a whole token; `none` (no change) is the one every case shrinks to. A
 * verifier rejects every one that changes the string (TOKEN-2 … TOKEN-6: exactly `pypi`, canonical
 * unpadded base64url, no surrounding whitespace; MAC-9: no trailing bytes).
 */
export const TOKEN_VARIANTS: Record<string, (t: string) => string> = {
  none: (t) => t,
  padding: (t) => t + '='.repeat((4 - ((t.length - 5) % 4)) % 4 || 1),
  'standard-alphabet': (t) => (/[-_]/.test(t.slice(5)) ? t.slice(0, 5) + t.slice(5).replace(/[-_]/g, (c) => BASE64_STANDARD[c] ?? c) : `${t.slice(0, -1)}+`),
  'trailing-bits': (t) => {
    const rest = (t.length - 5) % 4
    if (rest === 0) return t
    const value = LAST_CHARS.indexOf(t.slice(-1))
    return t.slice(0, -1) + LAST_CHARS[(value | 1) & 63]
  },
  'outer-whitespace': (t) => ` ${t}\n`,
  'upper-prefix': (t) => `PYPI${t.slice(4)}`,
  'other-prefix': (t) => `pypj${t.slice(4)}`,
  'no-prefix': (t) => t.slice(5),
  'double-dash': (t) => `pypi-${t}`,
  truncated: (t) => t.slice(0, -3),
  'appended-byte': (t) => `${t}AA`,
}
