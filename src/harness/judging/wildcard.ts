/** @module Id patterns: `*` matches any run of characters (xfail entries, `--filter`). */

/** A matcher for one pattern; a pattern without `*` matches exactly that id. */
export function wildcard(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  const re = new RegExp(`^${source}$`, 's')
  return (id) => re.test(id)
}
