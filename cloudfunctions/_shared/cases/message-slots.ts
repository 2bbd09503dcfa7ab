/**
 * The values a case message puts into its subscription template's fields. A notification can be read
 * on a lock screen: a sensitive case is never named there, only "您反映的事项".
 */
import { SENSITIVE_CATEGORIES } from '../../../types/enums'
import type { MessageKind } from '../../../types/messages'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'

const STATUS_PHRASE: Partial<Record<MessageKind, string>> = {
  case_accepted: '已受理',
  case_escalated: '已转办',
  case_handed_back: '已交办',
  case_assigned: '部门协办',
  case_resolved: '已办结',
  case_closed: '已关闭',
  case_new_for_council: '待受理',
  case_arrived: '待受理',
  deadline_near: '即将到期',
  case_overdue: '已超期',
}

export function caseMessageSlots(kind: MessageKind, event: CaseEvent, state: CaseState, holderName: string) {
  const sensitive = SENSITIVE_CATEGORIES.includes(state.category)
  return {
    subject: sensitive ? '您反映的事项' : state.title,
    status: STATUS_PHRASE[kind] ?? '有更新',
    org: holderName,
    time: event.at,
    deadline: state.status === 'pending' ? state.acceptBy : state.resolveBy,
    note: '请进入小程序对办理结果评价',
  }
}
