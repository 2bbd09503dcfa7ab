/**
 * `escalation.planTask` (帮扶方案 · 添加任务): the holder sets a task on the case — what, who, by when.
 * A member assignee is read from the store here (her name, her bindings) so the decider can tell
 * whether she may be named (domain/help-plan.rules.ts); she is told in 消息.
 */
import { caseCommand } from '../../_shared/handler/command-action'
import type { TaskAssigneeCandidate } from '../../_shared/domain/help-plan.rules'

export const planTask = caseCommand('escalation', 'planTask', {
  authorization: ['case.planTask'],
  contentChecked: ({ title, assignee }) => [title, assignee.kind === 'volunteer' ? assignee.name : undefined],
  command: async ({ title, assignee, dueAt }, base, _state, repos) => {
    let candidate: TaskAssigneeCandidate
    if (assignee.kind === 'member') {
      const [user, roles] = await Promise.all([repos.people.getUser(assignee.openid), repos.people.rolesOf(assignee.openid)])
      // Someone with no seat anywhere has no bindings: the decider refuses her like anyone unfit.
      candidate = { kind: 'member', openid: assignee.openid, name: user?.name ?? null, roles: roles.map(({ role, orgId }) => ({ role, orgId })) }
    } else {
      candidate = { kind: 'volunteer', name: assignee.name, ...(assignee.phone && { phone: assignee.phone }) }
    }
    return { ...base, type: 'PlanTask', title, assignee: candidate, dueAt: new Date(dueAt).toISOString() }
  },
  // Tasks are only ever added: the newest is hers.
  answer: (state) => ({ taskId: state.tasks?.at(-1)?.id ?? '' }),
})
