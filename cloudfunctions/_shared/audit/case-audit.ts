/**
 * The audit lines of a case change: one per event, with who (never an anonymous reporter), the org
 * it happened at and that org's path, so every level above can read it.
 */
import { LEVELS } from '../../../types/enums'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { assertNever } from '../domain/domain.errors'
import type { Ids } from '../ports/ids.port'
import type { AuditEntry } from '../ports/store.port'

function label(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseSubmitted':
      return '提交反映'
    case 'CaseAccepted':
      return '受理'
    case 'CaseResolved':
      return '办结'
    case 'CaseEscalated':
      return event.auto ? '超期自动转上级' : '上报上级'
    case 'CaseHandedBack':
      return '交下级办理'
    case 'DepartmentAssigned':
      return `协调部门：${event.department}`
    case 'DepartmentReplied':
      return '记录部门答复'
    case 'CaseRated':
      return '评价'
    case 'CaseReopened':
      return '因评价转上级重办'
    case 'CaseClosed':
      return event.auto ? '到期自动关闭' : '关闭'
    case 'CaseWithdrawn':
      return '撤回'
    case 'CaseFlaggedOverdue':
      return '超期督办'
    case 'CaseDeliberated':
      return '记录议事结果'
    case 'CasePhotoRejected':
      return '隐藏未通过内容安全检查的照片'
    default:
      return assertNever(event)
  }
}

export function caseAuditEntries(ids: Ids, events: readonly CaseEvent[], state: CaseState): AuditEntry[] {
  return events.map((event) => {
    // A reporter acting as herself (submitting, rating, withdrawing) is never recorded by openid, named
    // or anonymous: the log shows her as 群众 either way, and at rest it must not link her to the case.
    const hideActor = !event.by || event.by.role === 'resident'
    const path = LEVELS.slice(LEVELS.indexOf(event.level)).reverse().map((level) => state.chain[level])
    return {
      id: ids.next('audit'),
      at: event.at,
      actorOpenid: hideActor ? null : event.by!.openid,
      actorRole: event.by ? event.by.role : 'system',
      action: `case.${event.type}`,
      orgId: event.orgId,
      orgPath: path,
      targetType: 'case' as const,
      targetId: state.id,
      summary: label(event),
    }
  })
}
