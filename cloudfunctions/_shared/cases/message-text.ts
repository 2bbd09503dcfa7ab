/**
 * The words of a case: of each case message, as the message centre shows them, and the values it puts
 * into its subscription template's fields; and one plain line per timeline entry, what happened and
 * where — never who. Short, plain, and never more of a sensitive case than its status: a message can be
 * read over her shoulder, a notification on a lock screen (there a sensitive case is only "您反映的事项").
 */
import { LEVEL_LABELS, OUTCOME_LABELS, SATISFACTION_LABELS, SENSITIVE_CATEGORIES, SOLVED_LABELS, type Level } from '../../../types/enums'
import { MESSAGE_KIND_LABELS, type MessageKind } from '../../../types/messages'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState, ExtensionRecord, MissRecord, UrgeRecord } from '../domain/case.state'
import { addMs, DAY_MS } from '../domain/iso-time'
import { PRIVATE_TASK_TITLE, type TimelineEntry } from '../domain/case.view'
import { assertNever } from '../domain/domain.errors'
import { caseNumber } from '../../../types/case.contract'

const addDays = (iso: string, days: number) => addMs(iso, days * DAY_MS)

export interface MessageText {
  title: string
  body: string
}

/** What a message is about, as 消息 groups it: the case's number and title (a sensitive one unnamed). */
export function caseSubject(state: CaseState): string {
  const sensitive = SENSITIVE_CATEGORIES.includes(state.category)
  return `${caseNumber(state.id)} ${sensitive ? '您反映的事项' : state.title}`
}

const where = (orgName: string, level: Level) => `${orgName}（${LEVEL_LABELS[level]}）`

const CHINA_OFFSET_MS = 8 * 3_600_000
/** 3月15日, in China time (a deadline is weeks away at most: no year). */
export function monthDay(iso: string): string {
  const t = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日`
}
/** 3月15日 09:30, in China time. */
export function monthDayTime(iso: string): string {
  const t = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${monthDay(iso)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

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
      return event.type === 'DeadlineReminded' && event.deadline === 'accept'
        ? { title, body: `一条反映的受理期限快到了，请${holder}及时受理，逾期将自动转上级。` }
        : { title, body: `一条反映的办结期限快到了，请${holder}抓紧办理，逾期将自动转上级。` }
    case 'case_urged': {
      if (event.type !== 'CaseUrged') return { title, body: '上级妇联催办一条反映，请抓紧办理。' }
      const note = event.note ? `催办意见：${event.note}` : ''
      return { title, body: `${where(orgName(event.fromOrgId), event.fromLevel)}催办这条反映，请抓紧办理。${note}` }
    }
    case 'case_taken_over':
      return { title, body: `您的反映已由${holder}提级办理。` }
    case 'case_pulled_up':
      return { title, body: `一条反映已由${holder}提级办理，本级不再承办。` }
    case 'case_transferred':
      return { title, body: `您的反映已转给${holder}办理。` }
    case 'case_transferred_away':
      if (event.type !== 'CaseTransferred') return { title, body: `一条反映已转给${holder}办理，本级不再承办。` }
      return { title, body: `${where(orgName(event.byOrgId), event.byLevel)}已把一条反映转给${holder}办理，本级不再承办。` }
    case 'extension_requested':
      if (event.type !== 'ExtensionRequested') return { title, body: '下级申请延长一条反映的办结期限，请审批。' }
      return { title, body: `${holder}申请将一条反映的办结期限延长 ${event.days} 天（至 ${monthDayTime(addDays(event.resolveBy, event.days))}），请审批。` }
    case 'extension_decided': {
      if (event.type !== 'ExtensionDecided') return { title, body: '上一级妇联已答复延期申请。' }
      const from = where(orgName(event.fromOrgId), event.fromLevel)
      const note = event.note ? `审批意见：${event.note}` : ''
      return event.approve
        ? { title, body: `${from}同意延期 ${event.days} 天，办结期限延长到 ${monthDayTime(event.resolveBy)}。${note}` }
        : { title, body: `${from}不同意延期，请在原办结期限（${monthDayTime(event.resolveBy)}）内办结。${note}` }
    }
    case 'case_extended':
      return { title, body: `您的反映办理期限延长到${monthDay(state.resolveBy)}。` }
    case 'case_merged': {
      const into = event.type === 'CaseMerged' ? `#${caseNumber(event.intoCaseId)} ` : '另一条反映'
      return { title, body: `您的反映已与 ${into}合并办理，办理进展会继续告诉您。` }
    }
    case 'task_assigned': {
      if (event.type !== 'TaskPlanned') return { title, body: `${holder}请您协助一项帮扶任务，请进入小程序查看。` }
      // A sensitive case's task may repeat what she told: the lock screen says only that there is one.
      const what = SENSITIVE_CATEGORIES.includes(state.category) ? '一项帮扶任务' : `帮扶任务“${event.task.title}”`
      return { title, body: `${holder}请您负责${what}，${monthDayTime(event.task.dueAt)}前完成。完成后请在反映页面点“完成”。` }
    }
    case 'deliberation_invited':
    case 'deliberation_reminder':
    case 'deliberation_result':
    // Not about one case: written by stats/hotspot-watch.ts.
    case 'hotspot_alert':
      return { title, body: title }
  }
}

/**
 * The same message for one who follows the case (我也遇到): the case is not "hers", and rating it is
 * its reporter's (a follower is not asked to). Who else follows is never said.
 */
export function supporterMessageText(kind: MessageKind, event: CaseEvent, state: CaseState, orgName: (id: string) => string): MessageText {
  const text = caseMessageText(kind, event, state, orgName)
  if (kind === 'case_resolved') {
    const outcome = event.type === 'CaseResolved' ? OUTCOME_LABELS[event.outcome] : '已办结'
    return { title: '您也反映的问题已办结', body: `办理结果：${outcome}。可以在“我的反映”里查看。` }
  }
  return { title: text.title, body: text.body.replace('您的反映', '您也反映的问题') }
}

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
  case_urged: '上级催办',
  case_taken_over: '提级办理',
  case_pulled_up: '已提级',
  case_transferred: '已转办',
  case_transferred_away: '已转办',
  extension_requested: '延期待审批',
  extension_decided: '延期已答复',
  case_extended: '期限延长',
  case_merged: '合并办理',
  task_assigned: '帮扶任务',
}

export function caseMessageSlots(kind: MessageKind, event: CaseEvent, state: CaseState, holderName: string) {
  return {
    // Cut to the template's 20 characters by fit-fields.ts: the number first, so it always shows.
    subject: caseSubject(state),
    status: STATUS_PHRASE[kind] ?? '有更新',
    org: holderName,
    time: event.at,
    deadline: event.type === 'TaskPlanned' ? event.task.dueAt : state.status === 'pending' ? state.acceptBy : state.resolveBy,
    note: '请进入小程序对办理结果评价',
  }
}

/**
 * `forHer`: the line as the woman who reported reads it. What cadres wrote to each other — an
 * escalation's reason, hand-back instructions, a department's note and reply — stays with those who
 * handle the case; she reads a plain sentence of what happened instead. `sensitive`: her case is a
 * sensitive one — her lines of its 帮扶方案 then name no task (her phone may be read by others).
 */
export function timelineText(entry: TimelineEntry, orgName: (id: string) => string, forHer = false, sensitive = false): string {
  const here = where(orgName(entry.orgId), entry.level)
  if (forHer) {
    switch (entry.type) {
      // Plain progress: who helps, in kind, never a name or a number (docs/RULES.md "帮扶方案").
      case 'TaskPlanned': {
        const who = entry.task.assignee.kind === 'volunteer' ? '志愿者' : '专人'
        return sensitive ? '已安排专人帮助您' : `已安排${who}${entry.task.title}`
      }
      case 'TaskCompleted': {
        if (sensitive) return '一项帮扶已完成'
        return entry.assigneeKind === 'volunteer' ? `志愿者已完成：${entry.title}` : `已完成：${entry.title}`
      }
      case 'TasksSettled':
        return entry.outcome === 'done' ? '安排的帮扶都已完成' : '其余帮扶安排已结束'
      case 'CaseEscalated':
        if (!entry.auto) return `${here}已请${where(orgName(entry.toOrgId), entry.toLevel)}帮助办理`
        break
      case 'CaseHandedBack':
        return `${here}已交由${where(orgName(entry.toOrgId), entry.toLevel)}继续办理`
      case 'DepartmentAssigned':
        return `${here}已请${entry.department}协助办理`
      case 'DepartmentReplied':
        return '相关部门已答复，正在继续办理'
      case 'CaseUrged':
        return `${where(orgName(entry.fromOrgId), entry.fromLevel)}已督促${here}抓紧办理`
      case 'CaseTakenOver':
        return `${where(orgName(entry.toOrgId), entry.toLevel)}已把您的反映提上来，直接办理`
      case 'CaseTransferred':
        return `您的反映转给了${where(orgName(entry.toOrgId), entry.level)}办理`
      case 'ExtensionDecided':
        // Only an approval reaches her (case-view.ts leaves out the request and a refusal).
        return `办理期限延长到${monthDay(entry.resolveBy)}`
      case 'CaseMerged':
        return `您的反映已与 #${caseNumber(entry.intoCaseId)} 合并办理`
      default:
        break
    }
  }
  switch (entry.type) {
    case 'CaseSubmitted':
      return entry.onBehalf ? `议事会成员代群众提交，由${here}议事会受理` : `反映已提交，由${here}议事会受理`
    case 'CaseAccepted':
      return `${here}已受理`
    case 'CaseResolved':
      return `${here}已办结：${OUTCOME_LABELS[entry.outcome]}。${entry.resolution}`
    case 'CaseEscalated': {
      const to = where(orgName(entry.toOrgId), entry.toLevel)
      if (!entry.auto) return `${here}上报至${to}：${entry.reason}`
      return entry.missed === 'accept'
        ? `${here}未在期限内受理，自动转至${to}`
        : `${here}未在期限内办结，自动转至${to}`
    }
    case 'CaseHandedBack':
      return `${here}交由${where(orgName(entry.toOrgId), entry.toLevel)}办理：${entry.instructions}`
    case 'DepartmentAssigned':
      return `${here}已协调${entry.department}：${entry.note}`
    case 'DepartmentReplied':
      return `相关部门已答复：${entry.reply}`
    case 'CaseRated':
      return `反映人评价：${SOLVED_LABELS[entry.solved]}，${SATISFACTION_LABELS[entry.satisfaction]}${entry.comment ? `（${entry.comment}）` : ''}`
    case 'CaseReopened':
      return `反映人说问题${SOLVED_LABELS[entry.solved]}，请上一级继续办理：转至${where(orgName(entry.toOrgId), entry.toLevel)}`
    case 'CaseClosed':
      return entry.auto ? '办结后 7 天未评价，自动关闭' : '反映已关闭'
    case 'CaseWithdrawn':
      return `反映人已撤回${entry.reason ? `：${entry.reason}` : ''}`
    case 'CaseFlaggedOverdue':
      return entry.missed === 'accept' ? `${here}受理已超期，列入督办` : `${here}办理已超期，列入督办`
    case 'CaseUrged':
      return `${where(orgName(entry.fromOrgId), entry.fromLevel)}催办${here}${entry.note ? `：${entry.note}` : ''}`
    case 'CaseTakenOver':
      return `${where(orgName(entry.toOrgId), entry.toLevel)}提级办理（原由${here}办理）：${entry.reason}`
    case 'CaseTransferred': {
      const to = where(orgName(entry.toOrgId), entry.level)
      const by = entry.byOrgId === entry.orgId ? '' : `${where(orgName(entry.byOrgId), entry.byLevel)}将反映从`
      return `${by}${here}转办至${to}：${entry.reason}`
    }
    case 'ExtensionRequested':
      return `${here}申请延期 ${entry.days} 天：${entry.reason}`
    case 'ExtensionDecided': {
      const from = where(orgName(entry.fromOrgId), entry.fromLevel)
      const note = entry.note ? `：${entry.note}` : ''
      return entry.approve
        ? `${from}同意${here}延期 ${entry.days} 天，办结期限延长到 ${monthDayTime(entry.resolveBy)}${note}`
        : `${from}不同意${here}延期${note}`
    }
    case 'DeadlineReminded':
      return `已提醒${here}：${entry.deadline === 'accept' ? '受理' : '办结'}期限快到了`
    case 'CaseDeliberated': {
      const { result } = entry
      const turnout = `${result.members} 名成员中 ${result.ballots} 人投票`
      switch (result.kind) {
        case 'passed':
          return `${here}议事会就“${entry.title}”表决通过${result.optionText ? `：${result.optionText}` : ''}（${turnout}）`
        case 'no_quorum':
          return `${here}议事会就“${entry.title}”议事结束：投票人数未达到法定人数，未形成决议（${turnout}）`
        case 'no_majority':
          return `${here}议事会就“${entry.title}”议事结束：没有选项获得足够支持，未形成决议（${turnout}）`
        default:
          return assertNever(result.kind)
      }
    }
    case 'CasePhotoRejected':
      // Plain and neutral: never what the check found, nor whose fault.
      return '一张照片未通过内容安全检查，已隐藏'
    case 'CaseSupported':
      return '又有 1 位群众也遇到了这个问题'
    case 'CaseMerged':
      return `${here}已将这条反映与 #${caseNumber(entry.intoCaseId)} 合并办理`
    case 'CaseMergedIn':
      return `${here}合并了同样的反映 #${caseNumber(entry.fromCaseId)}${entry.added > 0 ? `，又有 ${entry.added} 人关注` : ''}`
    case 'TaskPlanned': {
      const { task } = entry
      const who = task.assignee.kind === 'volunteer' ? `巾帼志愿者${task.assignee.name}` : (task.assignee.name ?? '议事会成员')
      // Redacted (case.view.ts): no title, no name.
      const named = task.assignee.kind === 'volunteer' ? task.assignee.name !== '' : task.assignee.openid !== ''
      return named
        ? `${here}安排帮扶任务“${task.title}”，由${who}承办，${monthDayTime(task.dueAt)}前完成`
        : `${here}安排了一项帮扶任务，${monthDayTime(task.dueAt)}前完成`
    }
    case 'TaskCompleted': {
      const by = entry.byAssignee ? '承办人' : `${here}登记`
      const what = entry.title === PRIVATE_TASK_TITLE ? '一项帮扶任务' : `帮扶任务“${entry.title}”`
      return `${by}完成了${what}${entry.note ? `：${entry.note}` : ''}`
    }
    case 'TasksSettled': {
      const what = entry.outcome === 'done' ? '已完成' : '不再需要'
      return `${here}办结时说明：其余 ${entry.taskIds.length} 项帮扶任务${what}${entry.note ? `（${entry.note}）` : ''}`
    }
    default:
      return assertNever(entry)
  }
}

/** What the 督办 list says of one reason a case is on it (case-view.ts superviseReasons). */
export type SuperviseFact =
  | ({ kind: 'missed' } & MissRecord)
  | { kind: 'urged'; count: number; last: UrgeRecord }
  | { kind: 'takenOver'; fromLevel: Level; fromOrgId: string; toLevel: Level; toOrgId: string }
  | { kind: 'extended' | 'extensionPending'; extension: ExtensionRecord }

export function superviseReasonText(fact: SuperviseFact, orgName: (id: string) => string): string {
  switch (fact.kind) {
    case 'missed': {
      const missed = fact.deadline === 'accept' ? '超过受理期限未受理' : '超过办结期限未办结'
      // At the province there is nowhere to go: the case was flagged where it is.
      return `${where(orgName(fact.orgId), fact.level)}${missed}，${fact.level === 'province' ? '列入督办' : '已自动转上级'}`
    }
    case 'urged':
      return `已催办 ${fact.count} 次，最近一次由${where(orgName(fact.last.fromOrgId), fact.last.fromLevel)}催办${where(orgName(fact.last.orgId), fact.last.level)}`
    case 'takenOver':
      return `${where(orgName(fact.toOrgId), fact.toLevel)}已提级办理（原由${where(orgName(fact.fromOrgId), fact.fromLevel)}办理）`
    case 'extended': {
      const { extension: e } = fact
      const decision = e.decision!
      return `${where(orgName(decision.orgId), decision.level)}已同意${where(orgName(e.orgId), e.level)}延期 ${e.days} 天，办结期限延长到 ${monthDayTime(decision.resolveBy)}`
    }
    case 'extensionPending': {
      const { extension: e } = fact
      return `${where(orgName(e.orgId), e.level)}申请延期 ${e.days} 天（至 ${monthDayTime(addDays(e.resolveBy, e.days))}），等待上一级审批`
    }
    default:
      return assertNever(fact)
  }
}
