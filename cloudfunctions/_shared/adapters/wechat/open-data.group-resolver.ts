/**
 * GroupResolver on WeChat's open data (wx-server-sdk `cloud.getOpenData`): the cloudID the app got from
 * wx.getGroupEnterInfo / wx.getShareInfo (with a shareTicket) resolves to `{ openGId, watermark }`.
 * The app must send the cloudID as a plain string: wrapped in wx.cloud.CloudID at the top level of the
 * call, WeChat would replace it with the data before the contract could check it. A simulated local
 * group id is refused here, so a test shortcut can never bind a real council.
 */
import type { GroupResolver } from '../../ports/group-resolver.port'

interface OpenDataApi {
  getOpenData(args: { list: string[] }): Promise<{ list?: { cloudID?: string; data?: { openGId?: unknown } }[] }>
}

export function openDataGroupResolver(cloud: OpenDataApi): GroupResolver {
  return {
    openGId: async ({ cloudID }) => {
      if (!cloudID) return null
      try {
        const reply = await cloud.getOpenData({ list: [cloudID] })
        const openGId = reply.list?.[0]?.data?.openGId
        return typeof openGId === 'string' && openGId.length > 0 ? openGId : null
      } catch {
        // An expired (5 minutes) or foreign cloudID: the person is asked to open it from the group again.
        return null
      }
    },
  }
}
