/**
 * @module The vector browser's filters (runs in the page). The table is complete without this
 * script; the script shows the filter form, hides the rows that do not match, and keeps the
 * filter in the address (`?flag=DuplicateKey&spec=JSON-5&q=surrogate`) so that it can be linked.
 */

const FIELDS = ['file', 'op', 'result', 'reason', 'flag', 'spec', 'impl', 'verdict', 'outcome', 'class', 'disagree', 'q'] as const
type Field = (typeof FIELDS)[number]
type Filter = Record<Field, string>

function readFilter(form: HTMLFormElement): Filter {
  const data = new FormData(form)
  return Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Filter
}

function matches(row: HTMLTableRowElement, f: Filter): boolean {
  const d = row.dataset
  if (f.file !== '' && d.file !== f.file) return false
  if (f.op !== '' && d.op !== f.op) return false
  if (f.result !== '' && d.result !== f.result) return false
  if (f.reason !== '' && d.reason !== f.reason) return false
  if (f.flag !== '' && !(d.flags ?? '').split(' ').includes(f.flag)) return false
  if (f.spec !== '' && !(d.spec ?? '').split(' ').includes(f.spec)) return false
  if (f.disagree !== '' && d.disagree === undefined) return false
  if (!matchesImplementation(d, f)) return false
  if (f.q !== '' && !(row.textContent ?? '').toLowerCase().includes(f.q.toLowerCase())) return false
  return true
}

/**
 * The implementation filters (`data-impls="name:verdict:outcome:class …"`): with an
 * implementation, its verdict-level outcome, reason-level outcome and xfail class must match;
 * without one, some implementation's must.
 */
function matchesImplementation(d: DOMStringMap, f: Filter): boolean {
  if (f.impl === '' && f.verdict === '' && f.outcome === '' && f.class === '') return true
  const results = (d.impls ?? '').split(' ').filter((x) => x !== '').map((x) => x.split(':') as [string, string, string, string])
  const candidates = f.impl === '' ? results : results.filter(([name]) => name === f.impl)
  return candidates.some(([, verdict, outcome, cls]) => (f.verdict === '' || verdict === f.verdict) && (f.outcome === '' || outcome === f.outcome) && (f.class === '' || cls === f.class))
}

function apply(form: HTMLFormElement, rows: HTMLTableRowElement[], status: HTMLElement, updateAddress: boolean): void {
  const filter = readFilter(form)
  let shown = 0
  for (const row of rows) {
    const show = matches(row, filter)
    row.hidden = !show
    if (show) shown++
  }
  status.textContent = `Showing ${shown} of ${rows.length} vectors.`
  if (updateAddress) {
    const params = new URLSearchParams()
    for (const f of FIELDS) if (filter[f] !== '') params.set(f, filter[f])
    const query = params.toString()
    history.replaceState(null, '', `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`)
  }
}

function start(): void {
  const form = document.getElementById('filters') as HTMLFormElement | null
  const table = document.getElementById('vector-table') as HTMLTableElement | null
  const status = document.getElementById('filter-status')
  if (form === null || table === null || status === null) return
  const rows = [...table.tBodies[0]!.rows]
  const params = new URLSearchParams(location.search)
  for (const f of FIELDS) {
    const value = params.get(f)
    const control = form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null
    if (value === null || control === null) continue
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value !== ''
      continue
    }
    if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === value)) control.add(new Option(value, value))
    control.value = value
  }
  form.hidden = false
  form.addEventListener('input', () => apply(form, rows, status, true))
  form.addEventListener('change', () => apply(form, rows, status, true))
  form.addEventListener('submit', (e) => e.preventDefault())
  form.addEventListener('reset', () => setTimeout(() => apply(form, rows, status, true), 0))
  apply(form, rows, status, false)
  // A permalink to a row (vectors/index.html#<id>) keeps working when a filter would hide it.
  const target = location.hash === '' ? null : document.getElementById(decodeURIComponent(location.hash.slice(1)))
  if (target instanceof HTMLTableRowElement && target.hidden) target.hidden = false
}

start()
