/**
 * npm run docs: builds the static site into site/ (or --out DIR) from spec/, schemas/, vectors/
 * and the latest reports in reports/ (or --reports DIR). Prints what it wrote, its size without
 * the vector pages, and how long the process took (measured here, never asserted by a test).
 */
import { parseArgs } from 'node:util'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSite } from '../src/site/build.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, reports: { type: 'string' } } })
  const out = resolve(values.out ?? join(root, 'site'))
  const result = await buildSite({ root, out, ...(values.reports === undefined ? {} : { reportsDir: resolve(values.reports) }) })
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`
  console.log(`site: ${result.files} files, ${kb(result.bytes)} (${kb(result.bytesWithoutVectors)} without vector data: the vector pages and ${kb(result.vectorLinkBytes)} of links to them) in ${out}`)
  // performance.now() counts from the start of the process: node's start-up and scripts/docs.mjs's bundling included.
  console.log(`built in ${(performance.now() / 1000).toFixed(2)} s; open ${join(out, 'index.html')} or run npm run docs:serve`)
} catch (err) {
  console.error(`docs: ${(err as Error).message}`)
  process.exitCode = 1
}
