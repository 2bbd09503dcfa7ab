/**
 * A person's upload folder in storage: a keyed tag of her openid, so the folder tells whose photo a
 * file is to the server and to nobody else (an anonymous reporter stays unlinkable in storage too).
 */
import { createHmac } from 'node:crypto'

export const PHOTO_ROOT = 'case-photos'

export function uploadFolderOf(key: Buffer): (openid: string) => string {
  return (openid) => `${PHOTO_ROOT}/${createHmac('sha256', key).update(`upload-folder:${openid}`).digest('hex').slice(0, 32)}`
}
