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
import { announcedLength, readBody } from './request-body'
import type { UploadQuota } from './upload-quota'

/**
 * What an uploaded file is, read from its first bytes (the formats' magic numbers), never from the
 * Content-Type header its sender chose: a header says what the sender claims, the bytes what a
 * browser would make of it. Only the four formats the mini-program lets her pick are known.
 */
export interface ImageType {
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'
  /** The extension a stored photo is named with. */
  ext: 'jpg' | 'png' | 'webp' | 'gif'
  /** How a person calls it. */
  label: 'JPG' | 'PNG' | 'WEBP' | 'GIF'
}

const JPEG: ImageType = { mime: 'image/jpeg', ext: 'jpg', label: 'JPG' }
const PNG: ImageType = { mime: 'image/png', ext: 'png', label: 'PNG' }
const WEBP: ImageType = { mime: 'image/webp', ext: 'webp', label: 'WEBP' }
const GIF: ImageType = { mime: 'image/gif', ext: 'gif', label: 'GIF' }

export const IMAGE_TYPES: readonly ImageType[] = [JPEG, PNG, WEBP, GIF]
const startsWith = (bytes: Buffer, at: number, signature: string | number[]) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature)
  return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected)
}

/** The format the bytes are in, or null when they are none of the four. */
export function imageTypeOf(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return JPEG
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return GIF
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP') && ['VP8 ', 'VP8L', 'VP8X'].some((chunk) => startsWith(bytes, 12, chunk))) {
    return WEBP
  }
  return null
}

/**
 * The image type a Content-Type header names: one of the four; `undeclared` when it names none in
 * particular (no header, or `application/octet-stream`: a browser that could not tell); null for
 * anything else (text/html, application/pdf …), which is refused before the body is read.
 */
export function declaredImageType(header: string | undefined): ImageType | 'undeclared' | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === '' || type === 'application/octet-stream') return 'undeclared'
  // image/jpg is not registered, but some clients send it for JPEG.
  if (type === 'image/jpg') return JPEG
  return IMAGE_TYPES.find((known) => known.mime === type) ?? null
}

/** The same limits the mini-program applies before uploading. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const EXT_TYPES: Record<string, string> = Object.fromEntries(IMAGE_TYPES.map((type) => [type.ext, type.mime]))

/** A served photo's name: a random hex id and its image extension. */
export const PHOTO_NAME = /^([0-9a-f]{32})\.(jpg|png|webp|gif)$/

export interface ReceivedPhoto {
  /** `<random>.<ext>`, the name it is served by; the extension is the one its bytes say. */
  name: string
  bytes: Buffer
  /** Read from the bytes (imageTypeOf), never taken from the request. */
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
    // A photo refused gives its place in the quota back.
    const refuse = (status: number, message: string, options?: { close?: boolean }) => {
      slot.release()
      reply(status, refusal('INVALID_INPUT', message), options)
    }
    if (body.kind === 'too-large') return refuse(413, '图片不能超过 5 MB', { close: true })
    if (body.kind === 'failed') return slot.release()
    const { bytes } = body
    if (bytes.length === 0) return refuse(400, '图片是空的，请重新选择')
    // What a browser would make of it is what the bytes are, whatever the header said.
    const actual = imageTypeOf(bytes)
    if (!actual) return refuse(415, `这个文件不是图片：${NOT_AN_IMAGE}`)
    if (declared !== 'undeclared' && declared.mime !== actual.mime) {
      return refuse(415, `这张图片实际是 ${actual.label} 格式，与声明的 ${declared.label} 不符，请重新选择`)
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
