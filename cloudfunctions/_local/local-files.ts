/**
 * The local stand-in for cloud storage: photos are uploaded as a raw body to `POST /files` and kept
 * under DATA_DIR/files; `GET /files/<name>` serves them back. Ids look like `local:<name>`.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'

/** The same limits the mini-program applies before uploading. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
const TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
}
const EXT_TYPES = Object.fromEntries(Object.entries(TYPES).map(([type, ext]) => [ext, type]))

type Reply = (status: number, body: unknown) => void

export function receivePhoto(dataDir: string, req: IncomingMessage, reply: Reply): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
  const ext = TYPES[type]
  if (!ext) {
    req.resume()
    return reply(415, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG、WEBP 或 GIF 图片' } })
  }
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= PHOTO_MAX_BYTES) chunks.push(chunk)
    else if (size > 2 * PHOTO_MAX_BYTES) req.destroy()
  })
  req.on('end', () => {
    if (size > PHOTO_MAX_BYTES) {
      return reply(413, { ok: false, error: { code: 'INVALID_INPUT', message: '图片不能超过 5 MB' } })
    }
    if (size === 0) return reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: '图片是空的，请重新选择' } })
    const dir = join(dataDir, 'files')
    mkdirSync(dir, { recursive: true })
    const name = `${randomUUID().replace(/-/g, '')}.${ext}`
    writeFileSync(join(dir, name), Buffer.concat(chunks))
    reply(200, { ok: true, data: { fileId: `local:${name}`, url: `/files/${name}` } })
  })
}

export function servePhoto(dataDir: string, name: string, res: ServerResponse): boolean {
  const match = /^([0-9a-f]{32})\.(jpg|png|webp|gif)$/.exec(name)
  if (!match) return false
  const file = join(dataDir, 'files', name)
  if (!existsSync(file)) return false
  res.writeHead(200, { 'content-type': EXT_TYPES[match[2]!] ?? 'application/octet-stream', 'cache-control': 'private, max-age=86400' })
  createReadStream(file).pipe(res)
  return true
}
