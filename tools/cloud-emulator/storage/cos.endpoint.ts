/**
 * The COS-like object endpoints the storage service hands out, served by the emulator's one server:
 * `PUT /cos/<bucket>/<path>` (node-sdk's uploadFile, with the headers getUploadMetadata prescribed)
 * and `GET|HEAD /cos/<bucket>/<path>?sign=…&t=…` (a temp URL, as downloadFile and getFileInfo fetch
 * it). Failures answer COS-style XML errors with 403 / 404: node-sdk's downloadFile rejects on any
 * status but 200, and its uploadFile reads the XML's Code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BodyTooLarge, readBody } from '../http/body.reader'
import { send, sendCosError } from '../http/reply.writer'
import { checkCloudPath } from './file-id'
import { etagOf, type StorageService } from './storage.service'

/** The largest upload accepted, whole in memory. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export async function serveCos(req: IncomingMessage, res: ServerResponse, url: URL, storage: StorageService, requestId: string): Promise<void> {
  const method = req.method ?? 'GET'
  const head = method === 'HEAD'
  const match = /^\/cos\/([^/]+)\/(.+)$/.exec(url.pathname)
  let cloudPath: string | null = null
  try {
    cloudPath = match ? checkCloudPath(decodeURIComponent(match[2]!)) : null
  } catch {
    cloudPath = null
  }
  if (!match || !cloudPath) {
    await drain(req)
    sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', url.pathname, requestId, head)
    return
  }
  const bucket = match[1]!
  res.setHeader('x-cos-request-id', requestId)

  if (method === 'PUT') {
    const verdict = storage.checkUpload(bucket, cloudPath, {
      authorization: header(req, 'authorization'),
      signature: header(req, 'signature'),
      'x-cos-security-token': header(req, 'x-cos-security-token'),
      'x-cos-meta-fileid': header(req, 'x-cos-meta-fileid'),
    })
    let bytes: Buffer
    try {
      bytes = await readBody(req, MAX_UPLOAD_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendCosError(res, 400, 'EntityTooLarge', error.message, url.pathname, requestId)
        req.resume()
        return
      }
      throw error
    }
    if (!verdict.ok) {
      sendCosError(res, verdict.status, verdict.code, verdict.message, url.pathname, requestId)
      return
    }
    storage.acceptUpload(cloudPath, bytes, header(req, 'content-type'))
    res.setHeader('etag', etagOf(bytes))
    send(res, 200, 'text/plain', Buffer.alloc(0))
    return
  }

  if (method === 'GET' || head) {
    await drain(req)
    const verdict = storage.checkDownload(bucket, cloudPath, url.searchParams)
    if (!verdict.ok) {
      sendCosError(res, verdict.status, verdict.code, verdict.message, url.pathname, requestId, head)
      return
    }
    res.setHeader('etag', etagOf(verdict.bytes))
    res.setHeader('last-modified', new Date(verdict.meta.uploadedAt).toUTCString())
    send(res, 200, verdict.meta.contentType, verdict.bytes, head)
    return
  }

  await drain(req)
  sendCosError(res, 405, 'MethodNotAllowed', `${method} is not allowed here.`, url.pathname, requestId)
}

/** Reads and drops whatever body came, so a keep-alive connection stays usable. */
async function drain(req: IncomingMessage): Promise<void> {
  try {
    await readBody(req, MAX_UPLOAD_BYTES)
  } catch {
    req.resume()
  }
}
