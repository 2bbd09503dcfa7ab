/**
 * The case lifecycle as a decider: decide(command, state) -> events | error, evolve(state, event)
 * -> state (case.evolve.ts). The decider alone enforces the rules, including who may issue each
 * command, so the shell around it is only: load, fold, decide, save.
 *
 * Order of checks: the command's time, the case's existence, then who is asking (FORBIDDEN before
 * anything about the case's state leaks), then the state (CONFLICT), then the arguments
 * (INVALID_INPUT).
 *
 * Choices worth knowing:
 * - AssignDepartment on a pending case accepts it implicitly (CaseAccepted + DepartmentAssigned):
 *   handing it to a department is taking it on. ResolveCase still needs an accepted case.
 * - A rating reopens the case one level up only when she answered 部分解决/没解决 AND confirmed
 *   `reopen`; any other rating closes it, and so does one past policy.maxReopens (recorded all the same).
 * - MissDeadline escalates for the earliest missed deadline only; the new holder gets fresh
 *   deadlines from `at`. At the province it flags every missed, unflagged deadline at once.
 * - UrgeCase and TakeOverCase come from a cadre of an org strictly above the holder on the case's
 *   chain (the table's `above`); the urging or taking org is the binding she acts by. One org urges
 *   one holder at most once per policy.urgeIntervalHours. A take-over is an arrival like an escalation:
 *   the supervising org holds the case, pending, with fresh deadlines of its level.
 * - TransferCase (转办) moves an open case to another org at its level under the same parent org (the
 *   parent's subtree), with fresh deadlines there; the case's village and chain become the new
 *   village's (the handler reads them from the tree), so the holder stays on the case's chain. The
 *   holder may within policy.transferWithinHours of its arrival and not straight back to the org that
 *   transferred it here; the parent org's cadre may at any time.
 * - RequestExtension / DecideExtension (延期): the holder asks before its resolve deadline, at most once
 *   per level over the case's life, for at most its level's own resolve days; the parent org's cadre
 *   answers while the request is pending (it lapses when the case moves on). Approved, resolveBy moves
 *   by the days asked, and everything timed follows it (case.timers.ts).
 * - RemindDeadline (timer) reminds of every running deadline whose reminder is due and not yet sent
 *   for that deadline (case.timers.ts remindersDue); none once a deadline has passed.
 * - PlanTask / CompleteTask (帮扶方案, help-plan.rules.ts): the holder sets tasks on an accepted case,
 *   due after now and not after its resolve deadline, at most MAX_TASKS; a member assignee must be
 *   one the rules allow for this case. A task is completed while the case is open, by the holder or by
 *   the member it names. ResolveCase with open tasks needs `openTasks` (what became of them): it
 *   settles them (TasksSettled) before CaseResolved; without it, CONFLICT OPEN_TASKS.
 * - RejectPhoto applies whatever the status, closed and withdrawn included: hiding a photo that
 *   failed the content check protects whoever would see it, it is not handling the case. A photo
 *   already hidden decides no events, so the same verdict twice changes nothing.
 */
import { LEVELS, type Level } from '../../../types/enums'
import type { ErrorCode, FailureReason } from '../../../types/envelope'
import type { ActedBy, Person } from './actor.types'
import { DEFAULT_CASE_POLICY, type CasePolicy } from './domain.config'
import { assertNever, domainError, type DomainError } from './domain.errors'
import { autoCloseAt, deadlinesAt } from './deadline.policy'
import { DAY_MS, HOUR_MS, addMs, isAfter, isAtOrAfter, isInstant, toMs } from './iso-time'
import { chainProblem, isAbove, levelIndex, levelOnChain, parentLevel, type Chain } from './org-ladder'
import { actingBinding, actingRole, actionBindings, canOnCase, isReporter, parentOrgOf, type CaseAction } from './case.access'
import { isPublicCase, SUPPORTERS_MAX } from './me-too.rules'
import { allowedBindings } from './authorization.table'
import type * as C from './case.commands'
import type * as E from './case.events'
import { extensionAtLevel, isOpen, pendingExtension, type CaseState } from './case.state'
import { missedDeadlines, remindersDue, type RunningDeadline } from './case.timers'
import { MAX_TASKS, assigneeBinding, assigneeProblem, isTaskAssignee, nextTaskId, openTasks, taskOf } from './help-plan.rules'

export { evolve, fold } from './case.evolve'

export type Decision = { ok: true; events: E.CaseEvent[] } | { ok: false; error: DomainError }

type CaseCommandOnCase = Exclude<C.CaseCommand, C.SubmitCase>

/** What each command asks of case.access, or 'system' for the commands only timers issue. */
export const ACTION_OF_COMMAND: Readonly<Record<CaseCommandOnCase['type'], CaseAction | 'system'>> = {
  AcceptCase: 'accept',
  ResolveCase: 'resolve',
  EscalateCase: 'escalate',
  HandBackCase: 'handBack',
  UrgeCase: 'urge',
  TakeOverCase: 'takeOver',
  TransferCase: 'transfer',
  RequestExtension: 'requestExtension',
  DecideExtension: 'decideExtension',
  AssignDepartment: 'assign',
  RecordDepartmentReply: 'reply',
  RateCase: 'rate',
  WithdrawCase: 'withdraw',
  AutoCloseCase: 'system',
  MissDeadline: 'system',
  RemindDeadline: 'system',
  RecordDeliberation: 'system',
  RejectPhoto: 'system',
  SupportCase: 'support',
  MergeCase: 'merge',
  AbsorbMergedCase: 'merge',
  PlanTask: 'planTask',
  CompleteTask: 'completeTask',
}

export function decide(
  command: C.CaseCommand,
  state: CaseState | null,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): Decision {
  if (!isInstant(command.at)) return reject('INVALID_INPUT', '操作时间无效')
  if (command.type === 'SubmitCase') return submitCase(command, state, policy)
  if (state === null) return reject('NOT_FOUND', '没有找到该反映')

  const who = authorize(command, state)
  if (!who.ok) return who
  // Anonymous and sensitive cases are never offered: a me-too on one learns nothing, not even its status.
  if (command.type === 'SupportCase' && !isPublicCase(state)) return reject('NOT_FOUND', '没有找到该反映')
  if (command.type !== 'RejectPhoto') {
    if (state.status === 'closed') {
      // Closed by her own rating: a second rating is "already rated", not merely "closed".
      const reason = command.type === 'RateCase' && state.rating !== undefined ? 'ALREADY_RATED' : 'CASE_CLOSED'
      return reject('CONFLICT', '该反映已关闭，不能再进行操作', reason)
    }
    if (state.status === 'withdrawn') return reject('CONFLICT', '该反映已撤回，不能再进行操作', 'CASE_CLOSED')
  }

  const { by } = who
  switch (command.type) {
    case 'AcceptCase':
      return acceptCase(command, state, by)
    case 'ResolveCase':
      return resolveCase(command, state, policy, by)
    case 'EscalateCase':
      return escalateCase(command, state, policy, by)
    case 'HandBackCase':
      return handBackCase(command, state, policy, by)
    case 'UrgeCase':
      return urgeCase(command, state, policy, by)
    case 'TakeOverCase':
      return takeOverCase(command, state, policy, by)
    case 'TransferCase':
      return transferCase(command, state, policy, by)
    case 'RequestExtension':
      return requestExtension(command, state, policy, by)
    case 'DecideExtension':
      return decideExtension(command, state, by)
    case 'AssignDepartment':
      return assignDepartment(command, state, by)
    case 'RecordDepartmentReply':
      return recordDepartmentReply(command, state, by)
    case 'RateCase':
      return rateCase(command, state, policy, by)
    case 'WithdrawCase':
      return withdrawCase(command, state, by)
    case 'AutoCloseCase':
      return autoCloseCase(command, state)
    case 'MissDeadline':
      return missDeadline(command, state, policy)
    case 'RemindDeadline':
      return remindDeadline(command, state, policy)
    case 'RecordDeliberation':
      return recordDeliberation(command, state)
    case 'RejectPhoto':
      return rejectPhoto(command, state)
    case 'SupportCase':
      return supportCase(command, state, by)
    case 'MergeCase':
      return mergeCase(command, state, by)
    case 'AbsorbMergedCase':
      return absorbMergedCase(command, state, by)
    case 'PlanTask':
      return planTask(command, state, by)
    case 'CompleteTask':
      return completeTask(command, state, by)
    default:
      return assertNever(command)
  }
}

function submitCase(c: C.SubmitCase, state: CaseState | null, policy: CasePolicy): Decision {
  // Reporting in someone else's name is not a feature: the handler passes the caller's openid.
  if (c.actor === 'system' || !c.reporterOpenid || c.actor.openid !== c.reporterOpenid) {
    return reject('FORBIDDEN', '只能以本人身份提交反映')
  }
  // Own-only row: the village id alone places her (the chain is checked below, after who).
  const councilMember = allowedBindings(c.actor, 'case.submitOnBehalf', [c.villageId]).length > 0
  if (c.onBehalf && !councilMember) return reject('FORBIDDEN', '只有本村（社区）议事会成员可以代群众反映')
  if (state !== null) return reject('CONFLICT', '该反映已提交，请勿重复提交', 'DUPLICATE_REQUEST')
  if (blank(c.caseId)) return reject('INVALID_INPUT', '反映编号无效')
  const chainError = chainProblem(c.chain, c.villageId)
  if (chainError) return { ok: false, error: chainError }
  if (blank(c.title)) return reject('INVALID_INPUT', '请填写标题')
  if (blank(c.content)) return reject('INVALID_INPUT', '请填写反映内容')

  // A plain copy: the case keeps exactly the five ids, whatever object the caller passed.
  const chain = Object.fromEntries(LEVELS.map((level) => [level, c.chain[level]])) as Chain
  return accepted({
    type: 'CaseSubmitted',
    at: c.at,
    level: 'village',
    orgId: chain.village,
    by: { openid: c.reporterOpenid, role: c.onBehalf ? 'member' : 'resident' },
    caseId: c.caseId,
    kind: c.kind,
    category: c.category,
    title: c.title,
    content: c.content,
    villageId: c.villageId,
    chain,
    reporter: { openid: c.reporterOpenid, anonymous: c.anonymous },
    ...(c.photos && c.photos.length > 0 && { photos: [...c.photos] }),
    ...(c.onBehalf && { onBehalf: true as const }),
    ...deadlinesAt('village', c.at, policy),
  })
}

function acceptCase(c: C.AcceptCase, state: CaseState, by: ActedBy | undefined): Decision {
  if (state.status === 'in_progress') return reject('CONFLICT', '该反映已受理', 'CASE_ALREADY_ACCEPTED')
  if (state.status !== 'pending') return reject('CONFLICT', '该反映已办结，无需受理', 'CASE_CLOSED')
  return accepted({ type: 'CaseAccepted', ...here(state, c.at, by) })
}

function resolveCase(c: C.ResolveCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (state.status === 'pending') return reject('CONFLICT', '请先受理该反映，再登记办理结果', 'CASE_NOT_ACCEPTED')
  if (state.status !== 'in_progress') return reject('CONFLICT', '该反映已办结', 'CASE_CLOSED')
  if (blank(c.resolution)) return reject('INVALID_INPUT', '请填写办理情况')
  const open = openTasks(state)
  if (open.length > 0 && c.openTasks !== 'done' && c.openTasks !== 'dropped') {
    return reject('CONFLICT', `还有 ${open.length} 项帮扶任务未完成，请说明这些任务是已经完成还是不再需要`, 'OPEN_TASKS')
  }
  const note = typeof c.openTasksNote === 'string' && c.openTasksNote.trim() !== '' ? c.openTasksNote : undefined
  const settled: E.TasksSettled[] =
    open.length > 0 && c.openTasks
      ? [{ type: 'TasksSettled', ...here(state, c.at, by), taskIds: open.map((t) => t.id), outcome: c.openTasks, ...(note !== undefined && { note }) }]
      : []
  return accepted(...settled, {
    type: 'CaseResolved',
    ...here(state, c.at, by),
    outcome: c.outcome,
    resolution: c.resolution,
    autoCloseBy: autoCloseAt(c.at, policy),
  })
}

function escalateCase(c: C.EscalateCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再上报', 'CASE_CLOSED')
  const toLevel = parentLevel(state.level)
  if (toLevel === null) return reject('CONFLICT', '该反映已在省级办理，无法继续上报', 'TOP_LEVEL')
  if (blank(c.reason)) return reject('INVALID_INPUT', '请填写上报原因')
  return accepted(escalation(state, c.at, toLevel, policy, { reason: c.reason, auto: false, by }))
}

function handBackCase(c: C.HandBackCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再交回下级办理', 'CASE_CLOSED')
  const toLevel = typeof c.toOrgId === 'string' ? levelOnChain(state.chain, c.toOrgId) : null
  if (toLevel === null || !isAbove(state.level, toLevel)) {
    return reject('INVALID_INPUT', '只能交回该反映上报路径中的下级组织办理')
  }
  if (blank(c.instructions)) return reject('INVALID_INPUT', '请填写交办要求')
  return accepted({
    type: 'CaseHandedBack',
    ...here(state, c.at, by),
    fromLevel: state.level,
    toLevel,
    toOrgId: state.chain[toLevel],
    instructions: c.instructions,
    ...deadlinesAt(toLevel, c.at, policy),
  })
}

/** Where the supervising cadre stands: the org of the binding she acts by, on the case's chain. */
function supervisor(c: C.UrgeCase | C.TakeOverCase, state: CaseState, action: 'urge' | 'takeOver') {
  // Authorized: a person with a binding strictly above the holder on the chain.
  const binding = actingBinding(c.actor as Person, action, state)!
  return { orgId: binding.orgId, level: levelOnChain(state.chain, binding.orgId)! }
}

function urgeCase(c: C.UrgeCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，无需催办', 'CASE_CLOSED')
  const from = supervisor(c, state, 'urge')
  const since = toMs(c.at) - policy.urgeIntervalHours * HOUR_MS
  const recently = (state.urges ?? []).some((u) => u.fromOrgId === from.orgId && u.orgId === state.holderOrgId && toMs(u.at) > since)
  if (recently) {
    return reject('CONFLICT', `本单位 ${policy.urgeIntervalHours} 小时内已催办过该反映，请稍后再催`, 'ALREADY_URGED')
  }
  if (c.note !== undefined && typeof c.note !== 'string') return reject('INVALID_INPUT', '催办意见无效')
  const note = typeof c.note === 'string' && c.note.trim() !== '' ? c.note : undefined
  return accepted({
    type: 'CaseUrged',
    ...here(state, c.at, by),
    fromLevel: from.level,
    fromOrgId: from.orgId,
    ...(note !== undefined && { note }),
  })
}

function takeOverCase(c: C.TakeOverCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再提级办理', 'CASE_CLOSED')
  if (blank(c.reason)) return reject('INVALID_INPUT', '请填写提级办理的理由')
  const to = supervisor(c, state, 'takeOver')
  return accepted({
    type: 'CaseTakenOver',
    ...here(state, c.at, by),
    fromLevel: state.level,
    toLevel: to.level,
    toOrgId: to.orgId,
    reason: c.reason,
    ...deadlinesAt(to.level, c.at, policy),
  })
}

function transferCase(c: C.TransferCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再转办', 'CASE_CLOSED')
  const parent = parentOrgOf(state)
  if (parent === undefined) return reject('CONFLICT', '该反映在省级办理，没有可以转办的同级单位', 'TOP_LEVEL')
  // Authorized: the holder's convener or cadre, or a cadre of the parent org (who may at any time).
  const asParent = actionBindings(c.actor as Person, 'transfer', state).some((b) => b.orgId === parent)
  if (!asParent && !isAfter(addMs(state.arrivedAt, policy.transferWithinHours * HOUR_MS), c.at)) {
    return reject(
      'CONFLICT',
      `反映到达本级已超过 ${policy.transferWithinHours} 小时，不能再转办；确属转错的，请上一级妇联转办`,
      'TRANSFER_TOO_LATE',
    )
  }
  if (blank(c.reason)) return reject('INVALID_INPUT', '请填写转办理由')
  if (blank(c.toOrgId) || c.toOrgId === state.holderOrgId) return reject('INVALID_INPUT', '请选择要转给的单位（不能是本单位）')
  const chain = c.chain
  if (chain === null || typeof chain !== 'object') return reject('INVALID_INPUT', '请选择要转给的单位及反映所在的村（社区）')
  const above = LEVELS.slice(levelIndex(state.level) + 1)
  if (chainProblem(chain, chain.village) !== null || chain[state.level] !== c.toOrgId || !above.every((l) => chain[l] === state.chain[l])) {
    return reject('INVALID_INPUT', '只能转给同一上级下的同级单位')
  }
  // Sent straight back, it would go round between two orgs that each say it is not theirs: the parent settles that.
  const last = state.transfers?.at(-1)
  if (!asParent && last && last.at === state.arrivedAt && last.toOrgId === state.holderOrgId && last.fromOrgId === c.toOrgId) {
    return reject('INVALID_INPUT', '这条反映是从该单位转来的，不能直接转回；如有异议，请上一级妇联转办')
  }
  const byOrgId = asParent ? parent : state.holderOrgId
  return accepted({
    type: 'CaseTransferred',
    ...here(state, c.at, by),
    toOrgId: c.toOrgId,
    villageId: chain.village,
    // A plain copy: the case keeps exactly the five ids, whatever object the caller passed.
    chain: Object.fromEntries(LEVELS.map((level) => [level, chain[level]])) as Chain,
    byOrgId,
    byLevel: levelOnChain(state.chain, byOrgId)!,
    reason: c.reason,
    ...deadlinesAt(state.level, c.at, policy),
  })
}

function requestExtension(c: C.RequestExtension, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，无需延期', 'CASE_CLOSED')
  if (parentLevel(state.level) === null) return reject('CONFLICT', '省级办理的反映没有上一级审批延期', 'TOP_LEVEL')
  if (!isAfter(state.resolveBy, c.at)) return reject('CONFLICT', '办结期限已过，不能再申请延期', 'DEADLINE_PASSED')
  if (extensionAtLevel(state)) return reject('CONFLICT', '本级已申请过延期，每一级只能申请一次', 'EXTENSION_USED')
  const max = policy.resolveWithinDays[state.level]
  if (!Number.isInteger(c.days) || c.days < 1 || c.days > max) return reject('INVALID_INPUT', `延期天数应在 1 到 ${max} 天之间`)
  if (blank(c.reason)) return reject('INVALID_INPUT', '请填写延期理由')
  return accepted({ type: 'ExtensionRequested', ...here(state, c.at, by), days: c.days, reason: c.reason, resolveBy: state.resolveBy })
}

function decideExtension(c: C.DecideExtension, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，无需审批延期', 'CASE_CLOSED')
  const request = pendingExtension(state)
  if (!request) return reject('CONFLICT', '没有待审批的延期申请', 'NO_EXTENSION_REQUEST')
  if (typeof c.approve !== 'boolean') return reject('INVALID_INPUT', '请选择同意或不同意')
  // Once the deadline has passed the sweep escalates the case; a late yes must not undo that.
  if (c.approve && !isAfter(state.resolveBy, c.at)) return reject('CONFLICT', '办结期限已过，不能再批准延期', 'DEADLINE_PASSED')
  if (c.note !== undefined && typeof c.note !== 'string') return reject('INVALID_INPUT', '审批意见无效')
  const note = typeof c.note === 'string' && c.note.trim() !== '' ? c.note : undefined
  // Authorized: a cadre of the parent org (case.access.ts PARENT_ONLY); the province has none, and no request.
  const parent = parentOrgOf(state)!
  return accepted({
    type: 'ExtensionDecided',
    ...here(state, c.at, by),
    approve: c.approve,
    days: request.days,
    ...(note !== undefined && { note }),
    fromLevel: levelOnChain(state.chain, parent)!,
    fromOrgId: parent,
    resolveBy: c.approve ? addMs(state.resolveBy, request.days * DAY_MS) : state.resolveBy,
  })
}

function assignDepartment(c: C.AssignDepartment, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再交办部门', 'CASE_CLOSED')
  if (blank(c.department)) return reject('INVALID_INPUT', '请填写承办部门')
  if (typeof c.note !== 'string') return reject('INVALID_INPUT', '交办说明无效')
  if (c.followUpBy !== undefined && !(isInstant(c.followUpBy) && isAfter(c.followUpBy, c.at))) {
    return reject('INVALID_INPUT', '跟进时间应晚于当前时间')
  }
  const assigned: E.DepartmentAssigned = {
    type: 'DepartmentAssigned',
    ...here(state, c.at, by),
    department: c.department,
    note: c.note,
    ...(c.followUpBy !== undefined && { followUpBy: new Date(c.followUpBy).toISOString() }),
  }
  return state.status === 'pending'
    ? accepted({ type: 'CaseAccepted', ...here(state, c.at, by) }, assigned)
    : accepted(assigned)
}

function recordDepartmentReply(c: C.RecordDepartmentReply, state: CaseState, by: ActedBy | undefined): Decision {
  if (state.status !== 'in_progress') {
    // Closed and withdrawn were refused above: it is resolved, or pending at a new holder.
    const reason = state.status === 'pending' ? 'CASE_NOT_ACCEPTED' : 'CASE_CLOSED'
    return reject('CONFLICT', '该反映当前不在办理中，无法登记部门回复', reason)
  }
  if (!state.assignment) return reject('CONFLICT', '该反映尚未交办部门，无法登记部门回复')
  if (blank(c.reply)) return reject('INVALID_INPUT', '请填写部门回复内容')
  return accepted({ type: 'DepartmentReplied', ...here(state, c.at, by), reply: c.reply })
}

function rateCase(c: C.RateCase, state: CaseState, policy: CasePolicy, by: ActedBy | undefined): Decision {
  if (state.status !== 'resolved') return reject('CONFLICT', '反映办结后才能评价', 'CASE_NOT_RESOLVED')
  if (c.reopen === true && c.solved === 'yes') return reject('INVALID_INPUT', '问题已经解决了，不需要再交上一级继续办理')
  const comment = typeof c.comment === 'string' && c.comment.trim() !== '' ? c.comment : undefined
  const rated: E.CaseRated = {
    type: 'CaseRated',
    ...here(state, c.at, by),
    solved: c.solved,
    satisfaction: c.satisfaction,
    ...(comment !== undefined && { comment }),
  }
  if (c.solved === 'yes' || c.reopen !== true || state.reopenCount >= policy.maxReopens) {
    return accepted(rated, { type: 'CaseClosed', ...here(state, c.at, by), auto: false })
  }
  // At the province there is no level above: the case reopens where it is.
  const toLevel = parentLevel(state.level) ?? state.level
  return accepted(rated, {
    type: 'CaseReopened',
    ...here(state, c.at, by),
    fromLevel: state.level,
    toLevel,
    toOrgId: state.chain[toLevel],
    solved: c.solved,
    ...deadlinesAt(toLevel, c.at, policy),
  })
}

function withdrawCase(c: C.WithdrawCase, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能撤回', 'CASE_CLOSED')
  const reason = typeof c.reason === 'string' && c.reason.trim() !== '' ? c.reason : undefined
  return accepted({ type: 'CaseWithdrawn', ...here(state, c.at, by), ...(reason !== undefined && { reason }) })
}

function autoCloseCase(c: C.AutoCloseCase, state: CaseState): Decision {
  if (state.status !== 'resolved' || state.autoCloseBy === undefined) {
    return reject('CONFLICT', '该反映不是已办结状态，无需自动关闭')
  }
  if (!isAtOrAfter(c.at, state.autoCloseBy)) return reject('CONFLICT', '尚未到自动关闭时间')
  return accepted({ type: 'CaseClosed', ...here(state, c.at, undefined), auto: true })
}

function missDeadline(c: C.MissDeadline, state: CaseState, policy: CasePolicy): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已不在办理期限内', 'CASE_CLOSED')
  const missed = missedDeadlines(state, c.at)
  const [earliest] = missed
  if (!earliest) return reject('CONFLICT', '办理期限尚未到期')

  const toLevel = parentLevel(state.level)
  if (toLevel === null) {
    return accepted(...missed.map((deadline) => overdueFlag(state, c.at, deadline)))
  }
  return accepted(
    escalation(state, c.at, toLevel, policy, {
      reason: MISSED_REASON[earliest.kind],
      auto: true,
      missed: earliest.kind,
      by: undefined,
    }),
  )
}

function remindDeadline(c: C.RemindDeadline, state: CaseState, policy: CasePolicy): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已不在办理期限内', 'CASE_CLOSED')
  if (missedDeadlines(state, c.at).length > 0) return reject('CONFLICT', '办理期限已过，无需提醒')
  const due = remindersDue(state, c.at, policy)
  if (due.length === 0) return reject('CONFLICT', '尚未到提醒时间')
  return accepted(
    ...due.map((reminder): E.DeadlineReminded => ({
      type: 'DeadlineReminded',
      ...here(state, c.at, undefined),
      deadline: reminder.kind,
      due: reminder.deadline,
    })),
  )
}

/**
 * A council's deliberation result goes on the timeline of any case still in hand (pending, in
 * progress or resolved: a result that arrives after the holder resolved the case is still its
 * history). Closed and withdrawn cases take nothing, like every other command. The entry sits at
 * the council's org, wherever the case is held now.
 */
function recordDeliberation(c: C.RecordDeliberation, state: CaseState): Decision {
  if (blank(c.deliberationId)) return reject('INVALID_INPUT', '议事编号无效')
  if (blank(c.title)) return reject('INVALID_INPUT', '议题无效')
  const level = typeof c.orgId === 'string' ? levelOnChain(state.chain, c.orgId) : null
  const where = level === null ? here(state, c.at, undefined) : { at: c.at, level, orgId: c.orgId }
  return accepted({
    type: 'CaseDeliberated',
    ...where,
    deliberationId: c.deliberationId,
    title: c.title,
    result: { ...c.result },
  })
}

/**
 * Hides a photo the content check rejected. Nothing to do for a photo already hidden (a repeated
 * verdict); a photo the case never had is refused, since the check was recorded for another case.
 */
function rejectPhoto(c: C.RejectPhoto, state: CaseState): Decision {
  if (blank(c.photo)) return reject('INVALID_INPUT', '照片编号无效')
  if ((state.hiddenPhotos ?? []).includes(c.photo)) return accepted()
  if (!state.photos.includes(c.photo)) return reject('INVALID_INPUT', '该反映没有这张照片')
  return accepted({ type: 'CasePhotoRejected', ...here(state, c.at, undefined), photo: c.photo })
}

/**
 * 我也遇到 on a public case (decide() answered the others NOT_FOUND): while it is being handled, not
 * her own, once (a second tap changes nothing), up to SUPPORTERS_MAX followers.
 */
function supportCase(c: C.SupportCase, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '这条反映已办结，不用再点“我也遇到”', 'CASE_CLOSED')
  if (c.actor !== 'system' && isReporter(c.actor, state)) return reject('CONFLICT', '这是您自己提交的反映，办理进展会告诉您')
  if (c.following) return accepted()
  if ((state.supporters ?? 0) >= SUPPORTERS_MAX) return reject('CONFLICT', '关注这条反映的人已经很多了；您的情况不同的话，可以自己写一条反映')
  return accepted({ type: 'CaseSupported', ...here(state, c.at, by) })
}

/**
 * 合并办理 by the holder: both open, held by the same org, not into itself, and only into a public
 * case — its followers (this case's reporter among them) will see it, while nobody new sees this one.
 */
function mergeCase(c: C.MergeCase, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，不能再合并', 'CASE_CLOSED')
  const into = c.into
  if (into === null || typeof into !== 'object') return reject('NOT_FOUND', '没有找到要合并到的反映')
  if (into.id === state.id) return reject('INVALID_INPUT', '不能把反映合并到它自己')
  if (!isOpen(into.status) || into.mergedInto !== undefined) {
    return reject('CONFLICT', '要合并到的反映已办结，请选一条正在办理的反映', 'CASE_CLOSED')
  }
  if (into.holderOrgId !== state.holderOrgId) return reject('INVALID_INPUT', '只能合并到本单位正在办理的反映')
  if (!isPublicCase(into)) return reject('INVALID_INPUT', '不能合并到匿名或涉及隐私的反映：合并后，关注它的人都会看到它')
  return accepted({ type: 'CaseMerged', ...here(state, c.at, by), intoCaseId: into.id })
}

/** The target's side of a merge, decided for the same person on the target (its holder). */
function absorbMergedCase(c: C.AbsorbMergedCase, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '要合并到的反映已办结，请选一条正在办理的反映', 'CASE_CLOSED')
  if (blank(c.fromCaseId) || c.fromCaseId === state.id) return reject('INVALID_INPUT', '不能把反映合并到它自己')
  if (!Number.isInteger(c.added) || c.added < 0) return reject('INVALID_INPUT', '合并带来的关注人数无效')
  return accepted({ type: 'CaseMergedIn', ...here(state, c.at, by), fromCaseId: c.fromCaseId, added: c.added })
}

function planTask(c: C.PlanTask, state: CaseState, by: ActedBy | undefined): Decision {
  if (state.status === 'pending') return reject('CONFLICT', '请先受理该反映，再安排帮扶任务', 'CASE_NOT_ACCEPTED')
  if (state.status !== 'in_progress') return reject('CONFLICT', '该反映已办结，不能再安排帮扶任务', 'CASE_CLOSED')
  if ((state.tasks ?? []).length >= MAX_TASKS) {
    return reject('CONFLICT', `一条反映最多安排 ${MAX_TASKS} 项帮扶任务`, 'TOO_MANY_TASKS')
  }
  if (blank(c.title)) return reject('INVALID_INPUT', '请填写任务内容')
  if (!isInstant(c.dueAt) || !isAfter(c.dueAt, c.at)) return reject('INVALID_INPUT', '完成日期应晚于现在')
  if (isAfter(c.dueAt, state.resolveBy)) return reject('INVALID_INPUT', '完成日期不能晚于这条反映的办结期限')
  const assignee = c.assignee
  if (assignee === null || typeof assignee !== 'object') return reject('INVALID_INPUT', '请选择承办人')
  const problem = assigneeProblem(assignee, state)
  if (problem) return reject('INVALID_INPUT', problem)
  return accepted({
    type: 'TaskPlanned',
    ...here(state, c.at, by),
    task: {
      id: nextTaskId(state),
      title: c.title,
      // The record keeps who she is, not her bindings of the day.
      assignee:
        assignee.kind === 'member'
          ? { kind: 'member', openid: assignee.openid, name: assignee.name }
          : { kind: 'volunteer', name: assignee.name, ...(assignee.phone && { phone: assignee.phone }) },
      dueAt: new Date(c.dueAt).toISOString(),
    },
  })
}

function completeTask(c: C.CompleteTask, state: CaseState, by: ActedBy | undefined): Decision {
  if (!isOpen(state.status)) return reject('CONFLICT', '该反映已办结，帮扶任务已随办结说明', 'CASE_CLOSED')
  // Authorized: the holder, or the member this very task names (so it exists).
  const task = taskOf(state, c.taskId)
  if (!task) return reject('NOT_FOUND', '没有找到这项帮扶任务')
  if (task.status !== 'open') return reject('CONFLICT', '这项帮扶任务已经完成', 'TASK_CLOSED')
  if (c.note !== undefined && typeof c.note !== 'string') return reject('INVALID_INPUT', '完成情况无效')
  const note = typeof c.note === 'string' && c.note.trim() !== '' ? c.note : undefined
  const byAssignee = c.actor !== 'system' && isTaskAssignee(c.actor, task) && !canOnCase(c.actor, 'completeTask', state)
  return accepted({
    type: 'TaskCompleted',
    ...here(state, c.at, by),
    taskId: task.id,
    title: task.title,
    assigneeKind: task.assignee.kind,
    byAssignee,
    ...(note !== undefined && { note }),
  })
}

const MISSED_REASON: Record<E.MissedDeadline, string> = {
  accept: '超过受理期限未受理，自动上报上级妇联',
  resolve: '超过办理期限未办结，自动上报上级妇联',
}

function overdueFlag(state: CaseState, at: string, deadline: RunningDeadline): E.CaseFlaggedOverdue {
  return { type: 'CaseFlaggedOverdue', ...here(state, at, undefined), missed: deadline.kind, deadline: deadline.at }
}

function escalation(
  state: CaseState,
  at: string,
  toLevel: Level,
  policy: CasePolicy,
  how: { reason: string; auto: boolean; missed?: E.MissedDeadline; by: ActedBy | undefined },
): E.CaseEscalated {
  return {
    type: 'CaseEscalated',
    ...here(state, at, how.by),
    fromLevel: state.level,
    toLevel,
    toOrgId: state.chain[toLevel],
    reason: how.reason,
    auto: how.auto,
    ...(how.missed !== undefined && { missed: how.missed }),
    ...deadlinesAt(toLevel, at, policy),
  }
}

type Authorized = { ok: true; by: ActedBy | undefined } | { ok: false; error: DomainError }

function authorize(command: CaseCommandOnCase, state: CaseState): Authorized {
  const action = ACTION_OF_COMMAND[command.type]
  if (action === 'system') {
    return command.actor === 'system'
      ? { ok: true, by: undefined }
      : { ok: false, error: domainError('FORBIDDEN', '该操作只能由系统执行') }
  }
  if (command.type === 'CompleteTask' && command.actor !== 'system' && !canOnCase(command.actor, action, state)) {
    // The member the task names, by the binding that let her be named (or as a member).
    const task = taskOf(state, command.taskId)
    if (!task || !isTaskAssignee(command.actor, task)) {
      return { ok: false, error: domainError('FORBIDDEN', '只有承办单位或这项任务的承办人可以完成这项任务') }
    }
    return { ok: true, by: { openid: command.actor.openid, role: assigneeBinding(command.actor.roles, state)?.role ?? 'member' } }
  }
  if (command.actor === 'system' || !canOnCase(command.actor, action, state)) {
    const message =
      action === 'rate' || action === 'withdraw'
        ? '只有反映人本人可以进行此操作'
        : action === 'urge' || action === 'takeOver'
          ? '只有上级妇联干部可以催办或提级办理该反映'
          : action === 'transfer'
            ? '只有当前承办单位或其上一级妇联可以转办该反映'
            : action === 'decideExtension'
              ? '只有上一级妇联干部可以审批延期申请'
              : action === 'merge'
                ? '只有当前承办组织的议事会主任或妇联干部可以合并反映'
                : '只有当前承办组织的议事会主任或妇联干部可以办理该反映'
    return { ok: false, error: domainError('FORBIDDEN', message) }
  }
  return { ok: true, by: { openid: command.actor.openid, role: actingRole(command.actor, action, state) } }
}

interface Where {
  at: string
  level: Level
  orgId: string
  by?: ActedBy
}

/** Where an event happens: at the case's current holder. */
function here(state: CaseState, at: string, by: ActedBy | undefined): Where {
  const where: Where = { at, level: state.level, orgId: state.holderOrgId }
  if (by !== undefined) where.by = by
  return where
}

const accepted = (...events: E.CaseEvent[]): Decision => ({ ok: true, events })

const reject = (code: ErrorCode, message: string, reason?: FailureReason): Decision => ({
  ok: false,
  error: domainError(code, message, reason),
})

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === ''
