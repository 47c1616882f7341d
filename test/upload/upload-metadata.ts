/**
 * The upload form's metadata checks the production index makes before it looks at the project
 * or the token's caveats, each answered with 400 (warehouse/forklift/legacy.py at 6b62157,
 * `file_upload`, lines 659-740):
 *
 * - `name`, by the upload form: required, and PEP 508's rule `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`
 *   (ASCII, any case) (forklift/forms.py lines 31-44, utils/project.py line 38);
 * - then the core metadata (`metadata.parse`, forklift/metadata.py), first error in the order
 *   metadata-version, name, version: `metadata_version` one of the supported ones;
 *   `version` required and a PEP 440 version (packaging's `Version`, which allows surrounding
 *   whitespace, a leading `v` and the alternative spellings), without a local part
 *   (metadata.py lines 115-121).
 *
 * Versions are parsed with @renovatebot/pep440, a port of packaging's version pattern; the tests
 * compare both rules with packaging itself (test/upload/upload-metadata.test.ts).
 */
import { explain } from '@renovatebot/pep440'
import { pythonStrip } from './authorization.js'

/** forklift/metadata.py line 25. */
export const SUPPORTED_METADATA_VERSIONS: readonly string[] = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5']

const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i
const SEE_CORE_METADATA = 'See the core metadata specification for more information.'
const SEE_LOCAL_VERSIONS = 'See the version specifiers specification (local version identifiers) for more information.'

/** Python's `repr()` of a str, for the messages (printable characters kept, others escaped). */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    if (ch === '\\' || ch === quote) out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || (c >= 0x7f && c < 0xa1) || c === 0xad) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return `${quote}${out}${quote}`
}

/** A long value as the form error shows it: its first and last 30 characters. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 30)}...${value.slice(-30)}` : value
}

/** Python's `str(Version(v))`, or null when `v` is not a PEP 440 version. */
export function normalVersion(version: string): string | null {
  // packaging allows surrounding whitespace (`^\s*…\s*$`); pep440's clean() would too, but it
  // writes a local part's segments joined with commas, so the string is built from explain().
  const v = explain(pythonStrip(version))
  return v === null ? null : v.local === null ? v.public : `${v.public}+${v.local}`
}

export interface UploadFields {
  readonly metadata_version: string | null
  readonly name: string | null
  readonly version: string | null
}

/** The 400 message for the first problem, or null when the name and version may be uploaded. */
export function metadataProblem(fields: UploadFields): string | null {
  const name = fields.name ?? ''
  if (name === '') return `${pythonRepr('')} is an invalid value for Name. Error: This field is required. ${SEE_CORE_METADATA}`
  if (!PROJECT_NAME.test(name)) return `${pythonRepr(shown(name))} is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. ${SEE_CORE_METADATA}`
  const mv = fields.metadata_version
  if (mv === null || !SUPPORTED_METADATA_VERSIONS.includes(mv)) return `${mv === null ? 'None' : pythonRepr(mv)} is not a valid metadata version. ${SEE_CORE_METADATA}`
  const version = fields.version ?? ''
  if (version === '') return `'version' is a required field. ${SEE_CORE_METADATA}`
  const normal = normalVersion(version)
  if (normal === null) return `${pythonRepr(version)} is invalid for 'version'. ${SEE_CORE_METADATA}`
  if (normal.includes('+')) return `The use of local versions in ${pythonRepr(normal)} is not allowed. ${SEE_LOCAL_VERSIONS}`
  return null
}
