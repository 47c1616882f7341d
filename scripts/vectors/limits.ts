/** Vectors for sizes every verifier must handle and may refuse (spec/limits.md). */
import { fromBytes, IDENTIFIER, inspectVector, LOCATION, PUBLISHER, publisherContext, restrictVector, signatureOf, signedBytes, token, userContext, vectorFile, verifyVector } from './builder.js'

const NAMES = '[1,["sampleproject"]]'

/** A names caveat holding sampleproject plus filler names, exactly `bytes` long. */
function namesOfLength(bytes: number): string {
  const head = '[1,["sampleproject","'
  const tail = '"]]'
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail
}

/**
 * The longest token of at most `chars` characters made of 4,096-byte names caveats and one
 * shorter last caveat: every caveat within LIMIT-3, the whole within LIMIT-1.
 */
function caveatsOfLength(chars: number): string[] {
  const full: string[] = []
  while (token({ caveats: [...full, namesOfLength(4096)] }).length <= chars) full.push(namesOfLength(4096))
  let lo = 30
  let hi = 4096
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (token({ caveats: [...full, namesOfLength(mid)] }).length <= chars) lo = mid
    else hi = mid - 1
  }
  return [...full, namesOfLength(lo)]
}

/** A correctly signed token built directly from the layout, beyond the reference minter's size limit. */
function assembled(caveats: string[]): string {
  const s = signedBytes(caveats)
  return fromBytes([...s.header, ...s.caveats, ...s.signature])
}

/** An OIDC caveat nested `depth` levels deep in all: the caveat array, then `depth - 1` claims objects. */
function nestedClaims(depth: number): string {
  return `[4,"${PUBLISHER}",${'{"a":'.repeat(depth - 2)}{}${'}'.repeat(depth - 2)}]`
}

/** Claims objects nested 7 deep, `{"a":{…{}}}`: depth 8 inside `[4, id, claims]`. */
const NESTED_CLAIMS_7: Record<string, unknown> = JSON.parse(`${'{"a":'.repeat(6)}{}${'}'.repeat(6)}`)

export function build() {
  const near8kCaveats = caveatsOfLength(8192)
  const near8k = token({ caveats: near8kCaveats })
  return vectorFile(
    {
      topic: 'limits',
      title: 'Limits',
      description: 'Sizes every verifier must accept, and sizes a verifier may refuse (`acceptable`).',
      generator: 'scripts/vectors/limits.ts',
      sources: ['warehouse #18228 (tokens near 8 KB)', 'CPython json recursion and int-parsing limits'],
    },
    [
      verifyVector({ id: 'limits::64-caveats', description: '64 identical caveats.', spec: ['LIMIT-1', 'CAV-11'], flags: ['TokenSize', 'DuplicateCaveat'], token: token({ caveats: Array(64).fill(NAMES) }), context: userContext(), expect: 'valid' }),
      verifyVector({ id: 'limits::8192-characters', description: `A token of ${near8k.length} characters (at most 8,192), one 4,096-byte caveat and one shorter: within every MUST of LIMIT-1 and LIMIT-3.`, spec: ['LIMIT-1', 'LIMIT-3'], flags: ['TokenSize'], token: near8k, context: userContext(), expect: 'valid' }),
      inspectVector({ id: 'limits::inspect-8192-characters', description: `The ${near8k.length}-character token of limits::8192-characters: an inspector must report its parts (LIMIT-7).`, spec: ['LIMIT-7', 'LIMIT-1'], flags: ['TokenSize'], token: near8k, expect: { prefix: 'pypi', location: LOCATION, identifier: IDENTIFIER, caveats: near8kCaveats, signature: signatureOf(near8k) } }),
      verifyVector({ id: 'limits::4097-byte-caveat', description: 'A caveat of 4,097 bytes, one more than a verifier must accept: valid, or refused as too large before the signature.', spec: ['LIMIT-3'], flags: ['TokenSize'], token: token({ caveats: [namesOfLength(4097)] }), context: userContext(), expect: { acceptable: 'TOKEN_TOO_LARGE' } }),
      verifyVector({ id: 'limits::4096-byte-caveat', description: 'A caveat of exactly 4,096 bytes.', spec: ['LIMIT-3'], flags: ['TokenSize'], token: token({ caveats: [namesOfLength(4096)] }), context: userContext(), expect: 'valid' }),
      verifyVector({ id: 'limits::300-caveats', description: '300 caveats: beyond what a verifier must accept.', spec: ['LIMIT-2'], flags: ['TokenSize', 'DuplicateCaveat'], token: token({ caveats: Array(300).fill(NAMES) }), context: userContext(), expect: { acceptable: 'TOKEN_TOO_LARGE' } }),
      verifyVector({ id: 'limits::70000-characters', description: 'A valid token of about 70,000 characters: a verifier may refuse it unread.', spec: ['LIMIT-2'], flags: ['TokenSize'], token: assembled([namesOfLength(52000)]), context: userContext(), expect: { acceptable: 'TOKEN_TOO_LARGE' } }),
      verifyVector({ id: 'limits::depth-8', description: 'OIDC claims nested to depth 8 (the caveat array counts as 1).', spec: ['LIMIT-4', 'OIDC-2'], flags: ['DeepNesting', 'OidcTag', 'OidcClaims'], token: token({ caveats: [nestedClaims(8)] }), context: publisherContext(), expect: 'valid' }),
      restrictVector({
        id: 'limits::restrict-claims-depth-8',
        description: 'Restricting with claims that reach depth 8 in the caveat (the caveat array counts as 1): every verifier reads that depth (LIMIT-4), so a restricter writes it, and its own verifier then reads it (LAW-7).',
        spec: ['LAW-7', 'LIMIT-4', 'RESTRICT-1'],
        flags: ['DeepNesting', 'OidcTag', 'OidcClaims'],
        token: token(),
        restrictions: [{ type: 'oidc_publisher', publisher_id: PUBLISHER, claims: NESTED_CLAIMS_7 }],
        expect: { caveats: [[4, PUBLISHER, NESTED_CLAIMS_7]] },
      }),
      verifyVector({ id: 'limits::depth-33', description: 'Claims nested to depth 33: a verifier may refuse.', spec: ['LIMIT-4'], flags: ['DeepNesting', 'OidcTag', 'OidcClaims'], token: token({ caveats: [nestedClaims(33)] }), context: publisherContext(), expect: { acceptable: 'CAVEAT_MALFORMED' } }),
      verifyVector({ id: 'limits::depth-2000', description: 'Claims nested 2,000 deep, past CPython\'s recursion limit: refusing is fine, crashing is not.', spec: ['LIMIT-4', 'VERIFY-7', 'LIMIT-8'], flags: ['DeepNesting', 'OidcTag', 'OidcClaims'], token: token({ caveats: [nestedClaims(2000)] }), context: publisherContext(), expect: { acceptable: 'CAVEAT_MALFORMED', also: ['TOKEN_TOO_LARGE'] } }),
    ],
  )
}
