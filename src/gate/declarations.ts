/**
 * @module What a proposal's spec page declares to the gate besides its comparison rules: the
 * oracle each rule is judged by (PROP-12) and the derived mutants and near-miss shapes that do not
 * apply to a rule, each with its reason (PROP-13, PROP-14).
 */

/** `<!-- oracle: RULE LIBRARY -->`: the independent oracle a comparison rule names. */
export function namedOracles(spec: string): { rule: string; library: string }[] {
  return [...spec.matchAll(/<!-- oracle: (\S+) (\S+) -->/g)].map((m) => ({ rule: m[1] as string, library: m[2] as string }))
}

export interface NotApplicable {
  readonly rule: string
  /** Derived mutant kinds or near-miss case names. */
  readonly names: readonly string[]
  readonly reason: string
}

/** `<!-- not-applicable: RULE NAME[, NAME…]: reason -->`, one per line. */
export function notApplicable(spec: string): NotApplicable[] {
  return [...spec.matchAll(/<!-- not-applicable: (\S+) ([^:]+): ([^]*?)-->/g)].map((m) => ({
    rule: m[1] as string,
    names: (m[2] as string).split(',').map((s) => s.trim()).filter((s) => s !== ''),
    reason: (m[3] as string).replace(/\s+/g, ' ').trim(),
  }))
}

/** Whether the page declares `name` not applicable to `rule`, with a reason of some substance. */
export function declaredNotApplicable(declared: readonly NotApplicable[], rule: string, name: string): boolean {
  return declared.some((d) => d.rule === rule && d.names.includes(name) && d.reason.split(' ').length >= 4)
}
