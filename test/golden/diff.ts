/**
 * @module A unified diff of two texts (`--- a`, `+++ b`, `@@` hunks with three lines of context),
 * for the golden test's failure message: a reviewer reads what changed, not two whole files.
 */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number }

/** The line edits turning `a` into `b`: common prefix and suffix kept, the middle by longest common subsequence. */
function edits(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const ops: Op[] = []
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', line: a[i] as string, a: i, b: i })
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  if (midA.length * midB.length <= 4_000_000) {
    // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const lcs = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1))
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
    let i = 0
    let j = 0
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) ops.push({ kind: ' ', line: midA[i++] as string, a: start + i - 1, b: start + j++ })
      else if (i < midA.length && (j === midB.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: midA[i++] as string, a: start + i - 1, b: start + j })
      else ops.push({ kind: '+', line: midB[j++] as string, a: start + i, b: start + j - 1 })
    }
  } else {
    // Too large to align: the whole middle as removed, then added.
    midA.forEach((line, k) => ops.push({ kind: '-', line, a: start + k, b: start }))
    midB.forEach((line, k) => ops.push({ kind: '+', line, a: endA, b: start + k }))
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: ' ', line: a[endA + k] as string, a: endA + k, b: endB + k })
  return ops
}

/** A unified diff from `expected` (the golden file) to `actual` (what the code prints now); empty when equal. */
export function unifiedDiff(expected: string, actual: string, nameA: string, nameB: string, context = 3): string {
  if (expected === actual) return ''
  const ops = edits(expected.split('\n'), actual.split('\n'))
  const out = [`--- ${nameA}`, `+++ ${nameB}`]
  let k = 0
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++
      continue
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change closer than 2 * context.
    const from = Math.max(0, k - context)
    let to = k
    let lastChange = k
    while (to < ops.length && to - lastChange <= 2 * context) {
      if (ops[to]!.kind !== ' ') lastChange = to
      to++
    }
    const end = Math.min(ops.length, lastChange + context + 1)
    const hunk = ops.slice(from, end)
    const aCount = hunk.filter((o) => o.kind !== '+').length
    const bCount = hunk.filter((o) => o.kind !== '-').length
    out.push(`@@ -${hunk[0]!.a + 1},${aCount} +${hunk[0]!.b + 1},${bCount} @@`, ...hunk.map((o) => `${o.kind}${o.line}`))
    k = end
  }
  return out.join('\n') + '\n'
}
