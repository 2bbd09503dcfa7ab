/**
 * Files on CloudBase storage through wx-server-sdk: a photo id is accepted only when it is in this
 * environment (`cloud://<env>.<bucket>/…`), in the reporter's own upload folder, and there; views get
 * temp URLs (getTempFileURL, 10 minutes), so the bucket stays private (storage rule: creator-only).
 */
import type { Files } from '../../ports/files.port'

interface StorageApi {
  getTempFileURL(args: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList?: { fileID?: string; tempFileURL?: string; status?: number }[]
  }>
}

/** A temp URL lives this long: enough to look at a case page, too short to pass around. */
export const VIEW_URL_SECONDS = 600
/** getTempFileURL takes at most 50 ids a call. */
const BATCH = 50

/** `cloud://<env>.<bucket>/<path>` → `{ env, path }`. */
export function parseFileId(fileId: string): { env: string; path: string } | null {
  const match = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/.exec(fileId)
  return match ? { env: match[1]!, path: match[2]! } : null
}

export function cloudStorageFiles(storage: StorageApi, envId: string, uploadFolder: (openid: string) => string): Files {
  return {
    uploadFolder,
    acceptable: async (fileId, openid) => {
      const parsed = parseFileId(fileId)
      const folder = `${uploadFolder(openid)}/`
      if (!parsed || parsed.env !== envId || !parsed.path.startsWith(folder)) return false
      if (!/^[\w-]+(\.\w+)?$/.test(parsed.path.slice(folder.length))) return false
      // And it is there: a temp URL is only given for a file the bucket holds.
      const reply = await storage.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] })
      const file = reply.fileList?.[0]
      return Boolean(file?.tempFileURL) && !file?.status
    },
    viewUrls: async (fileIds) => {
      const out: Record<string, string> = {}
      for (let i = 0; i < fileIds.length; i += BATCH) {
        const fileList = fileIds.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge: VIEW_URL_SECONDS }))
        const reply = await storage.getTempFileURL({ fileList })
        for (const file of reply.fileList ?? []) {
          if (file.fileID && file.tempFileURL && !file.status) out[file.fileID] = file.tempFileURL
        }
      }
      return out
    },
  }
}
