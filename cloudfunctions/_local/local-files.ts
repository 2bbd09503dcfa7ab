/**
 * Photo uploads for the hosts' H5 app: a photo is uploaded as a raw body to `POST /files` and served
 * back by `GET /files/<name>`. Where it is kept is the host's: the local host keeps it under
 * DATA_DIR/files (ids `local:<name>`), the production path in the emulated cloud storage.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Reply } from './host-backend'

/** The same limits the mini-program applies before uploading. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
const TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
}
export const EXT_TYPES = Object.fromEntries(Object.entries(TYPES).map(([type, ext]) => [ext, type]))

/** A served photo's name: a random hex id and its image extension. */
export const PHOTO_NAME = /^([0-9a-f]{32})\.(jpg|png|webp|gif)$/

export interface ReceivedPhoto {
  /** `<random>.<ext>`, the name it is served by. */
  name: string
  bytes: Buffer
  contentType: string
}

/** Reads an uploaded photo within the limits, hands it to `keep`, and answers its `{ fileId, url }`. */
export function receivePhoto(
  req: IncomingMessage,
  reply: Reply,
  keep: (photo: ReceivedPhoto) => Promise<{ fileId: string; url: string }>,
): void {
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
    const name = `${randomUUID().replace(/-/g, '')}.${ext}`
    keep({ name, bytes: Buffer.concat(chunks), contentType: type }).then(
      (kept) => reply(200, { ok: true, data: kept }),
      () => reply(500, { ok: false, error: { code: 'INTERNAL', message: '图片保存失败，请稍后再试' } }),
    )
  })
}

/**
 * The local host keeps photos as files in DATA_DIR/files, each with the upload folder it was received
 * into beside it (`<name>.folder`: the uploader's keyed tag, read by adapters/local-photos.files.ts).
 */
export function keepLocally(dataDir: string, uploadFolder: string) {
  return async (photo: ReceivedPhoto): Promise<{ fileId: string; url: string }> => {
    const dir = join(dataDir, 'files')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, photo.name), photo.bytes)
    writeFileSync(join(dir, `${photo.name}.folder`), uploadFolder)
    return { fileId: `local:${photo.name}`, url: `/files/${photo.name}` }
  }
}

export function servePhoto(dataDir: string, name: string, res: ServerResponse): boolean {
  const match = PHOTO_NAME.exec(name)
  if (!match) return false
  const file = join(dataDir, 'files', name)
  if (!existsSync(file)) return false
  res.writeHead(200, { 'content-type': EXT_TYPES[match[2]!] ?? 'application/octet-stream', 'cache-control': 'private, max-age=86400' })
  createReadStream(file).pipe(res)
  return true
}
