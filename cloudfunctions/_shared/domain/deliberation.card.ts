/**
 * The deliberation's card in the council's WeChat group (动态消息, docs/RULES.md "The card in the group"):
 * what it says now, when its activity id must be renewed, and what WeChat is asked to show. Pure: the
 * clock arrives as `now`.
 *
 * - 进行中: `X人已参与` (ballots of the roll); WeChat's card shows it as 成员正在加入，当前 X/Y 人.
 * - 即将截止: from the deliberation's reminder instant (remindAt: the due job's reminder, by default 24 h
 *   before the deadline and never in its first half) until the deadline; the card keeps its counts
 *   (WeChat's ordinary card has no words of ours), the app and chat-tool mode say 即将截止.
 * - 已结束: closed, or past the deadline before the due job has closed it.
 */
import type { DeliberationState, ShareCardRecord } from './deliberation.state'
import { HOUR_MS, isAtOrAfter, toMs } from './iso-time'

export type CardPhase = 'open' | 'closing' | 'ended'

export interface CardView {
  phase: CardPhase
  /** Ballots cast (a changed ballot counts once). */
  ballots: number
  /** The roll taken at open. */
  members: number
  /** What the app shows beside the share button. */
  label: string
}

export function cardOf(state: Pick<DeliberationState, 'status' | 'closesAt' | 'remindAt' | 'ballotCount' | 'electorate'>, now: string): CardView {
  const ballots = state.ballotCount
  const members = state.electorate.length
  if (state.status === 'closed' || isAtOrAfter(now, state.closesAt)) return { phase: 'ended', ballots, members, label: '已结束' }
  if (isAtOrAfter(now, state.remindAt)) return { phase: 'closing', ballots, members, label: `即将截止 · ${ballots}人已参与` }
  return { phase: 'open', ballots, members, label: `${ballots}人已参与` }
}

/**
 * A card's activity id is renewed when it has run out, or has less than this left: a card shared now
 * should still update for a while. WeChat's ids last 24 hours (createActivityId's expiration_time).
 */
export const CARD_RENEW_BEFORE_MS = HOUR_MS

/** Whether sharing now needs a new activity id (none yet, or about to run out). */
export function needsNewCard(card: ShareCardRecord | undefined, now: string): boolean {
  return !card || toMs(card.expiresAt) - toMs(now) < CARD_RENEW_BEFORE_MS
}

/** An id past its expiry: WeChat refuses updates to it, so none is attempted. */
export const cardExpired = (card: ShareCardRecord, now: string): boolean => isAtOrAfter(now, card.expiresAt)

/**
 * WeChat's 动态消息 template 开始时 (developers.weixin.qq.com …/share/updatable-message.html): state 0
 * 成员正在加入，当前 {member_count}/{room_limit} 人, 1 已开始, 2 已结束; 0 → 0, 1, 2; 1 → 2; 2 is final.
 * The deliberation never uses 1 (已开始 says nothing true of a vote).
 */
export const CARD_TEMPLATE_ID = '21B034D08C5615B9889CE362BB957B1EE69A584B'

export type CardTargetState = 0 | 1 | 2

export interface CardParameter {
  name: 'member_count' | 'room_limit' | 'path' | 'version_type'
  value: string
}

/** setUpdatableMsg's target_state and template_info.parameter_list for a card. */
export interface CardUpdate {
  targetState: CardTargetState
  parameters: CardParameter[]
}

export function cardUpdateOf(card: CardView): CardUpdate {
  if (card.phase === 'ended') return { targetState: 2, parameters: [] }
  return {
    targetState: 0,
    parameters: [
      { name: 'member_count', value: String(card.ballots) },
      { name: 'room_limit', value: String(card.members) },
    ],
  }
}

/** wx.updateShareMenu's templateInfo: the template, and the counts it opens with. */
export function shareTemplateOf(card: CardView): { templateId: string; parameterList: CardParameter[] } {
  // An ended one is never shared as a card (shareCard refuses it): its counts are what it opens with.
  return { templateId: CARD_TEMPLATE_ID, parameterList: cardUpdateOf({ ...card, phase: 'open' }).parameters }
}

/** The convener's 提醒未投票的成员: at most once in this many hours (the timer's reminder aside). */
export const NUDGE_EVERY_HOURS = 6

/** When she may remind again; undefined when she may now. */
export function nextNudgeAt(nudgedAt: string | undefined, now: string): string | undefined {
  if (!nudgedAt) return undefined
  const next = toMs(nudgedAt) + NUDGE_EVERY_HOURS * HOUR_MS
  return next > toMs(now) ? new Date(next).toISOString() : undefined
}

/**
 * wx.notifyGroupMembers' title (chat-tool mode): at most 30 characters where a Chinese one counts
 * two, Chinese, letters and digits only (its documentation; the official demo's checkTitle).
 */
export function notifyTitleOf(shareTitle: string): string {
  let width = 0
  let out = ''
  for (const ch of shareTitle) {
    if (!/[\u4e00-\u9fa5A-Za-z0-9]/.test(ch)) continue
    const w = /[\u4e00-\u9fa5]/.test(ch) ? 2 : 1
    if (width + w > 30) break
    width += w
    out += ch
  }
  return out || '议事投票'
}
