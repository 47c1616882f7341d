/**
 * The token inspector in the browser: the README's token explained as the CLI explains it,
 * warnings, narrowing checked against the reference library, verification with a typed key, and
 * garbage answered with the library's reason codes.
 */
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { inspect, narrowingProblems, restrict, verify, type Restriction } from '../../src/index.js'
import { readmeExample, screenshotPath } from './helpers.js'

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i)
const KEY_HEX = Buffer.from(KEY).toString('hex')
const PROJECT = { name: 'sampleproject', normalized_name: 'sampleproject', id: '0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11' }
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
const START = 600_000

interface Browser {
  open(path: string): Promise<Page>
  readonly errors: string[]
}

/** Inspects a token at its time, then verifies it with the key for PROJECT. */
async function verifyForProject(page: Page, example: { readonly token: string; readonly now: string }): Promise<void> {
  await inspectAt(page, example.token, example.now)
  await page.fill('#verify-key', KEY_HEX)
  await page.fill('#verify-project', PROJECT.name)
  await page.fill('#verify-project-id', PROJECT.id)
  await page.click('#verify-form button[type="submit"]')
}

async function inspectAt(page: Page, token: string, now: string): Promise<void> {
  await page.fill('#now', now)
  await page.fill('#token', token)
  await page.click('#inspect-form button[type="submit"]')
}

export function inspectorChecks(browser: () => Browser): void {
  const example = readmeExample()

  it("explains the README's token as the README's `pypi-token inspect` does, and says it is offline", async () => {
    const page = await browser().open('inspector.html')
    expect(await page.textContent('#offline-note')).toContain('never sent anywhere')
    await inspectAt(page, example.token, example.now)
    const field = (name: string) => example.output.find((l) => l.startsWith(`${name} `))!.slice(name.length).trim()
    expect(await page.textContent('#part-prefix')).toBe(field('prefix'))
    expect(await page.textContent('#part-location')).toBe(field('location'))
    expect(await page.textContent('#part-identifier')).toBe(field('identifier'))
    expect(await page.textContent('#part-signature')).toBe(field('signature'))
    expect(await page.textContent('#part-caveats')).toBe(field('caveats'))
    const items = page.locator('#caveats > li')
    const cli = example.output.filter((l) => /^\[\d+\] /.test(l))
    expect(await items.count()).toBe(cli.length)
    for (const [i, line] of cli.entries()) {
      const [, slug, raw] = /^\[\d+\] (\S+)\s+(.*)$/.exec(line)!
      const explanation = example.output[example.output.indexOf(line) + 1]
      expect(await items.nth(i).locator('.slug').textContent()).toBe(slug)
      expect(await items.nth(i).locator('code').textContent()).toBe(raw)
      expect(await items.nth(i).locator('.explanation').textContent()).toBe(explanation)
    }
    await page.screenshot({ path: screenshotPath('inspector.png'), fullPage: true })
    await page.close()
  }, START)

  it('warns when the token is expired, not yet valid, or can never be valid', async () => {
    const page = await browser().open('inspector.html')
    await inspectAt(page, example.token, '2023-11-15T00:00:00Z')
    expect(await page.textContent('#warning-expired')).toContain('Expired')
    await inspectAt(page, example.token, '2023-11-14T22:00:00Z')
    expect(await page.textContent('#warning-not-yet')).toContain('Not valid yet')
    const never = restrict(example.token, [{ type: 'expiration', not_before: 1700001000, expires_at: 1700002000 }])
    if (!never.ok) throw new Error(never.message)
    await inspectAt(page, never.token, example.now)
    expect(await page.textContent('#warning-never')).toContain('Can never be valid')
    expect(await page.locator('#warning-expired, #warning-not-yet').count()).toBe(0)
    await page.close()
  }, START)

  it('narrows the token to a token the reference library produces and verifies, and copies it', async () => {
    const now = 1700000100 // inside the README token's window
    const page = await browser().open('inspector.html')
    await inspectAt(page, example.token, iso(now))
    await page.fill('#restrict-project', 'sampleproject')
    await page.fill('#restrict-expires-in', '10m')
    await page.click('#restrict-form button[type="submit"]')
    const narrowed = await page.inputValue('#restricted')
    const expected: Restriction[] = [
      { type: 'expiration', expires_at: now + 600, not_before: now - 60 },
      { type: 'project_names', names: ['sampleproject'] },
    ]
    expect(narrowed).toBe((restrict(example.token, expected) as { token: string }).token)
    expect(inspect(narrowed).ok && inspect(narrowed)).toMatchObject({ token: { caveats: { length: 4 } } })
    expect(verify(narrowed, KEY, { now: now + 599, project: PROJECT }).valid).toBe(true)
    expect(verify(narrowed, KEY, { now: now + 600, project: PROJECT })).toMatchObject({ valid: false, reason: 'CAVEAT_NOT_SATISFIED', failures: [{ index: 2 }] })
    expect(verify(example.token, KEY, { now: now + 600, project: PROJECT }).valid).toBe(true)
    await page.click('#copy-button')
    await expect.poll(() => page.textContent('#copy-status')).toMatch(/Copied\.|Select the token/)
    await page.close()
  }, START)

  it('verifies with a typed key, and says which caveat fails for another project', async () => {
    const page = await browser().open('inspector.html')
    await verifyForProject(page, example)
    expect(await page.textContent('#verify-output')).toContain('Valid at 2023-11-14T22:20:00Z')
    await page.fill('#verify-project', 'other-project')
    await page.click('#verify-form button[type="submit"]')
    const other = verify(example.token, KEY, { now: 1700000400, project: { ...PROJECT, name: 'other-project', normalized_name: 'other-project' } })
    expect(await page.textContent('#verify-invalid')).toBe(`Invalid: ${other.reason}`)
    expect(await page.textContent('#verify-output')).toContain(`caveat ${other.failures[0]!.index}: ${other.failures[0]!.reason}`)
    expect(await page.textContent('main')).toContain('belongs on no page you do not control')
    await page.close()
  }, START)

  it('answers anything else pasted with the reason code the library gives, and no console error', async () => {
    const page = await browser().open('inspector.html')
    const errorsBefore = browser().errors.length
    for (const garbage of ['hello', 'pypi-!!!!', 'pypi-AAAA', `pypi-${'A'.repeat(70_000)}`, 'pypi-AgEI\u0000', example.token.slice(0, -3)]) {
      await inspectAt(page, garbage, example.now)
      const r = inspect(garbage, { now: 1700000400 })
      if (r.ok) throw new Error(`expected ${JSON.stringify(garbage.slice(0, 20))} to be refused`)
      expect(await page.textContent('#inspect-error')).toBe(`Not a token: ${r.reason}: ${r.message}`)
    }
    expect(browser().errors.slice(errorsBefore)).toEqual([])
    await page.close()
  }, START)

  it('clears restrict and verify results when the token, the time or the key changes, and asks for a token when there is none', async () => {
    const page = await browser().open('inspector.html')
    await verifyForProject(page, example)
    expect(await page.textContent('#verify-output')).toContain('Valid at')
    await page.fill('#restrict-expires-in', '10m')
    await page.click('#restrict-form button[type="submit"]')
    expect(await page.locator('#restricted').count()).toBe(1)
    const tampered = `${example.token.slice(0, -4)}AAAA`
    await page.fill('#token', tampered)
    expect(await page.textContent('#verify-output')).toBe('')
    expect(await page.textContent('#restrict-output')).toBe('')
    await page.click('#verify-form button[type="submit"]')
    expect(await page.textContent('#verify-output')).toContain('Invalid')
    await page.fill('#verify-key', KEY_HEX.replace('00', '01'))
    expect(await page.textContent('#verify-output')).toBe('')
    await page.click('#verify-form button[type="submit"]')
    await page.fill('#now', '2023-11-14T22:21:00Z')
    expect(await page.textContent('#verify-output')).toBe('')
    await page.fill('#token', '')
    expect(await page.textContent('#inspect-empty')).toContain('Paste a token')
    await page.click('#verify-form button[type="submit"]')
    expect(await page.textContent('#verify-error')).toContain('Paste a token')
    await page.close()
  }, START)

  it('warns, as pypi-token restrict does, when a restriction leaves the token unusable', async () => {
    const page = await browser().open('inspector.html')
    const scoped = { token: example.token }
    await inspectAt(page, scoped.token, example.now)
    await page.fill('#restrict-project', 'other-project')
    await page.click('#restrict-form button[type="submit"]')
    const info = inspect(scoped.token)
    if (!info.ok) throw new Error(info.message)
    const [problem] = narrowingProblems(info.token.caveats.map((c) => c.restriction), [{ type: 'project_names', names: ['other-project'] }], 1700000400)
    expect(problem?.kind).toBe('never-valid')
    expect(await page.textContent('#restrict-warning')).toContain(problem!.message)
    await page.fill('#restrict-project', PROJECT.name)
    expect(await page.locator('#restrict-warning').count()).toBe(0)
    await page.click('#restrict-form button[type="submit"]')
    expect(await page.locator('#restrict-warning').count()).toBe(0)
    await page.close()
  }, START)

  it('enforces that nothing leaves the page with a Content-Security-Policy (connect-src none)', async () => {
    const page = await browser().open('inspector.html')
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("connect-src 'none'")
    const errorsBefore = browser().errors.length
    const refused = await page.evaluate(`fetch('https://index.example/upload', { method: 'POST', body: 'x' }).then(() => 'sent', (e) => 'refused: ' + e.message)`)
    expect(refused).toMatch(/^refused/)
    // The browser reports the refusal on the console, naming the policy; that is the only error here.
    await expect.poll(() => browser().errors.length).toBeGreaterThan(errorsBefore)
    const reported = browser().errors.splice(errorsBefore)
    for (const e of reported) expect(e).toMatch(/Content Security Policy|connect-src/)
    // The inspector still works under its policy.
    await inspectAt(page, example.token, example.now)
    expect(await page.textContent('#part-prefix')).toBe('pypi')
    await page.close()
  }, START)
}
