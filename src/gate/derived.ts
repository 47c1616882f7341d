/**
 * @module Vectors the gate derives from a proposal's own: each valid vector whose token carries the
 * proposed caveat, sent without the context extension's members — to the reference with the
 * proposal, which must then find the caveat not satisfied (PROP-4), and to the implementations
 * already deployed, which must reject the unknown tag (PROP-8).
 */
import type { VectorFile, VerifyContext, VerifyVector } from '../generated/types.js'
import type { LoadedFile, VectorSuite } from '../vectors/load.js'

/** A context without the given members (absent, as a deployed index sends it). */
export function withoutMembers(context: VerifyContext, members: readonly string[]): VerifyContext {
  const copy: Record<string, unknown> = { ...context }
  for (const m of members) delete copy[m]
  return copy as unknown as VerifyContext
}

/** The valid verify vectors of `file` whose token carries the proposed caveat. */
export function validCarrying(file: VectorFile, carries: (token: string) => boolean): VerifyVector[] {
  return file.vectors.filter((v): v is VerifyVector => v.op === 'verify' && v.expected.result === 'valid' && carries(v.input.token))
}

/** A derived vector file named `<slug>-<kind>`, whose vectors are `file`'s valid ones changed by `change`. */
export function derivedFile(file: VectorFile, kind: string, description: string, vectors: readonly VerifyVector[], change: (v: VerifyVector) => Pick<VerifyVector, 'description' | 'input' | 'expected' | 'spec'>): LoadedFile {
  const topic = `${file.topic}-${kind}`
  const derived = vectors.map((v): VerifyVector => ({ ...v, ...change(v), id: `${topic}::${v.id.slice(file.topic.length + 2)}` }))
  return {
    file: `${topic}.json`,
    data: { ...file, topic, title: `${file.title}: ${kind}`, description, number_of_vectors: derived.length, vectors: derived },
  }
}

/** PROP-4: without the extension's members the reference with the proposal finds the caveat not satisfied. */
export function missingContextFile(file: VectorFile, members: readonly string[], valid: readonly VerifyVector[]): LoadedFile {
  return derivedFile(file, 'without-context', 'Valid vectors of the proposal without the context extension: missing data never means allowed (PROP-4, VERIFY-2).', valid, (v) => ({
    description: `${v.id} without ${members.join(', ')}: not satisfied (VERIFY-2).`,
    spec: ['VERIFY-2'],
    input: { ...v.input, context: withoutMembers(v.input.context, members) },
    expected: { result: 'invalid', reason: 'CAVEAT_NOT_SATISFIED' },
  }))
}

/** PROP-8: a deployed implementation, which knows neither the tag nor the members, rejects the token. */
export function deployedFile(file: VectorFile, members: readonly string[], valid: readonly VerifyVector[]): LoadedFile {
  return derivedFile(file, 'deployed', 'Tokens carrying the proposed caveat, as a deployed index sends them: an implementation that does not know the tag must reject them (CAV-5, PROP-8).', valid, (v) => ({
    description: `${v.id}, sent to an implementation that does not know the proposed tag: an unknown tag (CAV-5).`,
    spec: ['CAV-5'],
    input: { ...v.input, context: withoutMembers(v.input.context, members) },
    expected: { result: 'invalid', reason: 'CAVEAT_UNKNOWN' },
  }))
}

/** Files as one suite, in order. */
export function suiteOfFiles(files: readonly LoadedFile[]): VectorSuite {
  return { files, vectors: files.flatMap(({ file, data }) => data.vectors.map((vector) => ({ vector, file }))) }
}
