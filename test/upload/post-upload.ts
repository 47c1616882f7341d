/** A legacy-API upload POSTed with fetch, field by field, for the tests of the index itself. */
export interface Upload {
  name?: string
  version?: string
  /** Default '2.1'; null leaves the field out. */
  metadataVersion?: string | null
  file?: { name: string; data: Buffer }
  password?: string
  user?: string
  /** A raw Authorization header, instead of Basic user:password. */
  authorization?: string
  digest?: string
}

export async function post(url: string, u: Upload): Promise<{ status: number; statusText: string; body: string }> {
  const form = new FormData()
  form.set(':action', 'file_upload')
  if (u.metadataVersion !== null) form.set('metadata_version', u.metadataVersion ?? '2.1')
  if (u.name !== undefined) form.set('name', u.name)
  if (u.version !== undefined) form.set('version', u.version)
  if (u.digest !== undefined) form.set('sha256_digest', u.digest)
  if (u.file !== undefined) form.set('content', new Blob([u.file.data]), u.file.name)
  const headers: Record<string, string> = {}
  if (u.password !== undefined) headers.authorization = `Basic ${Buffer.from(`${u.user ?? '__token__'}:${u.password}`).toString('base64')}`
  if (u.authorization !== undefined) headers.authorization = u.authorization
  const res = await fetch(url, { method: 'POST', body: form, headers })
  return { status: res.status, statusText: res.statusText, body: await res.text() }
}
