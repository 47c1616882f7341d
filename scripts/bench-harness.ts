/** Harness throughput benchmarks; filled in with the conformance harness. */
export async function harnessBenchmarks(): Promise<void> {}
