/**
 * The deliberation's card in the group as an updatable message (动态消息, docs/RULES.md "The card in
 * the group"). weapp: before she shares, the page declares the share an updatable message with the
 * server's activity id (wx.updateShareMenu { withShareTicket, isUpdatableMessage, activityId,
 * templateInfo }); the card then follows the ballots and the close by itself. h5 (the local host): no
 * share menu and no group chat, so nothing is declared; the page says so.
 *
 * WeChat's chat-tool mode (wx.notifyGroupMembers: @ the members who have not voted in the group) is
 * only open to some categories of mini-program and only inside a chat-tool subpackage opened with
 * wx.openChatTool; this app is not one (docs/deploy.md). `inChatTool()` is false here unless WeChat
 * says otherwise, and the reminder then goes by subscription message only.
 */
import Taro from '@tarojs/taro'
import type { RemindVotersResult, ShareCardView } from '../../../types'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { getShareCard } from './api/get-share-card'

/** Asks the server for the card and declares the next share updatable; undefined on h5 or on failure (a plain card is shared). */
export async function prepareUpdatableShare(deliberationId: string): Promise<ShareCardView | undefined> {
  if (IS_LOCAL_MODE) return undefined
  try {
    const card = await getShareCard({ deliberationId })
    await Taro.updateShareMenu({
      withShareTicket: true,
      isUpdatableMessage: true,
      activityId: card.activityId,
      // templateId is the newer 动态消息 form; Taro's typing knows only parameterList.
      templateInfo: card.templateInfo as unknown as Taro.updateShareMenu.UpdatableMessageFrontEndTemplateInfo,
    })
    return card
  } catch {
    // iOS loses the share ticket when withShareTicket goes without isUpdatableMessage: keep asking for tickets.
    Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
    return undefined
  }
}

type ChatToolWx = {
  getApiCategory?: () => { apiCategory?: string }
  selectGroupMembers?: (options: { maxSelectCount?: number; success?: (res: { members?: string[] }) => void; fail?: () => void }) => void
  notifyGroupMembers?: (options: { title: string; members: string[]; entrancePath: string; type: string; success?: () => void; fail?: () => void }) => void
}

const wxApi = (): ChatToolWx | undefined => (IS_LOCAL_MODE ? undefined : (globalThis as { wx?: ChatToolWx }).wx)

/** Whether WeChat opened this page in chat-tool mode (never on h5, never for this app's category today). */
export function inChatTool(): boolean {
  try {
    return wxApi()?.getApiCategory?.()?.apiCategory === 'chatTool'
  } catch {
    return false
  }
}

/**
 * In chat-tool mode: she picks who to @ in the group (WeChat gives their group_openids, not our ids),
 * then WeChat posts 「@… 请参与：<title>」. Answers whether it was posted.
 */
export function notifyInGroup(chatTool: RemindVotersResult['chatTool']): Promise<boolean> {
  const wx = wxApi()
  if (!wx?.selectGroupMembers || !wx.notifyGroupMembers) return Promise.resolve(false)
  return new Promise((done) => {
    wx.selectGroupMembers!({
      success: ({ members }) => {
        if (!members?.length) return done(false)
        wx.notifyGroupMembers!({ ...chatTool, members, success: () => done(true), fail: () => done(false) })
      },
      fail: () => done(false),
    })
  })
}
