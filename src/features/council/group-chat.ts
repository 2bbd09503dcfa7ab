/**
 * The council's WeChat group. weapp: the group is known only when the mini-program was opened from a
 * card in it (a share ticket) — WeChat then gives a cloudID the function turns into the group's id.
 * Only the cloudID is read here: what it stands for is spelt differently by the two APIs
 * (getGroupEnterInfo: `opengid`, getShareInfo: `openGId`), and the function's resolver reads both
 * (cloudfunctions/_shared/adapters/wechat/open-data.group-resolver.ts). Local h5: a simulated group id
 * (`?groupId=` in the address, or typed by the convener).
 */
import Taro from '@tarojs/taro'
import { IS_LOCAL_MODE } from '../../shared/local-mode'

/** The share ticket of this visit, when it came from a group chat card (weapp only). */
function shareTicket(): string | undefined {
  if (IS_LOCAL_MODE) return undefined
  try {
    // Enter options cover a warm start from a card; launch options the cold start.
    return Taro.getEnterOptionsSync()?.shareTicket || Taro.getLaunchOptionsSync()?.shareTicket || undefined
  } catch {
    return undefined
  }
}

let landed: string | undefined

/**
 * The share ticket to land with, once per ticket: a visit that already landed on a deliberation (or
 * opened one straight from a card) stays where the member goes next.
 */
export function ticketToLand(): string | undefined {
  const ticket = shareTicket()
  if (!ticket || ticket === landed) return undefined
  landed = ticket
  return ticket
}

/** This visit has reached a deliberation: its share ticket needs no landing any more. */
export function markLanded(): void {
  landed = shareTicket() ?? landed
}

/**
 * The cloudID naming the group this visit came from (weapp), or undefined when it did not come from a
 * group. getGroupEnterInfo covers every group entry (cards, group tools; its cloudID decodes to
 * `{ opengid }`); getShareInfo is the fallback for older WeChat versions (`{ openGId }`). Either
 * cloudID goes to the function as it is: never decode it or pick the id out here.
 */
export async function groupCloudId(): Promise<string | undefined> {
  const ticket = shareTicket()
  if (!ticket) return undefined
  const fromEnterInfo = await new Promise<string | undefined>((done) => {
    if (typeof Taro.getGroupEnterInfo !== 'function') return done(undefined)
    Taro.getGroupEnterInfo({
      success: (res: Taro.getGroupEnterInfo.SuccessCallbackResult) => done(res.cloudID || undefined),
      fail: () => done(undefined),
    }).catch(() => done(undefined))
  })
  if (fromEnterInfo) return fromEnterInfo
  try {
    const info: Taro.getShareInfo.SuccessCallbackResult = await Taro.getShareInfo({ shareTicket: ticket })
    return info.cloudID || undefined
  } catch {
    return undefined
  }
}

/** So that a card shared from this page carries a share ticket when opened in the group (weapp). */
export function askForShareTickets(): void {
  if (IS_LOCAL_MODE) return
  Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
}

/** The simulated group id of the local host: letters, digits, - and _ (the contract's rule). */
export const LOCAL_GROUP_ID = /^[\w-]{1,64}$/
