/**
 * Files on CloudBase storage through wx-server-sdk: a photo id is accepted only when it is in this
 * environment (`cloud://<env>.<bucket>/…`), in the reporter's own upload folder, and there; views get
 * temp URLs (getTempFileURL, 10 minutes), so the bucket stays private (storage rule: creator-only);
 * WeChat's image check gets one that lives an hour.
 */
import type { Files } from '../../ports/files.port'

interface StorageApi {
  getTempFileURL(args: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList?: { fileID?: string; tempFileURL?: string; status?: number }[]
  }>
}

/** A temp URL lives this long: enough to look at a case page, too short to pass around. */
export const VIEW_URL_SECONDS = 600
/**
 * What WeChat's image check gets: it downloads the photo some time before its verdict, which comes
 * within 30 minutes of the request (the mediaCheckAsync docs); twice that, so a slow check still finds it.
 */
export const CHECK_URL_SECONDS = 3600
/** getTempFileURL takes at most 50 ids a call. */
const BATCH = 50

/** `cloud://<env>.<bucket>/<path>` → `{ env, path }`. */
export function parseFileId(fileId: string): { env: string; path: string } | null {
  const match = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/.exec(fileId)
  return match ? { env: match[1]!, path: match[2]! } : null
}

export function cloudStorageFiles(storage: StorageApi, envId: string, uploadFolder: (openid: string) => string): Files {
  const tempUrls = async (fileIds: string[], maxAge: number) => {
    const out: Record<string, string> = {}
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const fileList = fileIds.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge }))
      const reply = await storage.getTempFileURL({ fileList })
      for (const file of reply.fileList ?? []) {
        if (file.fileID && file.tempFileURL && !file.status) out[file.fileID] = file.tempFileURL
      }
    }
    return out
  }
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
    viewUrls: (fileIds) => tempUrls(fileIds, VIEW_URL_SECONDS),
    checkUrls: (fileIds) => tempUrls(fileIds, CHECK_URL_SECONDS),
  }
}
