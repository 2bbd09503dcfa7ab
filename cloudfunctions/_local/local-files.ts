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
import { declaredImageType, IMAGE_TYPES, imageTypeOf } from './image-type'
import { announcedLength, readBody } from './request-body'
import type { UploadQuota } from './upload-quota'

/** The same limits the mini-program applies before uploading. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const EXT_TYPES: Record<string, string> = Object.fromEntries(IMAGE_TYPES.map((type) => [type.ext, type.mime]))

/** A served photo's name: a random hex id and its image extension. */
export const PHOTO_NAME = /^([0-9a-f]{32})\.(jpg|png|webp|gif)$/

export interface ReceivedPhoto {
  /** `<random>.<ext>`, the name it is served by; the extension is the one its bytes say. */
  name: string
  bytes: Buffer
  /** Read from the bytes (image-type.ts), never taken from the request. */
  contentType: string
}

export interface PhotoUpload {
  req: IncomingMessage
  /** Whose upload it is: the quota is hers. */
  openid: string
  quota: UploadQuota
  reply: Reply
  /** Keeps the photo where the host keeps photos; answers what the app is given. */
  keep: (photo: ReceivedPhoto) => Promise<{ fileId: string; url: string }>
}

const refusal = (code: 'INVALID_INPUT' | 'RATE_LIMITED', message: string) => ({ ok: false, error: { code, message } })
const NOT_AN_IMAGE = '只能上传 JPG、PNG、WEBP 或 GIF 图片'

/**
 * Reads an uploaded photo within the limits, checks what its bytes are, hands it to `keep`, and answers
 * its `{ fileId, url }`. What can be refused before the body is read (a declared type that is no image,
 * an announced size over the limit, a spent quota) is, with the connection closed after the answer.
 */
export function receivePhoto({ req, openid, quota, reply, keep }: PhotoUpload): void {
  const declared = declaredImageType(req.headers['content-type'])
  if (declared === null) return reply(415, refusal('INVALID_INPUT', NOT_AN_IMAGE), { close: true })
  const announced = announcedLength(req)
  if (announced !== null && announced > PHOTO_MAX_BYTES) {
    return reply(413, refusal('INVALID_INPUT', '图片不能超过 5 MB'), { close: true })
  }
  const admitted = quota.admit(openid, announced ?? 0)
  if (!admitted.ok) {
    const minutes = Math.ceil(admitted.retryAfterMs / 60_000)
    return reply(429, refusal('RATE_LIMITED', `一小时内上传的照片太多了，请 ${minutes} 分钟后再试`), { close: true })
  }
  const { slot } = admitted

  void readBody(req, PHOTO_MAX_BYTES).then(async (body) => {
    if (body.kind !== 'read') {
      slot.release()
      if (body.kind === 'too-large') reply(413, refusal('INVALID_INPUT', '图片不能超过 5 MB'), { close: true })
      return
    }
    const { bytes } = body
    if (bytes.length === 0) {
      slot.release()
      return reply(400, refusal('INVALID_INPUT', '图片是空的，请重新选择'))
    }
    // What a browser would make of it is what the bytes are, whatever the header said.
    const actual = imageTypeOf(bytes)
    if (!actual) {
      slot.release()
      return reply(415, refusal('INVALID_INPUT', `这个文件不是图片：${NOT_AN_IMAGE}`))
    }
    if (declared !== 'undeclared' && declared.mime !== actual.mime) {
      slot.release()
      return reply(415, refusal('INVALID_INPUT', `这张图片实际是 ${actual.label} 格式，与声明的 ${declared.label} 不符，请重新选择`))
    }
    try {
      const kept = await keep({ name: `${randomUUID().replace(/-/g, '')}.${actual.ext}`, bytes, contentType: actual.mime })
      slot.commit(bytes.length)
      reply(200, { ok: true, data: kept })
    } catch {
      slot.release()
      reply(500, { ok: false, error: { code: 'INTERNAL', message: '图片保存失败，请稍后再试' } })
    }
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
  res.writeHead(200, {
    'content-type': EXT_TYPES[match[2]!] ?? 'application/octet-stream',
    'cache-control': 'private, max-age=86400',
    // Shown as the image it is named as, never sniffed into something else (a page, a script), and
    // saved under its own name if she keeps it.
    'x-content-type-options': 'nosniff',
    'content-disposition': `inline; filename="${name}"`,
  })
  createReadStream(file).pipe(res)
  return true
}
