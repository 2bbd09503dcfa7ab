/**
 * Storage as the host process drives it, without HTTP: it stands in for the mini-program's
 * wx.cloud.uploadFile (a file with an owner) and lets tests read back what a function stored.
 * The file operations answer promises (they touch the disk); tempUrl is a computation.
 */
import { cloudPathOf, fileIdOf } from './file-id'
import type { StorageService } from './storage.service'

export interface StoredFile {
  bytes: Buffer
  contentType: string
  size: number
  cloudPath: string
  ownerOpenid?: string
  /** Emulated-clock ms. */
  uploadedAt: number
}

export interface StorageAdmin {
  /** Stores a file as the mini-program's upload would; an existing cloudPath is replaced. */
  putFile(file: { cloudPath: string; bytes: Buffer | Uint8Array; contentType?: string; ownerOpenid?: string }): Promise<{ fileID: string }>
  /** The stored file, or null when there is none. */
  readFile(fileID: string): Promise<StoredFile | null>
  /** The stored bytes at a cloud path, or null. */
  readPath(cloudPath: string): Promise<Buffer | null>
  deleteFile(fileID: string): Promise<boolean>
  /** A temp URL for the file, valid `maxAgeSeconds` (at most a day) by the emulated clock; throws if no such file. */
  tempUrl(fileID: string, maxAgeSeconds: number): string
  /** The file id of a cloud path in this environment. */
  fileIdOf(cloudPath: string): string
  /** The cloud path a file id of this environment names, or null. */
  cloudPathOf(fileID: string): string | null
  /** The bucket the file ids name: `<hex>-<envId>-<appid>`. */
  bucket: string
}

export function storageAdmin(service: StorageService, envId: string): StorageAdmin {
  const readFile = async (fileID: string): Promise<StoredFile | null> => {
    const file = service.readFile(fileID)
    return file ? { bytes: file.bytes, ...file.meta } : null
  }
  return {
    putFile: async ({ cloudPath, bytes, contentType, ownerOpenid }) => ({
      fileID: service.putFile(cloudPath, Buffer.from(bytes), contentType, ownerOpenid),
    }),
    readFile,
    readPath: async (cloudPath) => (await readFile(fileIdOf(envId, cloudPath)))?.bytes ?? null,
    deleteFile: async (fileID) => service.deleteFile(fileID),
    tempUrl: (fileID, maxAgeSeconds) => service.tempUrl(fileID, maxAgeSeconds),
    fileIdOf: (cloudPath) => fileIdOf(envId, cloudPath),
    cloudPathOf: (fileID) => cloudPathOf(envId, fileID),
    bucket: service.bucket,
  }
}
