/** @module JSON value comparison for judging: key order free, and a one-line account of the first difference. */

/** True when two JSON values are equal (object key order does not matter; prototypes are ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === null
}

/** The path of the first place two JSON values differ (`''` for the root), or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (a === b) return null
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path
  if (Array.isArray(a) !== Array.isArray(b)) return path
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length)
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return `${path}[${i}]`
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d !== null) return d
    }
    return null
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  for (const k of keys) {
    const sub = `${path}.${k}`
    if (!Object.hasOwn(x, k) || !Object.hasOwn(y, k)) return sub
    const d = firstDifference(x[k], y[k], sub)
    if (d !== null) return d
  }
  return null
}

/** The value at a path produced by firstDifference, or undefined when absent. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value
  for (const [, key, index] of path.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== 'object') return undefined
    const k = key ?? Number(index)
    if (!Object.hasOwn(current, k)) return undefined
    current = (current as Record<string | number, unknown>)[k]
  }
  return current
}

/** JSON text cut to `max` characters with an ellipsis, for one-line messages. */
export function brief(value: unknown, max = 80): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** One line comparing two strings that should be equal: both abbreviated around their first difference. */
export function describeStringDifference(expected: string, actual: string, max = 40): string {
  let i = 0
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++
  const cut = (s: string) => {
    const start = Math.max(0, i - 8)
    const piece = s.slice(start, start + max)
    return JSON.stringify(`${start > 0 ? '…' : ''}${piece}${start + max < s.length ? '…' : ''}`)
  }
  return `expected ${cut(expected)}, got ${cut(actual)} (first difference at character ${i})`
}
