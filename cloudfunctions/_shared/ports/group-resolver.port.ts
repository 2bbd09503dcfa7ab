/**
 * Turns what the mini-program learnt about a WeChat group chat (the cloudID of wx.getGroupEnterInfo
 * or wx.getShareInfo) into the group's openGId. Production: wx-server-sdk getOpenData; local: a
 * simulated group id, since there is no WeChat to ask.
 */
export interface GroupTicket {
  cloudID?: string
  localGroupId?: string
}

export interface GroupResolver {
  /** The group's openGId; null when the ticket names none here (expired, forged, wrong environment). */
  openGId(ticket: GroupTicket, context: { openid: string }): Promise<string | null>
}
