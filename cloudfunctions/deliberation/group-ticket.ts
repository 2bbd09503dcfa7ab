/** A council's WeChat group from the ticket the app got on opening from the group chat. */
import { invalidInput } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'

const STALE_TICKET = '群聊信息已失效，请在议事会微信群中重新打开小程序后再试'

export async function groupOf(ctx: ActionContext, ticket: { cloudID?: string | undefined; localGroupId?: string | undefined }): Promise<string> {
  const openGId = await ctx.deps.groups.openGId(
    { ...(ticket.cloudID && { cloudID: ticket.cloudID }), ...(ticket.localGroupId && { localGroupId: ticket.localGroupId }) },
    { openid: ctx.openid },
  )
  if (!openGId) throw invalidInput(STALE_TICKET, undefined, 'GROUP_TICKET_STALE')
  return openGId
}
