/**
 * Uploads one chosen photo, reporting progress. weapp: cloud storage (Taro.cloud.uploadFile), the id
 * is a `cloud://` file id. h5 (a host): the raw image to POST /files; the local host answers an id
 * `local:<name>`, the production path (npm run start:cloud) a `cloud://` id in its emulated storage.
 */
import Taro from '@tarojs/taro'
import { currentPersona, IS_LOCAL_MODE } from '../../shared/local-mode'

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

export interface UploadedPhoto {
  fileId: string
  /** What <Image src> can show. */
  url: string
}

function uploadLocal(path: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    void fetch(path)
      .then((response) => response.blob())
      .then((blob) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', '/files')
        xhr.setRequestHeader('content-type', blob.type || 'image/jpeg')
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
      }, reject)
  })
}

function uploadToCloud(path: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg'
    const task = Taro.cloud.uploadFile({
      cloudPath: `case-photos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
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

/** `cloud://<env>.<bucket>/case-photos/<name>` → `<name>`, the name a host serves it by. */
const HOSTED_CLOUD_PHOTO = /^cloud:\/\/[^/]+\/case-photos\/([0-9a-f]{32}\.\w+)$/

/**
 * Where a stored photo id can be shown from. weapp: `<Image>` loads a `cloud://` id itself. h5: the
 * host serves it (GET /files/<name>), as WeChat's image component would fetch it from storage.
 */
export function photoUrl(fileId: string): string {
  if (fileId.startsWith('local:')) return `/files/${fileId.slice(6)}`
  const hosted = IS_LOCAL_MODE ? HOSTED_CLOUD_PHOTO.exec(fileId) : null
  return hosted ? `/files/${hosted[1]}` : fileId
}
