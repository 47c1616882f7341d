/**
 * @module The token inspector's page. The page is static HTML; src/site/client/inspector.ts,
 * bundled with the library by esbuild, does the work in the browser: nothing leaves the page.
 */
import { html } from '../html.js'
import { page } from '../layout.js'
import { href, PAGES } from '../paths.js'
import type { SitePage } from './types.js'

export const INSPECTOR_SCRIPT = 'assets/inspector.js'

/**
 * The inspector's Content-Security-Policy: its own script and stylesheet, and nothing else; in
 * particular no connection of any kind (connect-src 'none') and no form submission, so "what you
 * paste never leaves the page" is enforced by the browser rather than promised. 'unsafe-eval':
 * the library validates caveats with ajv, which compiles each JSON Schema into a function at run
 * time; no script from elsewhere can load, so only the bundled script evaluates anything.
 */
export const INSPECTOR_CSP = "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'"

export function inspectorPage(): SitePage {
  const path = PAGES.inspector
  const body = html`<h1>Token inspector</h1>
<p class="offline" id="offline-note"><strong>Offline.</strong> Everything happens in this page, in your browser: what you paste is never sent anywhere, and the page makes no network requests (its Content-Security-Policy forbids them). It runs the same library code as <code>pypi-token inspect</code>, <code>restrict</code> and <code>verify</code>, bundled for the browser.</p>
<noscript><p class="note">The inspector needs JavaScript. Everything else on this site reads without it; on the command line, <code>pypi-token inspect</code> does the same.</p></noscript>
<div id="app" hidden>
<section aria-labelledby="inspect-heading">
<h2 id="inspect-heading">Inspect</h2>
<form id="inspect-form" autocomplete="off">
<label for="token">Token <small>(surrounding whitespace is removed, as the CLI does)</small></label>
<textarea id="token" name="token" rows="4" spellcheck="false" autocapitalize="off" placeholder="pypi-AgEI…"></textarea>
<label for="now">Time for relative times and warnings (ISO-8601 with a zone, or Unix seconds)</label>
<input id="now" name="now" type="text" spellcheck="false">
<button type="submit">Inspect</button>
</form>
<div id="inspect-output" aria-live="polite"></div>
</section>
<section aria-labelledby="restrict-heading">
<h2 id="restrict-heading">Narrow it</h2>
<p>Adds caveats to the token above; no key is needed, and the new token can only do less. An expiry window starts 60 seconds before the time above, to tolerate clock skew (as <code>pypi-token restrict</code> does).</p>
<form id="restrict-form" autocomplete="off">
<label for="restrict-project">Only for the project named</label>
<input id="restrict-project" name="project" type="text" spellcheck="false">
<label for="restrict-expires-in">Expires in (e.g. 15m, 1h30m, 2d)</label>
<input id="restrict-expires-in" name="expires-in" type="text" spellcheck="false">
<label for="restrict-not-after">or valid until (ISO-8601 with a zone, or Unix seconds)</label>
<input id="restrict-not-after" name="not-after" type="text" spellcheck="false">
<button type="submit">Restrict</button>
</form>
<div id="restrict-output" aria-live="polite"></div>
</section>
<section aria-labelledby="verify-heading">
<h2 id="verify-heading">Verify with a key</h2>
<p class="warning" role="note"><strong>Warning.</strong> A real token's key belongs on no page you do not control. This page sends nothing anywhere, but use it only with test keys, such as the examples' <code>000102…1f</code>.</p>
<form id="verify-form" autocomplete="off">
<label for="verify-key">Root key (hex)</label>
<input id="verify-key" name="key" type="password" spellcheck="false" autocomplete="off">
<label for="verify-project">Project name</label>
<input id="verify-project" name="project" type="text" spellcheck="false">
<label for="verify-project-id">Project id (lowercase UUID; needed with a project name, CTX-1)</label>
<input id="verify-project-id" name="project-id" type="text" spellcheck="false">
<label for="verify-user">User id</label>
<input id="verify-user" name="user" type="text" spellcheck="false">
<button type="submit">Verify</button>
</form>
<div id="verify-output" aria-live="polite"></div>
</section>
</div>
<p>The reason codes in messages are those of <a href="${href(path, PAGES.reasons)}">spec/reason-codes.md</a>.</p>`
  return { path, content: page({ path, title: 'Token inspector', body, section: 'inspector', scripts: [INSPECTOR_SCRIPT], csp: INSPECTOR_CSP }) }
}
