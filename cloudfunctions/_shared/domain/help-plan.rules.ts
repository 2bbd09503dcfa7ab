/**
 * 帮扶方案 (docs/RULES.md "帮扶方案"): the tasks a holder sets on a case, whom it may name for them,
 * and what is open or overdue. The decider (case.decider.ts) applies these; the view and the 添加任务
 * sheet's list read the same answers, so the app offers only people the decider accepts.
 */
import { PLAN_TASKS_MAX, type OpenTaskEnding } from '../../../types/escalation.contract'
import type { Person, RoleBinding } from './actor.types'
import { isSensitive } from './case.access'
import type { CaseState, HelpTask } from './case.state'
import { isAfter } from './iso-time'

export type { OpenTaskEnding }

/** Bounded so the tasks can live in the case document, read and saved with it. */
export const MAX_TASKS = PLAN_TASKS_MAX

/** Whom the holder names, as the handler hands it to the decider (a member with her bindings). */
export type TaskAssigneeCandidate =
  | { kind: 'member'; openid: string; name: string | null; roles: readonly RoleBinding[] }
  | { kind: 'volunteer'; name: string; phone?: string }

/**
 * The binding by which a person may be named for a task of this case, if any. On an ordinary case:
 * anyone seated at the holder org (its council's members, its convener, its cadres), or a member or
 * the convener of the case's own village council — 小事不出村: the village helps even when a level
 * above holds the case. On a sensitive case only those who may read its private text and hold it:
 * the holder's convener and cadres (an ordinary member sees it redacted).
 */
export function assigneeBinding(roles: readonly RoleBinding[], state: Pick<CaseState, 'holderOrgId' | 'villageId' | 'category'>): RoleBinding | undefined {
  if (isSensitive(state)) return roles.find((b) => b.orgId === state.holderOrgId && (b.role === 'convener' || b.role === 'cadre'))
  return roles.find(
    (b) =>
      (b.orgId === state.holderOrgId && b.role !== 'admin') ||
      (b.orgId === state.villageId && (b.role === 'member' || b.role === 'convener')),
  )
}

/** Why this assignee may not be named for a task of the case (in Chinese), or null when she may. */
export function assigneeProblem(candidate: TaskAssigneeCandidate, state: CaseState): string | null {
  switch (candidate.kind) {
    case 'member':
      if (assigneeBinding(candidate.roles, state)) return null
      return isSensitive(state)
        ? '涉及个人隐私的反映，只能安排本级议事会主任或妇联干部承办'
        : '只能安排本级或本村（社区）议事会的成员、妇联干部承办'
    case 'volunteer':
      return typeof candidate.name !== 'string' || candidate.name.trim() === '' ? '请填写志愿者姓名' : null
  }
}

export const openTasks = (state: Pick<CaseState, 'tasks'>): HelpTask[] => (state.tasks ?? []).filter((t) => t.status === 'open')

export const taskOf = (state: Pick<CaseState, 'tasks'>, taskId: string): HelpTask | undefined =>
  (state.tasks ?? []).find((t) => t.id === taskId)

/** The task names her (a member assignee): she may mark it done herself. */
export const isTaskAssignee = (actor: Person, task: HelpTask): boolean =>
  task.assignee.kind === 'member' && actor.openid.length > 0 && task.assignee.openid === actor.openid

/** Open and past its due time: the holder sees it marked. */
export const isTaskOverdue = (task: HelpTask, now: string): boolean => task.status === 'open' && !isAfter(task.dueAt, now)

/** The next task's id: t1, t2, … (tasks are never removed, so the count names a fresh one). */
export const nextTaskId = (state: Pick<CaseState, 'tasks'>): string => `t${(state.tasks?.length ?? 0) + 1}`
