/**
 * @module The site's two scripts, bundled by esbuild for the browser: the token inspector (with
 * the library's own inspect, restrict and verify) and the vector browser's filters. One IIFE file
 * each, minified, no imports at run time and nothing loaded from elsewhere.
 */
import { build } from 'esbuild'
import { join } from 'node:path'

export interface Bundle {
  /** Site path → file content. */
  readonly files: ReadonlyMap<string, Uint8Array>
}

const ENTRIES = { inspector: 'inspector.ts', vectors: 'vectors.ts' } as const

export async function bundleScripts(root: string): Promise<Bundle> {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, 'src', 'site', 'client', file)])),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: join(root, 'assets'),
    logLevel: 'silent',
  })
  return { files: new Map(result.outputFiles.map((f) => [`assets/${f.path.split(/[\\/]/).pop()}`, f.contents])) }
}
