/**
 * @module Links to an implementation's source on GitHub at the version the site's reports tested:
 * `pypitoken/token.py:314-317` → the file at tag 7.1.1, lines 314 to 317. The pins are those of
 * the adapters: adapters/pypitoken/requirements.txt (pypitoken, pymacaroons),
 * adapters/warehouse/requirements.txt with the Warehouse commit the report names (the commit of
 * ../shared/warehouse/COMMIT in CI), adapters/detect-secrets/requirements.txt and the gitleaks
 * module in adapters/gitleaks/go.mod, and the four macaroon libraries' adapters (pymacaroons,
 * macaroon-go, macaroon-rs, macaroon-js). A location in no known repository gets no link.
 */

interface Repository {
  /** `owner/name` on GitHub. */
  readonly repo: string
  /** The ref (tag or commit) of the tested version. */
  readonly ref: (version: string) => string
}

/** pymacaroons as both Python adapters pin it (0.13.0). */
const PYMACAROONS: Repository = { repo: 'ecordell/pymacaroons', ref: () => 'v0.13.0' }

/** Per implementation: the repository of its own files, and of the libraries its locations name by top folder. */
const UPSTREAM: Record<string, { readonly own: Repository; readonly top: string; readonly libraries?: Record<string, Repository> }> = {
  pypitoken: { own: { repo: 'ewjoachim/pypitoken', ref: (v) => v }, top: 'pypitoken', libraries: { pymacaroons: PYMACAROONS } },
  warehouse: { own: { repo: 'pypi/warehouse', ref: (v) => v }, top: 'warehouse', libraries: { pymacaroons: PYMACAROONS } },
  'detect-secrets': { own: { repo: 'Yelp/detect-secrets', ref: (v) => `v${v}` }, top: 'detect_secrets' },
  gitleaks: { own: { repo: 'gitleaks/gitleaks', ref: (v) => `v${v}` }, top: '' },
  pymacaroons: { own: PYMACAROONS, top: 'pymacaroons' },
  'macaroon-go': { own: { repo: 'go-macaroon/macaroon', ref: (v) => (v.startsWith('v') ? v : `v${v}`) }, top: '' },
  'macaroon-rs': { own: { repo: 'macaroon-rs/macaroon', ref: (v) => (v.startsWith('v') ? v : `v${v}`) }, top: '' },
  'macaroon-js': { own: { repo: 'go-macaroon-bakery/macaroon.js', ref: (v) => (v.startsWith('v') ? v : `v${v}`) }, top: '' },
}

/** Short names in prose (`_core.py:174`) and the full path they stand for in that implementation. */
const SHORT: Record<string, Record<string, string>> = {
  warehouse: {
    '_core.py': 'warehouse/macaroons/caveats/_core.py',
    '_legacy.py': 'warehouse/macaroons/caveats/_legacy.py',
    '__init__.py': 'warehouse/macaroons/caveats/__init__.py',
    'verifier.py': 'pymacaroons/verifier.py',
    'utils.py': 'pymacaroons/utils.py',
    'serializers/binary_serializer.py': 'pymacaroons/serializers/binary_serializer.py',
  },
}

/** A `path:line` or `path:first-last` location. */
export const LOCATION = /^([\w./-]+\.(?:py|go|toml|rs|js)):(\d+)(?:-(\d+))?$/

/** The GitHub address of a source location in an implementation's tested version, or null. */
export function upstreamLink(implementation: string, version: string | null, location: string): string | null {
  const up = UPSTREAM[implementation]
  const m = LOCATION.exec(location)
  if (up === undefined || version === null || m === null) return null
  const path = SHORT[implementation]?.[m[1] as string] ?? (m[1] as string)
  const top = path.split('/')[0] as string
  const repo = up.libraries?.[top] ?? (up.top === '' || top === up.top ? up.own : null)
  if (repo === null) return null
  const lines = m[3] === undefined ? `#L${m[2]}` : `#L${m[2]}-L${m[3]}`
  return `https://github.com/${repo.repo}/blob/${repo.ref(version)}/${path}${lines}`
}

/** The repository page of an implementation at its tested version, or null for one of ours. */
export function upstreamTree(implementation: string, version: string | null): string | null {
  const up = UPSTREAM[implementation]
  return up === undefined || version === null ? null : `https://github.com/${up.own.repo}/tree/${up.own.ref(version)}`
}
