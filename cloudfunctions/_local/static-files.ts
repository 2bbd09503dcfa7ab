/** Serves the built H5 app. Unknown paths get index.html (the app routes by hash anyway). */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The path as a file name, or null when it is not one: bad percent-encoding (`/%`, `/%E0%A4%A`) or a NUL. */
function decodePath(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
    return decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}

/** Serves the file at `urlPath` (or the app); false, having sent nothing, when the path is malformed. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const decoded = decodePath(urlPath)
  if (decoded === null) return false
  const candidate = normalize(join(root, decoded))
  // Never step outside the build folder, whatever the URL says.
  const inside = candidate === root || candidate.startsWith(root + sep)
  const file =
    inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 应用尚未构建：请运行 npm run build:h5')
    return true
  }
  const hashed = /\.[0-9a-f]{8}\./.test(file)
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(file).pipe(res)
  return true
}
