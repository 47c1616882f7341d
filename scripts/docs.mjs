// npm run docs: bundles scripts/build-site.ts with esbuild into tmp/ and runs it with plain node.
// tsx would transform every module at start-up, which costs more than the build itself; the site
// must build in 5 s or less. The bundle sits at the same depth as scripts/, so the build script
// finds the repository root the same way. Arguments pass through (--out DIR, --reports DIR).
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(root, 'tmp', 'build-site.mjs')
await build({ entryPoints: [join(root, 'scripts', 'build-site.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' })
await import(pathToFileURL(outfile).href)
