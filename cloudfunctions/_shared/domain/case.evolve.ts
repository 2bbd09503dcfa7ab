/**
 * How each event changes a case. evolve() trusts its events: they were decided against the state
 * they follow, so it checks nothing but the one thing that makes a stream unreadable (an event
 * before the case exists), which is a bug or corrupt data, not a user error.
 */
import type { Level } from '../../../types/enums'
import { assertNever } from './domain.errors'
import type { CaseEvent } from './case.events'
import type { CaseState, HelpTask } from './case.state'

export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  if (event.type === 'CaseSubmitted') {
    if (state !== null) throw new Error(`Case ${state.id} was already submitted`)
    return {
      id: event.caseId,
      kind: event.kind,
      category: event.category,
      title: event.title,
      content: event.content,
      photos: event.photos ?? [],
      villageId: event.villageId,
      chain: event.chain,
      reporter: event.reporter,
      ...(event.onBehalf && { filedOnBehalf: true as const }),
      status: 'pending',
      level: event.level,
      holderOrgId: event.orgId,
      arrivedAt: event.at,
      acceptBy: event.acceptBy,
      resolveBy: event.resolveBy,
      overdue: { accept: false, resolve: false },
      reopenCount: 0,
      submittedAt: event.at,
      updatedAt: event.at,
    }
  }
  if (state === null) throw new Error(`${event.type} before CaseSubmitted`)

  const touched: CaseState = { ...state, updatedAt: event.at }
  switch (event.type) {
    case 'CaseAccepted':
      return { ...touched, status: 'in_progress', acceptedAt: event.at }
    case 'CaseResolved':
      return {
        ...touched,
        status: 'resolved',
        outcome: {
          outcome: event.outcome,
          resolution: event.resolution,
          at: event.at,
          level: event.level,
          orgId: event.orgId,
        },
        resolvedAt: event.at,
        autoCloseBy: event.autoCloseBy,
      }
    case 'CaseEscalated': {
      const arrived = arrive(touched, event.toLevel, event.toOrgId, event)
      if (!event.auto) return arrived
      return {
        ...arrived,
        missedDeadlines: (state.missedDeadlines ?? 0) + 1,
        misses: [...(state.misses ?? []), { at: event.at, deadline: event.missed ?? 'accept', level: event.level, orgId: event.orgId }],
      }
    }
    case 'CaseTakenOver':
      return {
        ...arrive(touched, event.toLevel, event.toOrgId, event),
        takeOvers: [
          ...(state.takeOvers ?? []),
          { at: event.at, fromLevel: event.fromLevel, fromOrgId: event.orgId, toLevel: event.toLevel, toOrgId: event.toOrgId },
        ],
      }
    case 'CaseUrged':
      return {
        ...touched,
        urges: [
          ...(state.urges ?? []),
          {
            at: event.at,
            fromOrgId: event.fromOrgId,
            fromLevel: event.fromLevel,
            orgId: event.orgId,
            level: event.level,
            ...(event.note !== undefined && { note: event.note }),
          },
        ],
      }
    case 'CaseTransferred':
      return {
        ...arrive(touched, event.level, event.toOrgId, event),
        villageId: event.villageId,
        chain: event.chain,
        transfers: [
          ...(state.transfers ?? []),
          { at: event.at, level: event.level, fromOrgId: event.orgId, toOrgId: event.toOrgId, byOrgId: event.byOrgId },
        ],
      }
    case 'ExtensionRequested':
      return {
        ...touched,
        extensions: [
          ...(state.extensions ?? []),
          {
            at: event.at,
            level: event.level,
            orgId: event.orgId,
            days: event.days,
            reason: event.reason,
            resolveBy: event.resolveBy,
            round: state.arrivedAt,
          },
        ],
      }
    case 'ExtensionDecided': {
      const decision = {
        approve: event.approve,
        at: event.at,
        orgId: event.fromOrgId,
        level: event.fromLevel,
        ...(event.note !== undefined && { note: event.note }),
        resolveBy: event.resolveBy,
      }
      const extensions = state.extensions ?? []
      // The request it answers is the latest (decided only while pending: case.state.ts pendingExtension).
      return {
        ...touched,
        resolveBy: event.resolveBy,
        extensions: extensions.map((e, i) => (i === extensions.length - 1 ? { ...e, decision } : e)),
      }
    }
    case 'DeadlineReminded':
      return { ...touched, reminded: { ...touched.reminded, [event.deadline]: event.due } }
    case 'CaseHandedBack':
      return arrive(touched, event.toLevel, event.toOrgId, event)
    case 'CaseReopened':
      return { ...arrive(touched, event.toLevel, event.toOrgId, event), reopenCount: state.reopenCount + 1 }
    case 'DepartmentAssigned':
      return {
        ...touched,
        assignment: {
          department: event.department,
          note: event.note,
          ...(event.followUpBy !== undefined && { followUpBy: event.followUpBy }),
          at: event.at,
        },
      }
    case 'DepartmentReplied':
      return touched.assignment
        ? { ...touched, assignment: { ...touched.assignment, answered: { reply: event.reply, at: event.at } } }
        : touched
    case 'CaseRated':
      return {
        ...touched,
        rating: {
          solved: event.solved,
          satisfaction: event.satisfaction,
          ...(event.comment !== undefined && { comment: event.comment }),
          at: event.at,
        },
      }
    case 'CaseClosed':
      return { ...touched, status: 'closed', closedAt: event.at }
    case 'CaseWithdrawn':
      return { ...touched, status: 'withdrawn', withdrawnAt: event.at }
    case 'CaseFlaggedOverdue':
      return {
        ...touched,
        overdue: { ...touched.overdue, [event.missed]: true },
        missedDeadlines: (state.missedDeadlines ?? 0) + 1,
        misses: [...(state.misses ?? []), { at: event.at, deadline: event.missed, level: event.level, orgId: event.orgId }],
      }
    case 'CaseDeliberated':
      return touched
    case 'CasePhotoRejected':
      return {
        ...touched,
        photos: state.photos.filter((photo) => photo !== event.photo),
        hiddenPhotos: [...(state.hiddenPhotos ?? []), event.photo],
      }
    case 'CaseSupported':
      return { ...touched, supporters: (state.supporters ?? 0) + 1 }
    case 'CaseMerged':
      return { ...touched, status: 'closed', closedAt: event.at, mergedInto: event.intoCaseId }
    case 'CaseMergedIn':
      return { ...touched, supporters: (state.supporters ?? 0) + event.added, mergedFrom: [...(state.mergedFrom ?? []), event.fromCaseId] }
    case 'TaskPlanned':
      return {
        ...touched,
        tasks: [
          ...(state.tasks ?? []),
          { ...event.task, plannedAt: event.at, level: event.level, orgId: event.orgId, status: 'open' },
        ],
      }
    case 'TaskCompleted':
      return closeTasks(touched, [event.taskId], 'done', event.at, event.note)
    case 'TasksSettled':
      return closeTasks(touched, event.taskIds, event.outcome, event.at, event.note)
    default:
      return assertNever(event)
  }
}

function closeTasks(state: CaseState, ids: readonly string[], status: HelpTask['status'], at: string, note: string | undefined): CaseState {
  return {
    ...state,
    tasks: (state.tasks ?? []).map((t) => (ids.includes(t.id) ? { ...t, status, closedAt: at, ...(note !== undefined && { note }) } : t)),
  }
}

/** Folds a case's events, oldest first; null when there are none. */
export function fold(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(evolve, null)
}

/**
 * The case reaches a new holder: a fresh round with fresh deadlines. What belonged to the old
 * round (acceptance, department, outcome, rating, overdue flags, reminders sent) stays in the timeline only.
 */
function arrive(
  state: CaseState,
  level: Level,
  orgId: string,
  deadlines: { at: string; acceptBy: string; resolveBy: string },
): CaseState {
  return {
    ...omit(state, ROUND_FIELDS),
    status: 'pending',
    level,
    holderOrgId: orgId,
    arrivedAt: deadlines.at,
    acceptBy: deadlines.acceptBy,
    resolveBy: deadlines.resolveBy,
    overdue: { accept: false, resolve: false },
  }
}

const ROUND_FIELDS = ['acceptedAt', 'assignment', 'outcome', 'rating', 'resolvedAt', 'autoCloseBy', 'reminded'] as const

// Removes keys rather than setting them to undefined, so a folded state compares equal to one
// that never had them.
function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value }
  for (const key of keys) delete copy[key]
  return copy
}
