/**
 * GroupResolver on WeChat's open data (wx-server-sdk `cloud.getOpenData`): the cloudID the app got
 * resolves to the group's id and a watermark. The two client APIs spell the id differently:
 * wx.getGroupEnterInfo's data is `{ opengid }`, wx.getShareInfo's (with a shareTicket) `{ openGId }`
 * (each API's documentation), and src/features/council/group-chat.ts sends either's
 * cloudID, so both are read. The app must send the cloudID as a plain string: wrapped in
 * wx.cloud.CloudID at the top level of the call, WeChat would replace it with the data before the
 * contract could check it. A simulated local group id is refused here, so a test shortcut can never
 * bind a real council.
 */
import type { GroupResolver } from '../../ports/group-resolver.port'

interface GroupOpenData {
  /** wx.getGroupEnterInfo */
  opengid?: unknown
  /** wx.getShareInfo */
  openGId?: unknown
}

interface OpenDataApi {
  getOpenData(args: { list: string[] }): Promise<{ list?: { cloudID?: string; data?: GroupOpenData }[] }>
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null)

export function openDataGroupResolver(cloud: OpenDataApi): GroupResolver {
  return {
    openGId: async ({ cloudID }) => {
      if (!cloudID) return null
      try {
        const reply = await cloud.getOpenData({ list: [cloudID] })
        const data = reply.list?.[0]?.data
        return nonEmpty(data?.opengid) ?? nonEmpty(data?.openGId)
      } catch {
        // An expired (5 minutes) or foreign cloudID: the person is asked to open it from the group again.
        return null
      }
    },
  }
}
