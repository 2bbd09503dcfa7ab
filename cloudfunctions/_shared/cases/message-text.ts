/**
 * The words of each case message, as the message centre shows them. Short, plain, and never more of
 * a sensitive case than its status: a message can be read over her shoulder.
 */
import { LEVEL_LABELS, OUTCOME_LABELS, type Level } from '../../../types/enums'
import { MESSAGE_KIND_LABELS, type MessageKind } from '../../../types/messages'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'

export interface MessageText {
  title: string
  body: string
}

const where = (orgName: string, level: Level) => `${orgName}（${LEVEL_LABELS[level]}）`

export function caseMessageText(
  kind: MessageKind,
  event: CaseEvent,
  state: CaseState,
  orgName: (id: string) => string,
): MessageText {
  const title = MESSAGE_KIND_LABELS[kind]
  const holder = where(orgName(state.holderOrgId), state.level)
  switch (kind) {
    case 'case_received':
      return { title, body: `您的反映已送达${holder}，将在 24 小时内受理。` }
    case 'case_accepted':
      return { title, body: `${holder}已受理您的反映，正在办理。` }
    case 'case_escalated':
      return { title, body: `您的反映已转到${holder}办理。` }
    case 'case_handed_back':
      return { title, body: `您的反映已交由${holder}继续办理。` }
    case 'case_assigned':
      return { title, body: `${holder}已协调相关部门办理您的反映。` }
    case 'case_resolved': {
      const outcome = event.type === 'CaseResolved' ? OUTCOME_LABELS[event.outcome] : '已办结'
      return { title, body: `办理结果：${outcome}。请您对办理情况进行评价。` }
    }
    case 'case_closed':
      return { title, body: '您的反映已办结并关闭，感谢您的信任。' }
    case 'case_new_for_council':
      return { title, body: '本村（社区）收到一条新的反映，请及时受理。' }
    case 'case_arrived':
      return { title, body: `一条反映已转到${holder}，请在 24 小时内受理。` }
    case 'case_overdue':
      return { title, body: '一条反映已超过办理期限，请督办。' }
    case 'deadline_near':
      return { title, body: '一条反映即将到期，请抓紧办理。' }
    case 'deliberation_invited':
    case 'deliberation_reminder':
    case 'deliberation_result':
      return { title, body: title }
  }
}
