/**
 * npm run docs:serve: serves site/ (or --dir DIR) on 127.0.0.1 for a preview. Static files only;
 * GET and HEAD; nothing outside the directory. --port N (default 8000; 0 picks a free port).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' } } })
const dir = resolve(values.dir ?? join(root, 'site'))
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`docs:serve: ${dir} has no index.html; run npm run docs first`)
  process.exit(2)
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end()
  let path: string
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
  } catch {
    return void res.writeHead(400).end('bad request\n')
  }
  let file = normalize(join(dir, path))
  if (file !== dir && !file.startsWith(dir + sep)) return void res.writeHead(403).end('forbidden\n')
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
  if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
})
server.listen(Number(values.port ?? 8000), '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : values.port
  console.log(`serving ${dir} at http://127.0.0.1:${port}/ (Ctrl-C stops)`)
})
