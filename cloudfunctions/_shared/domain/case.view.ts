/**
 * What a viewer gets to see of a case and its timeline, given the visibility case.access decided.
 * Redaction replaces the private text of sensitive cases for ordinary council members (a 催办's
 * note, a 提级办理's or 转办's reason, a 延期's reason and its answer included); the reporter's openid leaves the domain only towards the
 * reporter herself, and never when she chose to be anonymous. The timeline never names the person who acted: it shows the level and the org.
 */
import { assertNever } from './domain.errors'
import type { CaseEvent, CaseSubmitted, DeliberationOutcome } from './case.events'
import type { Assignment, CaseState, ExtensionRecord, HelpTask, Reporter, TaskAssigneeRecord } from './case.state'
import type { Visibility } from './case.access'

export const PRIVATE_TITLE = '涉及个人隐私的反映'
export const HIDDEN_TEXT = '（涉及个人隐私，内容不公开）'
export const PRIVATE_DELIBERATION_TITLE = '议事会议题'
export const PRIVATE_TASK_TITLE = '帮扶任务'

export interface ReporterView {
  anonymous: boolean
  openid?: string
}

export interface CaseView extends Omit<CaseState, 'reporter'> {
  reporter: ReporterView
  /** The viewer reported this case (true even when she reported anonymously). */
  mine: boolean
  /** The private text was replaced with placeholders. */
  redacted: boolean
}

type WithoutBy<E> = E extends unknown ? Omit<E, 'by'> : never

export type TimelineEntry =
  | WithoutBy<Exclude<CaseEvent, CaseSubmitted>>
  | (Omit<CaseSubmitted, 'by' | 'reporter'> & { reporter: ReporterView })

/** The case as this viewer may see it; null when she may not see it at all. */
export function redactCase(
  caseState: CaseState,
  visibility: Visibility,
  viewerOpenid?: string,
): CaseView | null {
  const mine = isViewerReporter(caseState.reporter, viewerOpenid)
  const view: CaseView = {
    ...caseState,
    reporter: reporterView(caseState.reporter, mine),
    mine,
    redacted: visibility === 'redacted',
  }
  switch (visibility) {
    case 'none':
      return null
    case 'full':
      return view
    case 'redacted':
      return {
        ...view,
        title: PRIVATE_TITLE,
        content: HIDDEN_TEXT,
        ...(caseState.outcome && { outcome: { ...caseState.outcome, resolution: HIDDEN_TEXT } }),
        ...(caseState.assignment && { assignment: hideAssignment(caseState.assignment) }),
        ...(caseState.rating && { rating: { solved: caseState.rating.solved, satisfaction: caseState.rating.satisfaction, at: caseState.rating.at } }),
        // What a supervisor wrote to the holder may repeat the private text.
        ...(caseState.urges && { urges: caseState.urges.map((u) => (u.note === undefined ? u : { ...u, note: HIDDEN_TEXT })) }),
        ...(caseState.extensions && { extensions: caseState.extensions.map(hideExtension) }),
        // What is done for her, and by whom, can tell as much as her own words.
        ...(caseState.tasks && { tasks: caseState.tasks.map(hideTask) }),
      }
    default:
      return assertNever(visibility)
  }
}

/** One timeline entry as this viewer may see it; null when she may not see the case. */
export function timelineEntryOf(
  event: CaseEvent,
  visibility: Visibility,
  viewerOpenid?: string,
): TimelineEntry | null {
  if (visibility === 'none') return null
  const hide = visibility === 'redacted'
  const entry = withoutBy(event)
  switch (entry.type) {
    case 'CaseSubmitted': {
      const { reporter, ...rest } = entry
      return {
        ...rest,
        ...(hide && { title: PRIVATE_TITLE, content: HIDDEN_TEXT }),
        reporter: reporterView(reporter, isViewerReporter(reporter, viewerOpenid)),
      }
    }
    case 'CaseResolved':
      return hide ? { ...entry, resolution: HIDDEN_TEXT } : entry
    case 'CaseEscalated':
      // Automatic escalations carry a fixed system reason; only a person's reason can be private.
      return hide && !entry.auto ? { ...entry, reason: HIDDEN_TEXT } : entry
    case 'CaseHandedBack':
      return hide ? { ...entry, instructions: HIDDEN_TEXT } : entry
    case 'CaseUrged':
      return hide && entry.note !== undefined ? { ...entry, note: HIDDEN_TEXT } : entry
    case 'CaseTakenOver':
    case 'CaseTransferred':
    case 'ExtensionRequested':
      return hide ? { ...entry, reason: HIDDEN_TEXT } : entry
    case 'ExtensionDecided':
      return hide && entry.note !== undefined ? { ...entry, note: HIDDEN_TEXT } : entry
    case 'DepartmentAssigned':
      return hide ? { ...entry, note: HIDDEN_TEXT } : entry
    case 'DepartmentReplied':
      return hide ? { ...entry, reply: HIDDEN_TEXT } : entry
    case 'CaseRated': {
      if (!hide) return entry
      const { comment: _comment, ...rest } = entry
      return rest
    }
    case 'CaseWithdrawn': {
      if (!hide) return entry
      const { reason: _reason, ...rest } = entry
      return rest
    }
    case 'CaseDeliberated':
      // The title is written to be neutral; a redacted viewer still gets only that it happened.
      return hide ? { ...entry, title: PRIVATE_DELIBERATION_TITLE, result: withoutOptionText(entry.result) } : entry
    case 'TaskPlanned': {
      // A volunteer's phone is for the holder's own sheet, never a line of the timeline.
      const task = { ...entry.task, assignee: withoutPhone(entry.task.assignee) }
      return { ...entry, task: hide ? { ...task, title: PRIVATE_TASK_TITLE, assignee: nameless(task.assignee) } : task }
    }
    case 'TaskCompleted':
      return hide ? withoutNote({ ...entry, title: PRIVATE_TASK_TITLE }) : entry
    case 'TasksSettled':
      return hide ? withoutNote(entry) : entry
    case 'CaseAccepted':
    case 'CaseReopened':
    case 'CaseClosed':
    case 'CaseFlaggedOverdue':
    case 'DeadlineReminded':
    // Its file id opens nothing: a view URL is only ever made for the case's `photos`.
    case 'CasePhotoRejected':
    // Nobody named; the other case only by its number.
    case 'CaseSupported':
    case 'CaseMerged':
    case 'CaseMergedIn':
      return entry
    default:
      return assertNever(entry)
  }
}

function withoutOptionText(result: DeliberationOutcome): DeliberationOutcome {
  const { optionText: _optionText, ...rest } = result
  return rest
}

function isViewerReporter(reporter: Reporter, viewerOpenid: string | undefined): boolean {
  return viewerOpenid !== undefined && viewerOpenid.length > 0 && viewerOpenid === reporter.openid
}

function reporterView(reporter: Reporter, viewerIsReporter: boolean): ReporterView {
  return viewerIsReporter && !reporter.anonymous
    ? { anonymous: false, openid: reporter.openid }
    : { anonymous: reporter.anonymous }
}

function hideExtension(extension: ExtensionRecord): ExtensionRecord {
  const decision = extension.decision
  return {
    ...extension,
    reason: HIDDEN_TEXT,
    ...(decision?.note !== undefined && { decision: { ...decision, note: HIDDEN_TEXT } }),
  }
}

function hideAssignment(assignment: Assignment): Assignment {
  return {
    ...assignment,
    note: HIDDEN_TEXT,
    ...(assignment.answered && { answered: { ...assignment.answered, reply: HIDDEN_TEXT } }),
  }
}

function hideTask(task: HelpTask): HelpTask {
  const { note: _note, ...rest } = task
  return { ...rest, title: PRIVATE_TASK_TITLE, assignee: nameless(task.assignee) }
}

/** Who does it, without the name or the number: a volunteer, or someone with an account. */
function nameless(assignee: TaskAssigneeRecord): TaskAssigneeRecord {
  return assignee.kind === 'volunteer' ? { kind: 'volunteer', name: '' } : { kind: 'member', openid: '', name: null }
}

function withoutPhone(assignee: TaskAssigneeRecord): TaskAssigneeRecord {
  if (assignee.kind !== 'volunteer') return assignee
  const { phone: _phone, ...rest } = assignee
  return rest
}

function withoutNote<T extends { note?: string }>(entry: T): Omit<T, 'note'> {
  const { note: _note, ...rest } = entry
  return rest
}

function withoutBy(event: CaseEvent): WithoutBy<CaseEvent> {
  const copy = { ...event }
  delete copy.by
  return copy
}
