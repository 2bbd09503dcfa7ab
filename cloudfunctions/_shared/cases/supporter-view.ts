/**
 * What one who follows a case (我也遇到) sees of it: its title, where it is and how far it has come —
 * the plain lines its reporter reads — and no more: not the reporter's words or photos (a named report
 * is named to those who handle it, not to her neighbours), not the rating's comment or a withdrawal's
 * reason, nothing to do on it (docs/RULES.md "我也遇到与合并办理").
 */
import type { CaseDetail, CaseSummary, TimelineItem } from '../../../types/case.contract'
import type { Person } from '../domain/actor.types'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { timelineEntryOf } from '../domain/case.view'
import { isPublicCase } from '../domain/me-too.rules'
import type { Repositories } from '../ports/store.port'
import type { OrgName } from '../orgs/org-path'
import { notFound } from '../context/failures'
import { orgNamesFor, toSummary } from './case-view'
import { timelineText } from './message-text'

export const SUPPORTER_CONTENT = '（反映内容只有反映人和办理的同志能看到）'

/** Steps that are the holder's own business, or the reporter's: not for a follower. */
const NOT_FOR_FOLLOWERS = new Set<CaseEvent['type']>(['DeadlineReminded', 'ExtensionRequested', 'CaseFlaggedOverdue', 'CasePhotoRejected'])

/** Her case list row for one she follows; null for one nobody may follow (never offered: defence). */
export function toFollowedSummary(state: CaseState, viewer: Person, now: string, orgName: OrgName): CaseSummary | null {
  if (!isPublicCase(state)) return null
  const summary = toSummary(state, viewer, now, orgName, 'full')
  return summary && { ...summary, supporting: true }
}

function followerTimeline(events: readonly CaseEvent[], orgName: OrgName): TimelineItem[] {
  return events.flatMap((event) => {
    if (NOT_FOR_FOLLOWERS.has(event.type) || (event.type === 'ExtensionDecided' && !event.approve)) return []
    const entry = timelineEntryOf(event, 'full')
    if (!entry) return []
    const plain =
      entry.type === 'CaseRated' ? { ...entry, comment: undefined } : entry.type === 'CaseWithdrawn' ? { ...entry, reason: undefined } : entry
    // Her reporter's lines say 您的反映: to a follower it is 这条反映.
    const text = timelineText(plain, orgName, true).replace('您的反映', '这条反映')
    return [{ type: entry.type, at: entry.at, level: entry.level, orgId: entry.orgId, orgName: orgName(entry.orgId), text }]
  })
}

/** The case as a follower sees it: read-only (every `can` false). */
export async function readFollowedDetail(repos: Pick<Repositories, 'cases' | 'orgs'>, caseId: string, viewer: Person, now: string): Promise<CaseDetail> {
  const stored = await repos.cases.get(caseId)
  if (!stored || !isPublicCase(stored.state)) throw notFound('没有找到这条反映')
  const { state } = stored
  const events = await repos.cases.timeline(caseId)
  const orgName = await orgNamesFor(repos, [state], events)
  const summary = toFollowedSummary(state, viewer, now, orgName)!
  return {
    ...summary,
    asOf: now,
    content: SUPPORTER_CONTENT,
    villageId: state.villageId,
    villageName: orgName(state.villageId),
    anonymous: false,
    mine: false,
    filedOnBehalf: false,
    photos: [],
    photoUrls: {},
    ...(state.outcome && {
      outcome: {
        outcome: state.outcome.outcome,
        resolution: state.outcome.resolution,
        at: state.outcome.at,
        level: state.outcome.level,
        orgName: orgName(state.outcome.orgId),
      },
    }),
    timeline: followerTimeline(events, orgName),
    handBackTargets: [],
    can: {
      accept: false, resolve: false, escalate: false, handBack: false, assign: false, reply: false, urge: false,
      takeOver: false, transfer: false, requestExtension: false, decideExtension: false, rate: false, withdraw: false, merge: false, planTask: false,
    },
  }
}
