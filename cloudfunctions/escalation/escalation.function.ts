/**
 * `escalation`: the holder org's work on a case (accept, resolve, escalate, hand back, assign a
 * partner department, record its reply), the queue of cases it holds, the supervising levels' work
 * (the 督办 list, 催办, 提级办理), its 帮扶方案 (tasks, who may do them, their completion), and the
 * deadline sweep (escalations and 临期提醒).
 */
import { defineFunction } from '../_shared/handler/define-function'
import { accept } from './actions/accept.action'
import { assign } from './actions/assign.action'
import { escalate } from './actions/escalate.action'
import { handBack } from './actions/hand-back.action'
import { inbox } from './actions/inbox.action'
import { overdue } from './actions/overdue.action'
import { reply } from './actions/reply.action'
import { resolve } from './actions/resolve.action'
import { takeOver } from './actions/take-over.action'
import { transfer } from './actions/transfer.action'
import { requestExtension } from './actions/request-extension.action'
import { decideExtension } from './actions/decide-extension.action'
import { urge } from './actions/urge.action'
import { merge } from './actions/merge.action'
import { sweepDeadlines } from './sweep.job'
import { planTask } from './actions/plan-task.action'
import { completeTask } from './actions/complete-task.action'
import { taskAssignees } from './actions/task-assignees.action'

export const escalationFunction = defineFunction(
  'escalation',
  { inbox, accept, resolve, escalate, handBack, assign, reply, overdue, urge, takeOver, transfer, requestExtension, decideExtension, merge, planTask, completeTask, taskAssignees },
  { sweep: (ctx) => sweepDeadlines(ctx) },
)
