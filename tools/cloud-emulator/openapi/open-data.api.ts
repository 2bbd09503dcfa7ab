/**
 * Open data behind a cloudID, for the group chats the product binds: `issue` stands in for
 * wx.getGroupEnterInfo / wx.getShareInfo handing the mini-program a cloudID, and the resolver answers
 * what `cloud.getOpenData({ list })` (svrkit ApiGetOpenDataByCloudId) and `openapi.cloudbase.getOpenData`
 * get. A cloudID lives 5 minutes. An expired or unknown one is answered per item, not as a failed call:
 * `{ cloudID, errCode: -601006, errMsg: 'cloudID expired.' }` is what WeChat's "通过云调用获取开放数据"
 * shows; -601005 for an unknown id follows wx-server-sdk's ERR_CODE table (WX_INVALID_CLOUDID). The
 * SDK passes each item's JSON through (getOpenData.ts), so the function sees `list[0].errCode`.
 * Issued ids are kept in memory only: after a restart they are unknown, as after 5 minutes they would be.
 */
import { randomBytes } from 'node:crypto'
import { OK, type OpenApiHandler, type WxJson } from './open-api.handler'
import { WX_BACKEND, wxError } from './openapi.errors'

export const CLOUD_ID_LIFETIME_MS = 5 * 60_000

interface Issued {
  openGId: string
  openid: string
  issuedAt: number
}

export class CloudIdRegistry {
  private readonly issued = new Map<string, Issued>()

  constructor(private readonly appid: string) {}

  issueGroup(openGId: string, openid: string, now: number): string {
    const cloudID = `emu_${randomBytes(18).toString('base64url')}`
    this.issued.set(cloudID, { openGId, openid, issuedAt: now })
    return cloudID
  }

  /** The JSON WeChat returns for one cloudID (OpDataItem.json). */
  resolve(cloudID: string, now: number): string {
    const entry = this.issued.get(cloudID)
    if (!entry) return JSON.stringify({ cloudID, errCode: WX_BACKEND.INVALID_CLOUDID, errMsg: 'invalid cloudID.' })
    if (now - entry.issuedAt >= CLOUD_ID_LIFETIME_MS) {
      return JSON.stringify({ cloudID, errCode: WX_BACKEND.CLOUDID_EXPIRED, errMsg: 'cloudID expired.' })
    }
    const watermark = { appid: this.appid, timestamp: Math.floor(entry.issuedAt / 1000) }
    return JSON.stringify({ cloudID, data: { openGId: entry.openGId, watermark } })
  }
}

/** openapi.cloudbase.getOpenData: `{ cloudid_list }` → `{ data_list: [{ cloud_id, json }] }`. */
export function cloudbaseGetOpenData(registry: CloudIdRegistry): OpenApiHandler {
  return (call, body): WxJson => {
    const list = body.cloudid_list
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) return wxError(47001, 'cloudid_list must be a list of strings')
    return { ...OK, data_list: list.map((id: string) => ({ cloud_id: id, json: registry.resolve(id, call.now) })) }
  }
}
