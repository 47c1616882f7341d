/**
 * @module The token inspector (runs in the page). It calls the library's own inspect, restrict
 * and verify, bundled by esbuild; in a browser the library takes its portable paths (no Buffer,
 * no node:crypto: src/platform.ts). Nothing is sent anywhere. Every handler catches what it
 * calls, so the page shows a message rather than throwing.
 */
import { fromHex, type TextOrHex } from '../../bytes.js'
import { normalizeProjectName } from '../../caveats/normalize.js'
import { parseDuration, parseInstant } from '../../cli/time-input.js'
import type { Restriction } from '../../generated/types.js'
import { inspect, type TokenInfo } from '../../inspect.js'
import { narrowingProblems } from '../../analysis.js'
import { normalizeRestriction } from '../../caveats/restriction.js'
import { restrict } from '../../restrict.js'
import { isoTime, relative } from '../../time.js'
import { timeValidity } from '../../validity.js'
import { verify } from '../../verify.js'

/** Clock skew tolerated by the default not_before, as `pypi-token restrict` does. */
const SKEW_SECONDS = 60

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const field = (id: string) => $<HTMLInputElement | HTMLTextAreaElement>(id).value.trim()

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.append(...children)
  return e
}

const show = (v: TextOrHex | null) => (v === null ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : `hex ${v.hex}`)

function message(kind: 'error' | 'warning' | 'ok', text: string, id?: string): HTMLElement {
  return el('p', { class: `message ${kind}`, role: kind === 'ok' ? 'status' : 'alert', ...(id === undefined ? {} : { id }) }, text)
}

/** The time the user asked for, or the clock. */
function readNow(): { ok: true; now: number } | { ok: false; message: string } {
  const text = field('now')
  if (text === '') return { ok: true, now: Math.floor(Date.now() / 1000) }
  try {
    return { ok: true, now: parseInstant(text, 'time') }
  } catch (err) {
    return { ok: false, message: (err as Error).message }
  }
}

/** The pasted token: surrounding whitespace is removed, as the CLI does (the library does not, TOKEN-4). */
const readToken = () => field('token')

function renderToken(t: TokenInfo, now: number): HTMLElement {
  const parts = el(
    'dl',
    { class: 'facts', id: 'parts' },
    el('dt', {}, 'prefix'), el('dd', { id: 'part-prefix' }, t.prefix),
    el('dt', {}, 'location'), el('dd', { id: 'part-location' }, `${show(t.location)} (not signed; never checked)`),
    el('dt', {}, 'identifier'), el('dd', { id: 'part-identifier' }, show(t.identifier)),
    el('dt', {}, 'signature'), el('dd', { id: 'part-signature' }, el('code', {}, t.signature)),
    el('dt', {}, 'caveats'), el('dd', { id: 'part-caveats' }, String(t.caveats.length)),
  )
  const list = el('ol', { id: 'caveats', start: '0', class: 'caveats' })
  for (const c of t.caveats) {
    const label = c.kind === 'third-party' ? 'third-party' : (c.slug ?? (c.error?.reason === 'CAVEAT_UNKNOWN' ? 'unknown' : 'malformed'))
    list.append(el('li', { 'data-slug': label }, el('span', { class: 'slug' }, label), ' ', el('code', {}, typeof c.raw === 'string' ? c.raw : `hex ${c.raw.hex}`), el('p', { class: 'explanation' }, c.error === null ? c.explanation : `${c.error.reason}: ${c.explanation}`)))
  }
  const out = el('div', {}, parts, warnings(t, now))
  if (t.caveats.length === 0) out.append(message('warning', 'No caveats: this token can do everything its owner can. Narrow it below.'))
  out.append(list)
  return out
}

function warnings(t: TokenInfo, now: number): HTMLElement {
  const v = timeValidity(t, now)
  const box = el('div', { id: 'warnings' })
  if (v.status === 'expired') box.append(message('warning', `Expired: the token stopped being valid at ${isoTime(v.expiresAt!)}, ${relative(v.expiresAt!, now)}.`, 'warning-expired'))
  if (v.status === 'not-yet-valid') box.append(message('warning', `Not valid yet: it becomes valid at ${isoTime(v.notBefore!)}, ${relative(v.notBefore!, now)}.`, 'warning-not-yet'))
  if (v.status === 'never') box.append(message('warning', `Can never be valid: its time windows do not overlap (the latest start, ${isoTime(v.notBefore!)}, is not before the earliest end, ${isoTime(v.expiresAt!)}).`, 'warning-never'))
  if (v.rejected.length > 0) {
    box.append(message('warning', `Can never be valid: every verifier rejects ${v.rejected.map((r) => `caveat ${r.index} (${r.reason})`).join(', ')}, whatever the request.`, 'warning-rejected'))
  }
  if (v.status === 'valid') box.append(message('ok', `Within its time window at the time above: valid until ${isoTime(v.expiresAt!)} (${relative(v.expiresAt!, now)}).`))
  return box
}

function onInspect(): void {
  const out = $('inspect-output')
  const token = readToken()
  if (token === '') return void out.replaceChildren(message('warning', 'Paste a token to see its parts and caveats.', 'inspect-empty'))
  const now = readNow()
  if (!now.ok) return void out.replaceChildren(message('error', now.message, 'inspect-error'))
  const result = inspect(token, { now: now.now })
  out.replaceChildren(result.ok ? renderToken(result.token, now.now) : message('error', `Not a token: ${result.reason}: ${result.message}`, 'inspect-error'))
}

function restrictionsFromForm(now: number): Restriction[] | string {
  const out: Restriction[] = []
  const expiresIn = field('restrict-expires-in')
  const notAfter = field('restrict-not-after')
  if (expiresIn !== '' && notAfter !== '') return 'Give an expiry or an end time, not both.'
  try {
    const expiresAt = expiresIn !== '' ? now + parseDuration(expiresIn) : notAfter !== '' ? parseInstant(notAfter, 'valid until') : null
    if (expiresAt !== null) {
      if (expiresAt <= now) return `The token would already be expired (${isoTime(expiresAt)} is not after ${isoTime(now)}).`
      out.push({ type: 'expiration', expires_at: expiresAt, not_before: now - SKEW_SECONDS })
    }
  } catch (err) {
    return (err as Error).message
  }
  const project = field('restrict-project')
  if (project !== '') out.push({ type: 'project_names', names: [project] })
  if (out.length === 0) return 'Give a project or an expiry to add.'
  // Normalised as the library's restricter writes them (RESTRICT-2), as `pypi-token restrict` does.
  const normalized: Restriction[] = []
  for (const r of out) {
    const n = normalizeRestriction(r)
    if (!n.ok) return n.message
    normalized.push(n.restriction)
  }
  return normalized
}

function onRestrict(): void {
  const out = $('restrict-output')
  const now = readNow()
  if (!now.ok) return void out.replaceChildren(message('error', now.message, 'restrict-error'))
  const restrictions = restrictionsFromForm(now.now)
  if (typeof restrictions === 'string') return void out.replaceChildren(message('error', restrictions, 'restrict-error'))
  const token = readToken()
  if (token === '') return void out.replaceChildren(message('error', 'Paste a token above first.', 'restrict-error'))
  const info = inspect(token)
  if (!info.ok) return void out.replaceChildren(message('error', `Not a token: ${info.reason}: ${info.message}`, 'restrict-error'))
  const problems = narrowingProblems(info.token.caveats.map((c) => c.restriction), restrictions, now.now)
  const result = restrict(token, restrictions)
  if (!result.ok) return void out.replaceChildren(message('error', `${result.reason}: ${result.message}`, 'restrict-error'))
  const box = el('textarea', { id: 'restricted', rows: '4', readonly: '', spellcheck: 'false', 'aria-label': 'The narrowed token' }) as HTMLTextAreaElement
  box.value = result.token
  const copy = el('button', { type: 'button', id: 'copy-button' }, 'Copy the narrowed token')
  const use = el('button', { type: 'button', id: 'use-button' }, 'Inspect it')
  const status = el('p', { id: 'copy-status', role: 'status' })
  copy.addEventListener('click', () => void copyToken(box, status))
  use.addEventListener('click', () => {
    $<HTMLTextAreaElement>('token').value = result.token
    onInspect()
  })
  // The same analysis as `pypi-token restrict`, which refuses these without --force; here the token is written and the warning stays beside it.
  const warned = problems.map((p, i) => message('warning', `Warning: ${p.message}. pypi-token restrict refuses this without --force.`, i === 0 ? 'restrict-warning' : undefined))
  out.replaceChildren(...warned, message(problems.length === 0 ? 'ok' : 'warning', `Added ${restrictions.length} caveat${restrictions.length === 1 ? '' : 's'}. The narrowed token:`), box, el('p', {}, copy, ' ', use), status)
}

async function copyToken(box: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(box.value)
    status.textContent = 'Copied.'
  } catch {
    box.select()
    status.textContent = document.execCommand('copy') ? 'Copied.' : 'Select the token and copy it (the browser refused clipboard access).'
  }
}

function onVerify(): void {
  const out = $('verify-output')
  const now = readNow()
  if (!now.ok) return void out.replaceChildren(message('error', now.message, 'verify-error'))
  const key = fromHex(field('verify-key'))
  if (key === null || key.length === 0) return void out.replaceChildren(message('error', 'KEY_INVALID: the key must be a non-empty run of hexadecimal byte pairs', 'verify-error'))
  const name = field('verify-project')
  const id = field('verify-project-id')
  const user = field('verify-user')
  const context = {
    now: now.now,
    project: name === '' && id === '' ? null : { name, normalized_name: normalizeProjectName(name), id },
    user_id: user === '' ? null : user,
    oidc_publisher: null,
  }
  const token = readToken()
  if (token === '') return void out.replaceChildren(message('error', 'Paste a token above first.', 'verify-error'))
  const v = verify(token, key, context)
  if (v.valid) return void out.replaceChildren(message('ok', `Valid at ${isoTime(now.now)} for this request.`, 'verify-valid'))
  const list = el('ul', {}, ...v.failures.map((f) => el('li', {}, `${f.index === null ? 'token' : `caveat ${f.index}`}: ${f.reason}: ${f.message}`)))
  out.replaceChildren(message('error', `Invalid: ${v.reason}`, 'verify-invalid'), list)
}

/** Runs a handler; an unexpected exception becomes a message instead of escaping to the console. */
function guarded(outputId: string, handler: () => void): (e?: Event) => void {
  return (e) => {
    e?.preventDefault()
    try {
      handler()
    } catch (err) {
      $(outputId).replaceChildren(message('error', `Internal error in the inspector (please report it): ${(err as Error).message}`))
    }
  }
}

/** Results computed from other inputs are removed as soon as an input changes, so what is shown always matches the form. */
function clearResults(...ids: string[]): void {
  for (const id of ids) $(id).replaceChildren()
}

/**
 * A vector's "Open in the inspector" link carries its token, time and request in the address's
 * fragment (`#token=…&now=…&key=…`), which the browser never sends to a server.
 */
function fillFromFragment(): boolean {
  const params = new URLSearchParams(location.hash.slice(1))
  const fields: [string, string][] = [['token', 'token'], ['now', 'now'], ['key', 'verify-key'], ['project', 'verify-project'], ['project-id', 'verify-project-id'], ['user', 'verify-user']]
  for (const [param, id] of fields) {
    const value = params.get(param)
    if (value !== null) $<HTMLInputElement>(id).value = param === 'now' && /^\d+$/.test(value) ? isoTime(Number(value)) : value
  }
  return params.has('token')
}

function start(): void {
  const params = new URLSearchParams(location.search)
  $<HTMLInputElement>('now').value = params.get('now') ?? isoTime(Math.floor(Date.now() / 1000))
  $('inspect-form').addEventListener('submit', guarded('inspect-output', onInspect))
  $('token').addEventListener('input', () => clearResults('restrict-output', 'verify-output'))
  $('token').addEventListener('input', guarded('inspect-output', onInspect))
  $('now').addEventListener('input', () => clearResults('restrict-output', 'verify-output'))
  $('now').addEventListener('change', guarded('inspect-output', onInspect))
  for (const id of ['restrict-project', 'restrict-expires-in', 'restrict-not-after']) $(id).addEventListener('input', () => clearResults('restrict-output'))
  for (const id of ['verify-key', 'verify-project', 'verify-project-id', 'verify-user']) $(id).addEventListener('input', () => clearResults('verify-output'))
  $('restrict-form').addEventListener('submit', guarded('restrict-output', onRestrict))
  $('verify-form').addEventListener('submit', guarded('verify-output', onVerify))
  $('app').hidden = false
  if (fillFromFragment()) guarded('inspect-output', onInspect)()
}

start()
