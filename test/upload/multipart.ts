/** A strict multipart/form-data reader (RFC 7578) for the local test index: whole body in, fields out. */

export interface Part {
  readonly name: string
  readonly filename: string | null
  readonly data: Buffer
}

export class FormError extends Error {
  override readonly name = 'FormError'
}

/** The boundary parameter of a `multipart/form-data` Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (contentType === undefined) return null
  const [type, ...params] = contentType.split(';')
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return null
  for (const param of params) {
    const eq = param.indexOf('=')
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue
    const value = param.slice(eq + 1).trim()
    const unquoted = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value
    return unquoted === '' ? null : unquoted
  }
  return null
}

/** A Content-Disposition parameter, quoted (with backslash escapes) or bare. */
function param(disposition: string, key: string): string | null {
  const re = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i')
  const m = re.exec(disposition)
  if (m === null) return null
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? null)
}

/** Splits `body` into its parts; throws FormError when it is not well-formed. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const next = Buffer.from(`\r\n--${boundary}`)
  let pos = body.indexOf(delimiter)
  if (pos !== 0 && (pos < 0 || body.subarray(pos - 2, pos).toString('latin1') !== '\r\n')) throw new FormError('no opening boundary')
  pos += delimiter.length
  const parts: Part[] = []
  for (;;) {
    const after = body.subarray(pos, pos + 2).toString('latin1')
    if (after === '--') return parts
    if (after !== '\r\n') throw new FormError('boundary not followed by CRLF')
    const headersEnd = body.indexOf('\r\n\r\n', pos + 2)
    if (headersEnd < 0) throw new FormError('part headers never end')
    const headers = body.subarray(pos + 2, headersEnd).toString('utf8').split('\r\n')
    const disposition = headers.find((h) => h.toLowerCase().startsWith('content-disposition:'))
    if (disposition === undefined) throw new FormError('part without Content-Disposition')
    const name = param(disposition, 'name')
    if (name === null) throw new FormError('part without a name')
    const end = body.indexOf(next, headersEnd + 4)
    if (end < 0) throw new FormError(`part ${JSON.stringify(name)} is not closed by a boundary (truncated body?)`)
    parts.push({ name, filename: param(disposition, 'filename'), data: body.subarray(headersEnd + 4, end) })
    pos = end + next.length
  }
}
