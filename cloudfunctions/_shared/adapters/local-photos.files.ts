/**
 * Files for the local host: photos are DATA_DIR/files/<name> with ids `local:<name>`; beside each, a
 * `<name>.folder` file records the upload folder (the uploader's keyed tag) it was received into.
 * Views are the host's own `/files/<name>` URLs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Files } from '../ports/files.port'

const LOCAL_ID = /^local:([0-9a-f]{32}\.(?:jpg|png|webp|gif))$/

export function localPhotoFiles(dataDir: string, uploadFolder: (openid: string) => string): Files {
  const folderOf = (name: string) => {
    const file = join(dataDir, 'files', `${name}.folder`)
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null
  }
  const viewUrls = async (fileIds: string[]) => {
    const out: Record<string, string> = {}
    for (const id of fileIds) {
      const name = LOCAL_ID.exec(id)?.[1]
      if (name && existsSync(join(dataDir, 'files', name))) out[id] = `/files/${name}`
    }
    return out
  }
  return {
    uploadFolder,
    acceptable: async (fileId, openid) => {
      const name = LOCAL_ID.exec(fileId)?.[1]
      return name !== undefined && existsSync(join(dataDir, 'files', name)) && folderOf(name) === uploadFolder(openid)
    },
    viewUrls,
    // Only the production check downloads a photo; locally nothing checks images (local-stand-ins.ts noMediaCheck).
    checkUrls: viewUrls,
  }
}
