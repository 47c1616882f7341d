/**
 * @module A unified diff of two texts (`--- a`, `+++ b`, `@@` hunks with three lines of context),
 * for the golden test's failure message: a reviewer reads what changed, not two whole files.
 */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number }

/** Beyond this many inserted and removed lines, the diff stops aligning and shows the middle as replaced. */
const MAX_EDITS = 2000

/**
 * The shortest edit script from `a` to `b` (Myers, "An O(ND) difference algorithm", 1986), or
 * null when it needs more than `maxD` edits. `v[k]` is the furthest x reached on diagonal k.
 */
function myers(a: readonly string[], b: readonly string[], maxD: number): Op[] | null {
  const n = a.length
  const m = b.length
  const off = n + m + 1
  const v = new Int32Array(2 * (n + m) + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice(off - d - 1, off + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[off + k] = x
      if (x >= n && y >= m) return backtrack(trace, a, b)
    }
  }
  return null
}

/** Walks the saved furthest-reaching paths back from the end, collecting the edits. */
function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[]): Op[] {
  let x = a.length
  let y = b.length
  const ops: Op[] = []
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d] as Int32Array
    const at = (k: number) => t[k + d + 1] as number
    const k = x - y
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1] as string, a: x - 1, b: y - 1 })
      x--
      y--
    }
    if (d > 0) ops.push(x === prevX ? { kind: '+', line: b[y - 1] as string, a: x, b: y - 1 } : { kind: '-', line: a[x - 1] as string, a: x - 1, b: y })
    x = prevX
    y = prevY
  }
  return ops.reverse()
}

/** The line edits turning `a` into `b`: common prefix and suffix kept, the middle by the shortest edit script. */
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
  const middle = myers(midA, midB, MAX_EDITS)
  if (middle !== null) {
    for (const o of middle) ops.push({ kind: o.kind, line: o.line, a: start + o.a, b: start + o.b })
  } else {
    // Too many edits to align: the whole middle as removed, then added.
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
