/**
 * The proposal gate's cost (issue 17): a full `pypi-token gate` run of each worked proposal, in
 * wall-clock seconds and in CPU seconds — this process's and its children's (adapters, mutants),
 * read from /proc — so that a busy machine shows as wall > CPU instead of as a slower gate.
 * Target: a full run under 30 s on a quiet 2-core machine, where the wall time is at most the CPU
 * time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runProposalGate } from '../../src/gate/gate.js'

export interface GateCost {
  readonly slug: string
  readonly ok: boolean
  readonly wallSeconds: number
  readonly cpuSeconds: number
}

/** CPU seconds of waited-for children (utime + stime of the reaped ones), from /proc/self/stat. */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return 0
  }
}

const ownCpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

export async function gateBenchmark(root: string, slugs: readonly string[] = ['release-version', 'ip-ranges']): Promise<GateCost[]> {
  const out: GateCost[] = []
  for (const slug of slugs) {
    const cpu0 = ownCpu() + childrenCpu()
    const wall0 = performance.now()
    const report = await runProposalGate({ root, proposal: join(root, 'proposals', slug), deployed: ['reference'] })
    out.push({ slug, ok: report.ok, wallSeconds: (performance.now() - wall0) / 1000, cpuSeconds: ownCpu() + childrenCpu() - cpu0 })
  }
  return out
}
