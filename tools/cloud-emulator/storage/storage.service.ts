/**
 * The `storage.*` actions as node-sdk calls them (node_modules/@cloudbase/node-sdk/dist/storage/
 * index.js), and the decisions behind the COS-like upload and download endpoints (cos.endpoint.ts):
 *
 * - uploadFile: `storage.getUploadMetadata` answers `{ url, token, authorization, fileId, cosFileId }`,
 *   then the SDK PUTs the bytes to `url` with `authorization`, `x-cos-security-token` and
 *   `x-cos-meta-fileid`; the PUT is accepted only with exactly those, before they expire;
 * - getTempFileURL / downloadFile: `storage.batchGetDownloadUrl` answers `download_list` items
 *   `{ fileID, tempFileURL, code, maxAge }` (the fields node-sdk and wx-server-sdk read); the URL carries
 *   a signature and an expiry time checked by the GET, by the emulated clock;
 * - deleteFile: `storage.batchDeleteFile` answers `delete_list` items `{ fileID, code }`.
 *
 * Files are private: the only way to their bytes over HTTP is a temp URL.
 */
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { CloudError, CODES } from '../cloud-error'
import type { TcbRequest, TcbResponse, TcbService } from '../service.types'
import { bucketOf, checkCloudPath, cloudPathOf, fileIdOf } from './file-id'
import { ObjectStore, type StoredFileMeta } from './object.store'
import { loadSecret, UrlSigner } from './url-signer'

type Params = Record<string, unknown>

export interface StorageServiceOptions {
  /** Where the files and the signing secret live. */
  dir: string
  envId: string
  now: () => number
  /** The emulator's own URL (http://127.0.0.1:port), known once it listens. */
  baseUrl: () => string
}

/** Temp URLs: a day unless asked otherwise, and never longer (the documented maximum). */
export const DEFAULT_MAX_AGE_S = 86_400
export const MAX_MAX_AGE_S = 86_400
/** Files per getTempFileURL / deleteFile call, as documented ("一次最多取 50 个"). */
export const MAX_FILES_PER_CALL = 50
/** How long an upload authorization from getUploadMetadata stays valid. */
export const UPLOAD_LIFETIME_S = 900

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export const contentTypeOf = (cloudPath: string): string =>
  CONTENT_TYPES[cloudPath.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'

/** A path as it travels in a URL the SDK uses as is (the upload URL): each segment percent-encoded. */
const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/')

export type UploadVerdict = { ok: true; cloudPath: string } | { ok: false; status: number; code: string; message: string }
export type DownloadVerdict =
  | { ok: true; bytes: Buffer; meta: StoredFileMeta }
  | { ok: false; status: number; code: string; message: string }

export class StorageService implements TcbService {
  readonly bucket: string
  private readonly store: ObjectStore
  private readonly signer: UrlSigner

  constructor(private readonly options: StorageServiceOptions) {
    this.bucket = bucketOf(options.envId)
    this.store = new ObjectStore(join(options.dir, 'objects'))
    this.signer = new UrlSigner(loadSecret(join(options.dir, 'signing.secret')))
  }

  async handle(req: TcbRequest): Promise<TcbResponse> {
    return { kind: 'json', body: this.answer(req.action, req.params) }
  }

  answer(action: string, params: Params): Params {
    switch (action) {
      case 'storage.getUploadMetadata':
        return { data: this.uploadMetadata(checkCloudPath(params.path)) }
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: this.downloadList(params.file_list) } }
      case 'storage.batchDeleteFile':
        return { data: { delete_list: this.deleteList(params.fileid_list) } }
      default:
        throw new CloudError(CODES.INVALID_ACTION, `the emulator does not implement ${action}`)
    }
  }

  // — actions —

  private uploadMetadata(cloudPath: string) {
    const token = randomBytes(16).toString('hex')
    const cosFileId = randomBytes(18).toString('base64url')
    const start = Math.floor(this.options.now() / 1000)
    const end = start + UPLOAD_LIFETIME_S
    const signature = this.signer.sign('PUT', this.bucket, cloudPath, token, cosFileId, String(end))
    const objectUrl = `${this.options.baseUrl()}/cos/${this.bucket}/${encodePath(cloudPath)}`
    return {
      url: objectUrl,
      token,
      authorization: `q-sign-algorithm=sha256&q-sign-time=${start};${end}&q-signature=${signature}`,
      fileId: fileIdOf(this.options.envId, cloudPath),
      cosFileId,
      // Without a signature: answers 403, as the private file's plain URL does.
      download_url: objectUrl,
    }
  }

  private downloadList(fileList: unknown) {
    const items = this.list(fileList, 'file_list') as { fileid?: unknown; max_age?: unknown }[]
    return items.map((item) => {
      const fileID = item?.fileid
      const cloudPath = cloudPathOf(this.options.envId, fileID)
      if (!cloudPath || !this.store.meta(cloudPath)) {
        return { fileID, tempFileURL: '', code: CODES.STORAGE_FILE_NONEXIST }
      }
      const maxAge = item.max_age === undefined ? DEFAULT_MAX_AGE_S : Number(item.max_age)
      if (!Number.isInteger(maxAge) || maxAge <= 0) return { fileID, tempFileURL: '', code: CODES.INVALID_PARAM }
      const capped = Math.min(maxAge, MAX_MAX_AGE_S)
      return { fileID, tempFileURL: this.tempUrlFor(cloudPath, capped), code: 'SUCCESS', maxAge: capped }
    })
  }

  private deleteList(fileIdList: unknown) {
    return this.list(fileIdList, 'fileid_list').map((fileID) => {
      const cloudPath = cloudPathOf(this.options.envId, fileID)
      const deleted = cloudPath !== null && this.store.delete(cloudPath)
      return { fileID, code: deleted ? 'SUCCESS' : CODES.STORAGE_FILE_NONEXIST }
    })
  }

  private list(value: unknown, what: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) throw new CloudError(CODES.INVALID_PARAM, `${what} must be a non-empty list`)
    if (value.length > MAX_FILES_PER_CALL) {
      throw new CloudError(CODES.INVALID_PARAM, `${what} takes at most ${MAX_FILES_PER_CALL} files per call`)
    }
    return value
  }

  /** The temp URL as CloudBase hands it out: the path unencoded (node-sdk's downloadFile encodeURI()s it). */
  private tempUrlFor(cloudPath: string, maxAgeSeconds: number): string {
    const t = Math.floor(this.options.now() / 1000) + maxAgeSeconds
    const sign = this.signer.sign('GET', this.bucket, cloudPath, String(t))
    return `${this.options.baseUrl()}/cos/${this.bucket}/${cloudPath}?sign=${sign}&t=${t}`
  }

  // — the COS-like endpoints (cos.endpoint.ts) —

  /** Checks an upload PUT against the authorization getUploadMetadata issued for that path. */
  checkUpload(bucket: string, cloudPath: string, headers: Record<string, string | undefined>): UploadVerdict {
    const denied = (message: string): UploadVerdict => ({ ok: false, status: 403, code: 'AccessDenied', message })
    if (bucket !== this.bucket) return { ok: false, status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist.' }
    const authorization = headers.authorization ?? headers.signature ?? ''
    const fields = new URLSearchParams(authorization)
    const end = Number(fields.get('q-sign-time')?.split(';')[1])
    const token = headers['x-cos-security-token'] ?? ''
    const cosFileId = headers['x-cos-meta-fileid'] ?? ''
    if (!authorization || !Number.isInteger(end)) return denied('Missing or malformed Authorization.')
    if (!this.signer.verify(fields.get('q-signature'), 'PUT', bucket, cloudPath, token, cosFileId, String(end))) {
      return { ok: false, status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature does not match.' }
    }
    if (this.options.now() > end * 1000) return denied('Request has expired.')
    return { ok: true, cloudPath }
  }

  acceptUpload(cloudPath: string, bytes: Buffer, contentType: string | undefined): void {
    this.store.put(bytes, {
      cloudPath,
      contentType: contentType && contentType !== 'application/octet-stream' ? contentType : contentTypeOf(cloudPath),
      size: bytes.length,
      uploadedAt: this.options.now(),
    })
  }

  /** Checks a GET of a temp URL: its signature, then its expiry by the emulated clock, then the file. */
  checkDownload(bucket: string, cloudPath: string, query: URLSearchParams): DownloadVerdict {
    const denied = (message: string): DownloadVerdict => ({ ok: false, status: 403, code: 'AccessDenied', message })
    if (bucket !== this.bucket) return { ok: false, status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist.' }
    const t = query.get('t') ?? ''
    if (!query.get('sign') || !/^\d+$/.test(t)) return denied('Access denied: the file is private; use a temp URL.')
    if (!this.signer.verify(query.get('sign'), 'GET', bucket, cloudPath, t)) return denied('Access denied: invalid sign.')
    if (this.options.now() > Number(t) * 1000) return denied('Access denied: the temp URL has expired.')
    const file = this.store.read(cloudPath)
    if (!file) return { ok: false, status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' }
    return { ok: true, ...file }
  }

  // — admin (storage.admin.ts) —

  putFile(cloudPath: string, bytes: Buffer, contentType?: string, ownerOpenid?: string): string {
    const path = checkCloudPath(cloudPath)
    this.store.put(bytes, {
      cloudPath: path,
      contentType: contentType ?? contentTypeOf(path),
      size: bytes.length,
      ...(ownerOpenid ? { ownerOpenid } : {}),
      uploadedAt: this.options.now(),
    })
    return fileIdOf(this.options.envId, path)
  }

  readFile(fileID: string): { bytes: Buffer; meta: StoredFileMeta } | null {
    const cloudPath = cloudPathOf(this.options.envId, fileID)
    return cloudPath ? this.store.read(cloudPath) : null
  }

  tempUrl(fileID: string, maxAgeSeconds: number): string {
    const cloudPath = cloudPathOf(this.options.envId, fileID)
    if (!cloudPath || !this.store.meta(cloudPath)) throw new CloudError(CODES.STORAGE_FILE_NONEXIST, `no file ${fileID}`)
    if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds <= 0) throw new CloudError(CODES.INVALID_PARAM, 'maxAgeSeconds must be a positive integer')
    return this.tempUrlFor(cloudPath, Math.min(maxAgeSeconds, MAX_MAX_AGE_S))
  }

  deleteFile(fileID: string): boolean {
    const cloudPath = cloudPathOf(this.options.envId, fileID)
    return cloudPath !== null && this.store.delete(cloudPath)
  }
}

export const etagOf = (bytes: Buffer): string => `"${createHash('md5').update(bytes).digest('hex')}"`
