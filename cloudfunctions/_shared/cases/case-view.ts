/**
 * What a viewer gets of a case: the domain decides visibility and redaction; this shapes the
 * contract's CaseSummary / CaseDetail, with org names, the timeline in words, and what she may do now,
 * and reads one for her (readCaseDetail: load, check she may see it, shape it).
 */
import { caseNumber, type CaseDetail, type CaseSummary, type ExtensionItem, type HelpTaskItem, type SuperviseReason, type UrgeItem } from '../../../types/case.contract'
import type { SupervisedCase } from '../../../types/escalation.contract'
import type { Person } from '../domain/actor.types'
import { holderRole, isReporter, isSensitive, parentOrgOf, seesByRole, visibilityOf } from '../domain/case.access'
import { isTaskOverdue } from '../domain/help-plan.rules'
import type { CaseCommand } from '../domain/case.commands'
import { decide } from '../domain/case.decider'
import type { CaseEvent } from '../domain/case.events'
import { extensionAtLevel, isOpen, pendingExtension, type CaseState } from '../domain/case.state'
import { DEFAULT_CASE_POLICY } from '../domain/domain.config'
import { addMs, DAY_MS } from '../domain/iso-time'
import { redactCase, timelineEntryOf, type CaseView } from '../domain/case.view'
import { missedDeadlines } from '../domain/case.timers'
import { LEVELS } from '../../../types/enums'
import type { Repositories } from '../ports/store.port'
import type { Files } from '../ports/files.port'
import { notFound } from '../context/failures'
import { OrgNames, type OrgName } from '../orgs/org-path'
import { superviseReasonText, timelineText } from './message-text'

/** Her contact details, for those who handle the case (intake.get). */
export type ContactShown = { phone?: string; address?: string; onBehalfOf?: { name: string; phone?: string } }

/**
 * Names of every org these cases (and these events of theirs) name: the chain, and the orgs their
 * records name that the chain may no longer hold — a 转办 moves a case's chain, so a miss, an urge or a
 * timeline entry may be at a village it has left.
 */
export const orgNamesFor = (repos: Pick<Repositories, 'orgs'>, states: readonly CaseState[], events: readonly CaseEvent[] = []): Promise<OrgName> =>
  new OrgNames(repos).load([...states.flatMap(orgIdsOf), ...events.flatMap(eventOrgIds)])

function orgIdsOf(state: CaseState): string[] {
  return [
    ...Object.values(state.chain),
    ...(state.misses ?? []).map((m) => m.orgId),
    ...(state.urges ?? []).flatMap((u) => [u.fromOrgId, u.orgId]),
    ...(state.takeOvers ?? []).flatMap((t) => [t.fromOrgId, t.toOrgId]),
    ...(state.transfers ?? []).flatMap((t) => [t.fromOrgId, t.toOrgId, t.byOrgId]),
    ...(state.extensions ?? []).flatMap((e) => [e.orgId, ...(e.decision ? [e.decision.orgId] : [])]),
    ...(state.tasks ?? []).map((t) => t.orgId),
  ]
}

const ORG_FIELDS = ['orgId', 'toOrgId', 'fromOrgId', 'byOrgId'] as const
const eventOrgIds = (event: CaseEvent): string[] =>
  ORG_FIELDS.flatMap((field) => {
    const id = (event as Partial<Record<(typeof ORG_FIELDS)[number], unknown>>)[field]
    return typeof id === 'string' ? [id] : []
  })

/** Overdue as the lists and the export show it: flagged so, or past a deadline running now. */
export const isOverdue = (state: CaseState, now: string) =>
  state.overdue.accept || state.overdue.resolve || missedDeadlines(state, now).length > 0

/** `visibility`: what case.access lets her see, unless the caller decided it (stats.cases, for a case gone past her). */
export function toSummary(state: CaseState, viewer: Person, now: string, orgName: OrgName, visibility = visibilityOf(viewer, state)): CaseSummary | null {
  const view = redactCase(state, visibility, viewer.openid)
  if (!view) return null
  return {
    id: view.id,
    kind: view.kind,
    category: view.category,
    title: view.title,
    status: view.status,
    level: view.level,
    holderOrgId: view.holderOrgId,
    holderOrgName: orgName(view.holderOrgId),
    submittedAt: view.submittedAt,
    updatedAt: view.updatedAt,
    acceptBy: view.acceptBy,
    resolveBy: view.resolveBy,
    overdue: isOverdue(state, now),
    redacted: view.redacted,
    ...(view.assignment && {
      assignment: {
        department: view.assignment.department,
        note: view.assignment.note,
        ...(view.assignment.followUpBy && { followUpBy: view.assignment.followUpBy }),
        answered: view.assignment.answered !== undefined,
      },
    }),
    ...(seesByRole(viewer, state) && { urges: urgeItems(view, orgName), ...extensionOf(view, orgName) }),
    ...meTooOf(state, viewer),
  }
}

/** The follower count for those who see it by a role (never who), and where a duplicate went. */
function meTooOf(state: CaseState, viewer: Person): Pick<CaseSummary, 'supporters' | 'mergedInto'> {
  return {
    ...(seesByRole(viewer, state) && { supporters: state.supporters ?? 0 }),
    ...(state.mergedInto !== undefined && { mergedInto: { id: state.mergedInto, number: caseNumber(state.mergedInto) } }),
  }
}

/** The 延期 request of the case's current level, if there is one (redacted as the view is). */
function extensionOf(view: CaseView, orgName: OrgName): { extension?: ExtensionItem } {
  const e = extensionAtLevel(view)
  if (!e) return {}
  const pending = pendingExtension(view) === e
  const d = e.decision
  return {
    extension: {
      at: e.at,
      orgName: orgName(e.orgId),
      level: e.level,
      days: e.days,
      reason: e.reason,
      resolveBy: e.resolveBy,
      until: d?.approve ? d.resolveBy : addMs(e.resolveBy, e.days * DAY_MS),
      status: d ? (d.approve ? 'approved' : 'rejected') : pending ? 'pending' : 'lapsed',
      ...(d && { decided: { at: d.at, orgName: orgName(d.orgId), level: d.level, ...(d.note !== undefined && { note: d.note }) } }),
    },
  }
}

function urgeItems(view: CaseView, orgName: OrgName): UrgeItem[] {
  return (view.urges ?? []).map((u) => ({
    at: u.at,
    orgName: orgName(u.fromOrgId),
    level: u.fromLevel,
    toOrgName: orgName(u.orgId),
    toLevel: u.level,
    ...(u.note !== undefined && { note: u.note }),
  }))
}

/** Would the decider accept this command from her now? Then the app may offer the button. */
const allowedNow = (state: CaseState, viewer: Person, now: string) => (make: (base: { at: string; actor: Person }) => CaseCommand) =>
  decide(make({ at: now, actor: viewer }), state).ok

/**
 * Would the decider accept this command from her now, whatever she then picks? A refusal of the
 * arguments alone (INVALID_INPUT: who and state came first) still offers the button: a 转办 is
 * decided on the org she picks.
 */
const allowedUpToArguments = (state: CaseState, viewer: Person, now: string) => (make: (base: { at: string; actor: Person }) => CaseCommand) => {
  const decision = decide(make({ at: now, actor: viewer }), state)
  return decision.ok || decision.error.code === 'INVALID_INPUT'
}

/** 催办, 提级办理 and the answer to a pending 延期, as the decider would answer her now. */
function supervisionCan(state: CaseState, viewer: Person, now: string): SupervisedCase['can'] {
  const allowed = allowedNow(state, viewer, now)
  return {
    urge: allowed((b) => ({ ...b, type: 'UrgeCase' })),
    takeOver: allowed((b) => ({ ...b, type: 'TakeOverCase', reason: '—' })),
    decideExtension: allowed((b) => ({ ...b, type: 'DecideExtension', approve: false })),
  }
}

/**
 * Why a case is on the 督办 list: each deadline it missed (where, which), the 催办 it received, each
 * take-over; oldest first within a kind. A case that missed deadlines before they were kept one by one
 * (CaseState.misses) says how many.
 */
function superviseReasons(state: CaseState, orgName: OrgName): SuperviseReason[] {
  const reasons: SuperviseReason[] = []
  const misses = state.misses ?? []
  for (const miss of misses) reasons.push({ kind: 'missed', at: miss.at, text: superviseReasonText({ kind: 'missed', ...miss }, orgName) })
  const unlisted = (state.missedDeadlines ?? 0) - misses.length
  if (unlisted > 0) reasons.push({ kind: 'missed', at: state.updatedAt, text: `此前曾 ${unlisted} 次超过办理期限` })
  const urges = state.urges ?? []
  const last = urges.at(-1)
  if (last) reasons.push({ kind: 'urged', at: last.at, text: superviseReasonText({ kind: 'urged', count: urges.length, last }, orgName) })
  for (const t of state.takeOvers ?? []) reasons.push({ kind: 'takenOver', at: t.at, text: superviseReasonText({ kind: 'takenOver', ...t }, orgName) })
  for (const extension of state.extensions ?? []) {
    if (extension.decision?.approve) {
      reasons.push({ kind: 'extended', at: extension.decision.at, text: superviseReasonText({ kind: 'extended', extension }, orgName) })
    }
  }
  const asked = pendingExtension(state)
  if (asked) reasons.push({ kind: 'extensionPending', at: asked.at, text: superviseReasonText({ kind: 'extensionPending', extension: asked }, orgName) })
  return reasons
}

/**
 * Listed on 督办: still open, and missed a deadline, was urged, taken over or given more time on its
 * way, or waits for the answer to a 延期 request.
 */
export const isSupervised = (state: CaseState): boolean =>
  isOpen(state.status) &&
  ((state.missedDeadlines ?? 0) > 0 ||
    (state.urges ?? []).length > 0 ||
    (state.takeOvers ?? []).length > 0 ||
    (state.extensions ?? []).some((e) => e.decision?.approve) ||
    pendingExtension(state) !== undefined)

/** A case on the 督办 list as this viewer may see it: why it is there, and what she may do about it. */
export function toSupervised(state: CaseState, viewer: Person, now: string, orgName: OrgName): SupervisedCase | null {
  const summary = toSummary(state, viewer, now, orgName)
  if (!summary) return null
  return {
    ...summary,
    missedDeadlines: state.missedDeadlines ?? 0,
    reasons: superviseReasons(state, orgName),
    can: supervisionCan(state, viewer, now),
  }
}

function canNow(state: CaseState, viewer: Person, now: string): CaseDetail['can'] {
  const below = LEVELS.slice(0, LEVELS.indexOf(state.level))
  const lowerOrg = below.length > 0 ? state.chain[below[below.length - 1]!] : undefined
  const allowed = allowedNow(state, viewer, now)
  return {
    accept: allowed((b) => ({ ...b, type: 'AcceptCase' })),
    transfer: allowedUpToArguments(state, viewer, now)((b) => ({ ...b, type: 'TransferCase', toOrgId: '—', reason: '—', chain: null })),
    requestExtension: allowed((b) => ({ ...b, type: 'RequestExtension', days: 1, reason: '—' })),
    // What became of open 帮扶任务 is hers to say in the 办结 sheet: it does not take the button away.
    resolve: allowed((b) => ({ ...b, type: 'ResolveCase', outcome: 'solved', resolution: '—', openTasks: 'done' })),
    escalate: allowed((b) => ({ ...b, type: 'EscalateCase', reason: '—' })),
    handBack: lowerOrg !== undefined && allowed((b) => ({ ...b, type: 'HandBackCase', toOrgId: lowerOrg, instructions: '—' })),
    assign: allowed((b) => ({ ...b, type: 'AssignDepartment', department: '—', note: '—' })),
    reply: state.assignment !== undefined && allowed((b) => ({ ...b, type: 'RecordDepartmentReply', reply: '—' })),
    ...supervisionCan(state, viewer, now),
    rate: allowed((b) => ({ ...b, type: 'RateCase', solved: 'yes', satisfaction: 'satisfied' })),
    withdraw: allowed((b) => ({ ...b, type: 'WithdrawCase' })),
    // Who and the state passed when only the target is missing: the target is hers to pick.
    merge: mergeable(decide({ at: now, actor: viewer, type: 'MergeCase', into: null }, state)),
    // Who and what she then picks are decided on what she sends (a volunteer stands in here).
    planTask: allowed((b) => ({ ...b, type: 'PlanTask', title: '—', assignee: { kind: 'volunteer', name: '—' }, dueAt: state.resolveBy })),
  }
}

const mergeable = (decision: ReturnType<typeof decide>) => !decision.ok && decision.error.code === 'NOT_FOUND'

/**
 * 帮扶方案 as this viewer may see it: for those who see the case by a role (the reporter reads her
 * timeline's plain lines instead). The volunteer's phone for the holder's convener and cadres only.
 */
function taskItems(state: CaseState, view: CaseView, viewer: Person, now: string, orgName: OrgName): HelpTaskItem[] | undefined {
  if (!seesByRole(viewer, state) || !view.tasks || view.tasks.length === 0) return undefined
  const handles = holderRole(viewer, state) !== null
  return view.tasks.map((t) => {
    const a = t.assignee
    const named = a.kind === 'volunteer' ? a.name !== '' : a.openid !== ''
    const mine = a.kind === 'member' && named && a.openid === viewer.openid
    return {
      id: t.id,
      title: t.title,
      assignee: {
        kind: a.kind,
        ...(named && { name: a.kind === 'volunteer' ? a.name : (a.name ?? '成员') }),
        ...(a.kind === 'volunteer' && a.phone && handles && { phone: a.phone }),
        ...(mine && { mine }),
      },
      dueAt: t.dueAt,
      status: t.status,
      overdue: isTaskOverdue(t, now),
      plannedAt: t.plannedAt,
      orgName: orgName(t.orgId),
      level: t.level,
      ...(t.closedAt && { closedAt: t.closedAt }),
      ...(t.note !== undefined && { note: t.note }),
      canComplete: allowedNow(state, viewer, now)((b) => ({ ...b, type: 'CompleteTask', taskId: t.id })),
    }
  })
}

export function toDetail(
  state: CaseState,
  events: CaseEvent[],
  viewer: Person,
  now: string,
  orgName: OrgName,
  extra: ContactShown = {},
): CaseDetail | null {
  const visibility = visibilityOf(viewer, state)
  const view = redactCase(state, visibility, viewer.openid)
  const summary = toSummary(state, viewer, now, orgName)
  if (!view || !summary) return null
  const can = canNow(state, viewer, now)
  const tasks = taskItems(state, view, viewer, now, orgName)
  // She who reported it, not handling it herself, reads the plain story (message-text.ts timelineText).
  const forHer = isReporter(viewer, state) && holderRole(viewer, state) === null
  const timeline = events.flatMap((event) => {
    // A reminder to the holder, a 延期 asked or refused, are no step of her case; more time given is.
    if (forHer && (event.type === 'DeadlineReminded' || event.type === 'ExtensionRequested')) return []
    if (forHer && event.type === 'ExtensionDecided' && !event.approve) return []
    const entry = timelineEntryOf(event, visibility, viewer.openid)
    if (!entry) return []
    const text = timelineText(entry, orgName, forHer, isSensitive(state))
    return [{ type: entry.type, at: entry.at, level: entry.level, orgId: entry.orgId, orgName: orgName(entry.orgId), text }]
  })
  return {
    ...summary,
    asOf: now,
    content: view.content,
    villageId: view.villageId,
    villageName: orgName(view.villageId),
    anonymous: view.reporter.anonymous,
    mine: view.mine,
    filedOnBehalf: state.filedOnBehalf === true,
    ...extra,
    photos: visibility === "full" ? state.photos : [],
    // Filled by readCaseDetail, which may reach storage.
    photoUrls: {},
    ...(view.outcome && {
      outcome: {
        outcome: view.outcome.outcome,
        resolution: view.outcome.resolution,
        at: view.outcome.at,
        level: view.outcome.level,
        orgName: orgName(view.outcome.orgId),
      },
    }),
    ...(view.rating && { rating: view.rating }),
    timeline,
    handBackTargets: LEVELS.slice(0, LEVELS.indexOf(state.level))
      .reverse()
      .map((level) => ({ id: state.chain[level], name: orgName(state.chain[level]), level })),
    ...transferAndExtension(state, can, orgName),
    ...(tasks && { tasks }),
    can,
  }
}

/** What the 转办 and 延期 sheets need, for her who may use them. */
function transferAndExtension(state: CaseState, can: CaseDetail['can'], orgName: OrgName): Pick<CaseDetail, 'transferUnder' | 'extensionMaxDays'> {
  const parent = parentOrgOf(state)
  const parentLevel = LEVELS[LEVELS.indexOf(state.level) + 1]
  return {
    ...(can.transfer && parent !== undefined && parentLevel && { transferUnder: { id: parent, name: orgName(parent), level: parentLevel } }),
    ...(can.requestExtension && { extensionMaxDays: DEFAULT_CASE_POLICY.resolveWithinDays[state.level] }),
  }
}

/** Not found for a case she may not see, as for one that does not exist. */
export async function readCaseDetail(
  repos: Pick<Repositories, 'cases' | 'orgs'>,
  files: Files,
  caseId: string,
  viewer: Person,
  now: string,
  extra: ContactShown = {},
): Promise<CaseDetail> {
  const stored = await repos.cases.get(caseId)
  if (!stored) throw notFound('没有找到这条反映')
  const events = await repos.cases.timeline(caseId)
  const detail = toDetail(stored.state, events, viewer, now, await orgNamesFor(repos, [stored.state], events), extra)
  if (!detail) throw notFound('没有找到这条反映')
  // Photos are private in storage: only a viewer allowed the full case (toDetail left them in) gets
  // short-lived URLs to show them.
  return { ...detail, photoUrls: detail.photos.length > 0 ? await files.viewUrls(detail.photos) : {} }
}
