/**
 * Uploads one chosen photo, reporting progress. weapp: cloud storage (Taro.cloud.uploadFile) into the
 * folder the server gives her (intake.photoFolder: a report may name only photos from there), the id
 * is a `cloud://` file id. h5 (a host): the raw image to POST /files; the local host answers an id
 * `local:<name>`, the production path (npm run start:cloud) a `cloud://` id in its emulated storage.
 * Storage is private: a case page shows photos from the short-lived URLs the server hands out.
 */
import Taro from '@tarojs/taro'
import { getPhotoFolder } from './api/get-photo-folder'
import { currentPersona, IS_LOCAL_MODE } from './local-mode'

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

export interface UploadedPhoto {
  fileId: string
  /** What <Image src> can show. */
  url: string
}

async function uploadLocal(path: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  const blob = await (await fetch(path)).blob()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/files')
    // The host reads the type from the bytes; a browser that could not tell says so, not a guess.
    xhr.setRequestHeader('content-type', blob.type || 'application/octet-stream')
    const persona = currentPersona()
    if (persona) xhr.setRequestHeader('x-openid', persona)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      const reply = JSON.parse(xhr.responseText) as { ok: boolean; data?: UploadedPhoto; error?: { message: string } }
      if (reply.ok && reply.data) resolve(reply.data)
      else reject(new Error(reply.error?.message ?? '上传失败，请重试'))
    }
    xhr.onerror = () => reject(new Error('网络连接失败，请重试'))
    xhr.send(blob)
  })
}

/** Her upload folder, asked once per app run. */
let folder: Promise<string> | null = null

async function uploadToCloud(path: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  folder ??= getPhotoFolder().then(
    (answer) => answer.folder,
    (error: unknown) => {
      folder = null
      throw error
    },
  )
  const into = await folder
  return new Promise((resolve, reject) => {
    const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg'
    const task = Taro.cloud.uploadFile({
      cloudPath: `${into}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
      filePath: path,
      success: (result) => resolve({ fileId: result.fileID, url: result.fileID }),
      fail: () => reject(new Error('上传失败，请重试')),
    }) as unknown as { onProgressUpdate?: (cb: (p: { progress: number }) => void) => void }
    task?.onProgressUpdate?.((p) => onProgress(p.progress))
  })
}

export function uploadPhoto(path: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return IS_LOCAL_MODE ? uploadLocal(path, onProgress) : uploadToCloud(path, onProgress)
}
