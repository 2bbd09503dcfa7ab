/**
 * The audit lines: of a case change, one per event, with who (never an anonymous reporter), the org it
 * happened at and that org's path, so every level above can read it; and of a role or org-tree change
 * (onboarding, the admin's upkeep).
 */
import { LEVELS } from '../../../types/enums'
import { caseNumber } from '../../../types/case.contract'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { Ids } from '../ports/ids.port'
import type { AuditEntry, Repositories } from '../ports/store.port'
import type { ActionContext } from '../context/deps'
import { orgPath } from '../orgs/org-path'

/** The line each kind of event leaves; every event type must have one (the mapped type says so). */
const LABELS: { [T in CaseEvent['type']]: string | ((event: Extract<CaseEvent, { type: T }>) => string) } = {
  CaseSubmitted: '提交反映',
  CaseAccepted: '受理',
  CaseResolved: '办结',
  CaseEscalated: (event) => (event.auto ? '超期自动转上级' : '上报上级'),
  CaseHandedBack: '交下级办理',
  CaseUrged: '催办',
  CaseTakenOver: '提级办理',
  CaseTransferred: '转办',
  ExtensionRequested: (event) => `申请延期 ${event.days} 天`,
  ExtensionDecided: (event) => (event.approve ? `同意延期 ${event.days} 天` : '不同意延期'),
  DeadlineReminded: (event) => (event.deadline === 'accept' ? '受理临期提醒' : '办结临期提醒'),
  DepartmentAssigned: (event) => `协调部门：${event.department}`,
  DepartmentReplied: '记录部门答复',
  CaseRated: '评价',
  CaseReopened: '因评价转上级重办',
  CaseClosed: (event) => (event.auto ? '到期自动关闭' : '关闭'),
  CaseWithdrawn: '撤回',
  CaseFlaggedOverdue: '超期督办',
  CaseDeliberated: '记录议事结果',
  CasePhotoRejected: '隐藏未通过内容安全检查的照片',
  // By a resident as herself: hideActor below keeps her out of the line.
  CaseSupported: '群众点了“我也遇到”',
  CaseMerged: (event) => `合并到 #${caseNumber(event.intoCaseId)} 办理`,
  CaseMergedIn: (event) => `合并了 #${caseNumber(event.fromCaseId)}`,
  // Neither the task nor the volunteer named: the log is read by every level above.
  TaskPlanned: (event) => (event.task.assignee.kind === 'volunteer' ? '安排帮扶任务（巾帼志愿者）' : '安排帮扶任务'),
  TaskCompleted: (event) => (event.byAssignee ? '承办人完成帮扶任务' : '登记帮扶任务完成'),
  TasksSettled: (event) => (event.outcome === 'done' ? '办结时说明帮扶任务已完成' : '办结时说明帮扶任务不再需要'),
}

function label(event: CaseEvent): string {
  // The record pairs each type with its own event; TypeScript cannot follow that through the index.
  const line = LABELS[event.type] as string | ((event: CaseEvent) => string)
  return typeof line === 'string' ? line : line(event)
}

export function caseAuditEntries(ids: Ids, events: readonly CaseEvent[], state: CaseState): AuditEntry[] {
  return events.map((event) => {
    // A reporter acting as herself (submitting, rating, withdrawing) is never recorded by openid, named
    // or anonymous: the log shows her as 群众 either way, and at rest it must not link her to the case.
    const hideActor = !event.by || event.by.role === 'resident'
    // Where it happened, under the chain above it: a 转办's org is the one it left, no longer on the chain.
    const path = [...LEVELS.slice(LEVELS.indexOf(event.level) + 1).reverse().map((level) => state.chain[level]), event.orgId]
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

export async function auditOrgChange(
  tx: Pick<Repositories, 'orgs' | 'audit'>,
  ctx: ActionContext,
  entry: { orgId: string; action: string; actorRole: string; targetType: AuditEntry['targetType']; targetId: string; summary: string },
): Promise<void> {
  const path = (await orgPath(tx, entry.orgId)).map((o) => o.id).reverse()
  await tx.audit.add([{ id: ctx.deps.ids.next('audit'), at: ctx.now, actorOpenid: ctx.openid, orgPath: path, ...entry }])
}
