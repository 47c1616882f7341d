/**
 * npm test's first step: `npm run build` (dist/, which the CLI and harness tests run) and
 * `npm run typecheck` side by side. Each is one single-threaded tsc; neither reads the other's
 * output (the typecheck reads src/, not dist/), so on two cores they take the time of the longer.
 * Each one's output is printed when it ends, whole; the status is 1 when either fails.
 */
import { spawn } from 'node:child_process'

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', (err) => resolve({ script, status: 1, out: String(err) }))
    child.on('close', (status) => resolve({ script, status: status ?? 1, out }))
  })

const results = await Promise.all([run('build'), run('typecheck')])
for (const r of results) {
  if (r.out !== '') process.stdout.write(r.out)
  if (r.status !== 0) console.error(`npm test: npm run ${r.script} failed (status ${r.status})`)
}
process.exitCode = results.some((r) => r.status !== 0) ? 1 : 0
