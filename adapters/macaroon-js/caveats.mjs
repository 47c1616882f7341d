// The caller's part of restrict: the caveat bytes the spec defines for each restriction. The npm
// package knows nothing of PyPI's caveats; a tool that narrows a token builds the caveat string
// itself and hands it to addFirstPartyCaveat. This is the least glue that does it: the JSON value of
// ADAPT-13's table, serialised canonically (CAV-9: no whitespace, keys sorted by code point, every
// character outside ASCII as a lowercase \uXXXX escape). Nothing is validated or normalised
// (RESTRICT-2 ... RESTRICT-7 are the caller's, and this adapter does not apply them: README.md).

export class BadRequest extends Error {}
export class Unsupported extends Error {}

function need(r, name) {
  if (!Object.hasOwn(r, name)) throw new BadRequest(`restriction lacks member ${JSON.stringify(name)}`)
  return r[name]
}

// ADAPT-13: restriction type -> the JSON value of its caveat.
const VALUES = {
  expiration: (r) => [0, need(r, 'expires_at'), need(r, 'not_before')],
  project_names: (r) => [1, need(r, 'names')],
  project_ids: (r) => [2, need(r, 'ids')],
  user: (r) => [3, need(r, 'user_id')],
  oidc_publisher: (r) => [4, need(r, 'publisher_id'), r.claims ?? null],
  legacy_user: () => ({ permissions: 'user', version: 1 }),
  legacy_project_names: (r) => ({ permissions: { projects: need(r, 'names') }, version: 1 }),
  legacy_expiration: (r) => ({ exp: need(r, 'expires_at'), nbf: need(r, 'not_before') }),
  legacy_project_ids: (r) => ({ project_ids: need(r, 'ids') }),
}

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted)
  if (value === null || typeof value !== 'object') return value
  // UTF-16 order differs from code point order only for astral vs U+E000..U+FFFF keys; compare code points.
  const keys = Object.keys(value).sort((a, b) => {
    const [x, y] = [[...a].map((c) => c.codePointAt(0)), [...b].map((c) => c.codePointAt(0))]
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
    return x.length - y.length
  })
  return Object.fromEntries(keys.map((k) => [k, sorted(value[k])]))
}

/** The canonical caveat string (CAV-9) for one restriction object. */
export function caveatBytes(r) {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new BadRequest('a restriction must be an object')
  const value = Object.hasOwn(VALUES, r.type) ? VALUES[r.type] : undefined
  if (value === undefined) throw new Unsupported(`no restriction type ${JSON.stringify(r.type)}`)
  return JSON.stringify(sorted(value(r))).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
