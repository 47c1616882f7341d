import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { VectorFile, XfailEntry, XfailFile } from '../../src/generated/types.js'
import { explanations, levelOf, RULES, type Features } from '../../src/fuzz/explain.js'
import { wildcard } from '../../src/harness/judging/wildcard.js'
import { FLAGS } from '../../scripts/vectors/flags.js'

const ROOT = join(import.meta.dirname, '..', '..')
const xfails = ['pypitoken', 'warehouse'].map((name) => JSON.parse(readFileSync(join(ROOT, 'adapters', name, 'xfail.json'), 'utf8')) as XfailFile)
const vectorFiles = (dir: string): VectorFile[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? vectorFiles(join(dir, e.name)) : e.name.endsWith('.json') && e.name !== 'index.json' ? [JSON.parse(readFileSync(join(dir, e.name), 'utf8')) as VectorFile] : []))
const vectors = vectorFiles(join(ROOT, 'vectors')).flatMap((f) => f.vectors)

const features = (over: Partial<Features> = {}): Features => ({
  op: 'verify',
  variant: 'none',
  wrongKey: false,
  identifier: 'd4d8a706-51a1-4844-a49f-12d4bc3db6f9',
  caveats: [],
  restrictions: [],
  reference: 'valid',
  caveatFailures: [],
  ...over,
})
const n = (key: string) => ({ key, kind: key, display: key })
const entry = (flag: string, level: 'verdict' | 'reason'): XfailEntry => ({ id: 'x::y', reason: 'r', spec: ['TOKEN-4'], flag, level, effect: 'e', class: level === 'verdict' ? 'malleability' : 'reason-only' })

describe('explaining a disagreement by a known deviation', () => {
  it('names the class of a difference the adapter lists at that level', () => {
    const f = features({ variant: 'padding', reference: 'invalid:TOKEN_BAD_ENCODING' })
    expect(explanations(f, n('invalid:TOKEN_BAD_ENCODING'), n('valid'), [entry('Base64Padding', 'verdict')])).toEqual(['Base64Padding'])
  })

  it('explains nothing the adapter does not list, or lists only at the reason level', () => {
    const f = features({ variant: 'padding', reference: 'invalid:TOKEN_BAD_ENCODING' })
    expect(explanations(f, n('invalid:TOKEN_BAD_ENCODING'), n('valid'), [])).toEqual([])
    expect(explanations(f, n('invalid:TOKEN_BAD_ENCODING'), n('valid'), [entry('Base64Padding', 'reason')])).toEqual([])
    // a reason-level difference is covered by either level
    expect(explanations(f, n('invalid:TOKEN_BAD_ENCODING'), n('invalid:SIGNATURE_MISMATCH'), [entry('Base64Padding', 'reason')])).toEqual(['Base64Padding'])
  })

  it('does not blame a token spelling when the reference accepted the token', () => {
    expect(explanations(features({ variant: 'padding' }), n('valid'), n('invalid:TOKEN_BAD_ENCODING'), [entry('Base64Padding', 'verdict')])).toEqual([])
  })

  it('lets a behaviour the spec allows explain a difference in the allowed direction only (OpaqueIdentifier: refusing)', () => {
    const f = features({ identifier: 'not-a-uuid' })
    expect(explanations(f, n('valid'), n('invalid:MACAROON_MALFORMED'), [])).toEqual(['OpaqueIdentifier'])
    expect(explanations(features({ identifier: 'not-a-uuid', reference: 'invalid:CAVEAT_NOT_SATISFIED' }), n('invalid:CAVEAT_NOT_SATISFIED'), n('valid'), [])).toEqual([])
    // reading `[true, …]` as tag 1 is allowed, so it explains a difference only where the reference refused that caveat
    const tagTrue = { caveats: ['[true,["requests"]]'] }
    expect(explanations(features({ ...tagTrue, reference: 'invalid:CAVEAT_MALFORMED' }), n('invalid:CAVEAT_MALFORMED'), n('valid'), [])).toEqual(['TagTyping'])
    expect(explanations(features({ ...tagTrue, variant: 'padding', reference: 'invalid:TOKEN_BAD_ENCODING' }), n('invalid:TOKEN_BAD_ENCODING'), n('valid'), [])).toEqual([])
  })

  it('reads the caveats for the classes they belong to', () => {
    const has = (caveat: string, flag: string) => expect(explanations(features({ caveats: [caveat], reference: 'invalid:CAVEAT_MALFORMED' }), n('invalid:CAVEAT_MALFORMED'), n('valid'), [entry(flag, 'verdict')])).toEqual([flag])
    has('[4,"89e9fdb4-5f1a-4a2e-9b7c-0d1e2f3a4b5c",null]', 'OidcTag')
    has('{"project_ids":["00000000-0000-0000-0000-000000000001"]}', 'LegacyProjectIds')
    has('{"exp":1,"nbf":0,"project_ids":["a"]}', 'LegacyDroppedRestriction')
    has('{"exp":1,"exp":2,"nbf":0}', 'DuplicateKey')
    has('[0,1700000900.0,1700000000]', 'FloatNumber')
    has('[1,["a"],null]', 'TrailingElements')
    has('[1,["My_Pkg"]]', 'NameNormalization')
    has('[2,["0B7E4D4F-2F3E-4E53-9A0A-5F5F0C8F5A11"]]', 'UuidCase')
    has('[3,"%s"]', 'PercentFormatting')
    expect(explanations(features({ caveats: ['[1,["requests"]]'], reference: 'invalid:CAVEAT_NOT_SATISFIED' }), n('invalid:CAVEAT_NOT_SATISFIED'), n('valid'), xfails.flatMap((x) => x.entries))).toEqual([])
  })

  it('counts several failing caveats (MultipleFailures) with those the adapter is known to misread', () => {
    const crash = n('adapter-error:internal')
    const multiple = [entry('MultipleFailures', 'verdict')]
    // one caveat fails for the reference: not several
    const one = features({ caveats: ['{"project_ids":["00000000-0000-0000-0000-000000000001"]}', '[]'], caveatFailures: [{ index: 1, reason: 'CAVEAT_MALFORMED' }], reference: 'invalid:CAVEAT_MALFORMED' })
    expect(explanations(one, n('invalid:CAVEAT_MALFORMED'), crash, multiple)).toEqual([])
    // but the adapter cannot read the legacy project-ids form either: two fail for it
    expect(explanations(one, n('invalid:CAVEAT_MALFORMED'), crash, [...multiple, entry('LegacyProjectIds', 'reason')])).toEqual(['MultipleFailures'])
    const two = features({ caveats: ['[]', '[5]'], caveatFailures: [{ index: 0, reason: 'CAVEAT_MALFORMED' }, { index: 1, reason: 'CAVEAT_UNKNOWN' }], reference: 'invalid:CAVEAT_MALFORMED' })
    expect(explanations(two, n('invalid:CAVEAT_MALFORMED'), crash, multiple)).toEqual(['MultipleFailures'])
  })

  it('grades a difference as reason-only when both answers refuse', () => {
    expect(levelOf(n('invalid:SIGNATURE_MISMATCH'), n('invalid:CAVEAT_NOT_SATISFIED'))).toBe('reason')
    expect(levelOf(n('error:INVALID_ARGUMENT'), n('error:TOKEN_BAD_ENCODING'))).toBe('reason')
    expect(levelOf(n('invalid:SIGNATURE_MISMATCH'), n('adapter-error:internal'))).toBe('verdict')
    expect(levelOf(n('valid'), n('invalid:CAVEAT_NOT_SATISFIED'))).toBe('verdict')
  })
})

describe('the rules', () => {
  it('each name a vector flag (or, for unflagged xfail entries, match some entry)', () => {
    for (const rule of RULES) {
      if (rule.entries === undefined) expect(Object.keys(FLAGS), rule.flag).toContain(rule.flag)
      else expect(xfails.some((x) => x.entries.some((e) => e.flag === undefined && wildcard(rule.entries as string)(e.id))), rule.flag).toBe(true)
    }
  })

  it('explain without an xfail entry only behaviours the spec allows: flags of acceptable vectors', () => {
    const acceptable = new Set(vectors.filter((v) => v.expected.result === 'acceptable' || 'acceptable_reasons' in v.expected).flatMap((v) => v.flags))
    for (const rule of RULES.filter((r) => r.acceptable === true)) expect(acceptable.has(rule.flag), rule.flag).toBe(true)
  })
})
