/**
 * What a viewer gets of a case: the domain decides visibility and redaction; this shapes the
 * contract's CaseSummary / CaseDetail, with org names, the timeline in words, and what she may do now.
 */
import type { CaseDetail, CaseSummary } from '../../../types/case.contract'
import type { Person } from '../domain/actor.types'
import { visibilityOf } from '../domain/case.access'
import type { CaseCommand } from '../domain/case.commands'
import { decide } from '../domain/case.decider'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { redactCase, timelineEntryOf } from '../domain/case.view'
import { missedDeadlines } from '../domain/case.timers'
import { LEVELS } from '../../../types/enums'
import type { Repositories } from '../ports/store.port'
import { timelineText } from './timeline-text'

export type OrgNames = (id: string) => string

/** Names of every org on the chains of these cases, one lookup each. */
export async function orgNamesFor(repos: Pick<Repositories, 'orgs'>, states: CaseState[]): Promise<OrgNames> {
  const names = new Map<string, string>()
  for (const state of states) {
    for (const orgId of Object.values(state.chain)) {
      if (!names.has(orgId)) names.set(orgId, (await repos.orgs.get(orgId))?.name ?? '')
    }
  }
  return (id) => names.get(id) ?? ''
}

const isOverdue = (state: CaseState, now: string) =>
  state.overdue.accept || state.overdue.resolve || missedDeadlines(state, now).length > 0

export function toSummary(state: CaseState, viewer: Person, now: string, orgName: OrgNames): CaseSummary | null {
  const view = redactCase(state, visibilityOf(viewer, state), viewer.openid)
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
  }
}

/** Would the decider accept this command from her now? Then the app may offer the button. */
function allowed(state: CaseState, viewer: Person, now: string, make: (base: { at: string; actor: Person }) => CaseCommand) {
  return decide(make({ at: now, actor: viewer }), state).ok
}

function canNow(state: CaseState, viewer: Person, now: string): CaseDetail['can'] {
  const below = LEVELS.slice(0, LEVELS.indexOf(state.level))
  const lowerOrg = below.length > 0 ? state.chain[below[below.length - 1]!] : undefined
  return {
    accept: allowed(state, viewer, now, (b) => ({ ...b, type: 'AcceptCase' })),
    resolve: allowed(state, viewer, now, (b) => ({ ...b, type: 'ResolveCase', outcome: 'solved', resolution: '—' })),
    escalate: allowed(state, viewer, now, (b) => ({ ...b, type: 'EscalateCase', reason: '—' })),
    handBack:
      lowerOrg !== undefined &&
      allowed(state, viewer, now, (b) => ({ ...b, type: 'HandBackCase', toOrgId: lowerOrg, instructions: '—' })),
    assign: allowed(state, viewer, now, (b) => ({ ...b, type: 'AssignDepartment', department: '—', note: '—' })),
    reply:
      state.assignment !== undefined &&
      allowed(state, viewer, now, (b) => ({ ...b, type: 'RecordDepartmentReply', reply: '—' })),
    rate: allowed(state, viewer, now, (b) => ({ ...b, type: 'RateCase', rating: 'satisfied' })),
    withdraw: allowed(state, viewer, now, (b) => ({ ...b, type: 'WithdrawCase' })),
  }
}

export function toDetail(
  state: CaseState,
  events: CaseEvent[],
  viewer: Person,
  now: string,
  orgName: OrgNames,
  extra: { phone?: string; address?: string; onBehalfOf?: { name: string; phone?: string } } = {},
): CaseDetail | null {
  const visibility = visibilityOf(viewer, state)
  const view = redactCase(state, visibility, viewer.openid)
  const summary = toSummary(state, viewer, now, orgName)
  if (!view || !summary) return null
  const timeline = events.flatMap((event) => {
    const entry = timelineEntryOf(event, visibility, viewer.openid)
    if (!entry) return []
    return [{ type: entry.type, at: entry.at, level: entry.level, orgId: entry.orgId, orgName: orgName(entry.orgId), text: timelineText(entry, orgName) }]
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
    // Filled by readCaseDetail (case-reads.ts), which may reach storage.
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
    can: canNow(state, viewer, now),
  }
}
