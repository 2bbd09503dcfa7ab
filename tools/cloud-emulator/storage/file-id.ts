/**
 * Cloud file ids. CloudBase names a file `cloud://<envId>.<bucket>/<cloudPath>`, the bucket being
 * `<hex of the env id's first two characters>-<envId>-<Tencent Cloud appid>`; the documented example
 * is `cloud://webtestjimmy-5328c3.7765-webtestjimmy-5328c3-1251059088/腾讯云.png` ("7765" is "we").
 * The emulator's appid is a fixed stand-in.
 */
import { CloudError, CODES } from '../cloud-error'

export const EMULATOR_APPID = '1250000000'

export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2), 'utf8').toString('hex')}-${envId}-${EMULATOR_APPID}`
}

export const fileIdOf = (envId: string, cloudPath: string): string => `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`

/**
 * A cloud path the emulator accepts: relative, no empty, `.` or `..` segment, and none of the
 * characters that would not survive a URL path unencoded (node-sdk's downloadFile runs `encodeURI` on
 * the temp URL, so the URL carries the path as it is): `? # % \` and control characters.
 */
export function checkCloudPath(cloudPath: unknown): string {
  const ok =
    typeof cloudPath === 'string' &&
    cloudPath.length > 0 &&
    cloudPath.length <= 850 &&
    !/[?#%\\\u0000-\u001f\u007f]/.test(cloudPath) &&
    cloudPath.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  if (!ok) throw new CloudError(CODES.INVALID_PARAM, `invalid cloudPath ${JSON.stringify(cloudPath)}`)
  return cloudPath as string
}

/** The cloud path of a file id of this environment, or null for any other id. */
export function cloudPathOf(envId: string, fileID: unknown): string | null {
  if (typeof fileID !== 'string') return null
  const prefix = `cloud://${envId}.${bucketOf(envId)}/`
  if (!fileID.startsWith(prefix)) return null
  try {
    return checkCloudPath(fileID.slice(prefix.length))
  } catch {
    return null
  }
}
