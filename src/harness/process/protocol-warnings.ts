/** @module Protocol faults that belong to no vector (ADAPT-3, ADAPT-4): counted, with a few samples kept. */

/** The kinds of fault: a line that is not a response, an id no request has, an answer out of order, a line too long. */
export type WarningKind = 'junk' | 'unknown-id' | 'out-of-order' | 'overlong'

const DESCRIPTION: Record<WarningKind, string> = {
  junk: 'stdout lines that are not responses (ADAPT-4)',
  'unknown-id': 'responses whose id matches no outstanding request',
  'out-of-order': 'answers out of request order (ADAPT-3)',
  overlong: 'stdout lines over 16 MiB, dropped',
}

const SAMPLES = 3

/** Counts of protocol faults, never attributed to a vector. */
export class ProtocolWarnings {
  readonly counts: Record<WarningKind, number> = { junk: 0, 'unknown-id': 0, 'out-of-order': 0, overlong: 0 }
  private readonly samples: Record<WarningKind, string[]> = { junk: [], 'unknown-id': [], 'out-of-order': [], overlong: [] }

  add(kind: WarningKind, sample: string): void {
    this.counts[kind]++
    const list = this.samples[kind]
    if (list.length < SAMPLES) list.push(sample.length > 120 ? `${sample.slice(0, 119)}…` : sample)
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0)
  }

  /** One line per kind that occurred, e.g. `3 stdout lines that are not responses (ADAPT-4), e.g. "hello"`. */
  lines(): string[] {
    return (Object.keys(this.counts) as WarningKind[])
      .filter((k) => this.counts[k] > 0)
      .map((k) => `${this.counts[k]} ${DESCRIPTION[k]}${this.samples[k].length === 0 ? '' : `, e.g. ${this.samples[k].map((s) => JSON.stringify(s)).join(', ')}`}`)
  }
}
