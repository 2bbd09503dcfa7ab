/**
 * Who must hear about what happened to a case (docs/RULES.md "Feedback"). Pure: it names audiences,
 * the shell resolves them to people. The reporter hears every step of her case; the org that now
 * holds it hears that it arrived, that it is urged, that a deadline is near, how its 延期 request was
 * answered; the parent org hears of a 延期 request to decide; the province hears that it is overdue.
 * Never two messages of one kind to one person for one event.
 */
import type { Level, Role } from '../../../types/enums'
import type { MessageKind } from '../../../types/messages'
import { assertNever } from './domain.errors'
import type { CaseEvent } from './case.events'
import type { CaseState } from './case.state'
import { parentLevel } from './org-ladder'

// A request is made below the province only (case.decider.ts requestExtension).
const parentLevelOf = (level: Level): Level => parentLevel(level) ?? level

export type Audience =
  | { kind: 'reporter' }
  /** Everyone holding one of these roles at the org. */
  | { kind: 'org'; orgId: string; roles: Role[] }
  /** One person by openid: the member a 帮扶任务 names. */
  | { kind: 'person'; openid: string }

export interface PlannedMessage {
  audience: Audience
  kind: MessageKind
  /** The event the message is about: its index in the batch makes the dedupe key unique. */
  eventIndex: number
}

/** Who acts for an org: the convener at a village council, the cadres at every level. */
const handlers = (orgId: string): Audience => ({ kind: 'org', orgId, roles: ['convener', 'cadre'] })
const reporter: Audience = { kind: 'reporter' }

export function planCaseMessages(events: readonly CaseEvent[], after: CaseState): PlannedMessage[] {
  const planned: PlannedMessage[] = []
  const add = (audience: Audience, kind: MessageKind, eventIndex: number) =>
    planned.push({ audience, kind, eventIndex })

  events.forEach((event, i) => {
    switch (event.type) {
      case 'CaseSubmitted':
        add(reporter, 'case_received', i)
        add(handlers(event.orgId), 'case_new_for_council', i)
        return
      case 'CaseAccepted':
        // Accepting implicitly while assigning a department is one step for her: say it once.
        if (events[i + 1]?.type !== 'DepartmentAssigned') add(reporter, 'case_accepted', i)
        return
      case 'CaseEscalated':
        add(reporter, 'case_escalated', i)
        add(handlers(event.toOrgId), 'case_arrived', i)
        return
      case 'CaseHandedBack':
        add(reporter, 'case_handed_back', i)
        add(handlers(event.toOrgId), 'case_arrived', i)
        return
      case 'DepartmentAssigned':
        add(reporter, 'case_assigned', i)
        return
      case 'CaseResolved':
        add(reporter, 'case_resolved', i)
        return
      case 'CaseReopened':
        add(handlers(event.toOrgId), 'case_arrived', i)
        return
      case 'CaseUrged':
        add(handlers(event.orgId), 'case_urged', i)
        return
      case 'CaseTakenOver':
        add(reporter, 'case_taken_over', i)
        add(handlers(event.orgId), 'case_pulled_up', i)
        add(handlers(event.toOrgId), 'case_arrived', i)
        return
      case 'CaseTransferred':
        add(reporter, 'case_transferred', i)
        // Moved by the parent: the org it left learns it no longer holds it (the holder moved it itself).
        if (event.byOrgId !== event.orgId) add(handlers(event.orgId), 'case_transferred_away', i)
        add(handlers(event.toOrgId), 'case_arrived', i)
        return
      case 'ExtensionRequested':
        add({ kind: 'org', orgId: after.chain[parentLevelOf(event.level)], roles: ['cadre'] }, 'extension_requested', i)
        return
      case 'ExtensionDecided':
        add(handlers(event.orgId), 'extension_decided', i)
        if (event.approve) add(reporter, 'case_extended', i)
        return
      case 'DeadlineReminded':
        add(handlers(event.orgId), 'deadline_near', i)
        return
      case 'CaseClosed':
        // A rating closes the case in front of her; only the timer's close is news.
        if (event.auto) add(reporter, 'case_closed', i)
        return
      case 'CaseFlaggedOverdue':
        add({ kind: 'org', orgId: after.holderOrgId, roles: ['cadre'] }, 'case_overdue', i)
        return
      case 'TaskPlanned':
        // A volunteer may have no account: the holder tells her by phone.
        if (event.task.assignee.kind === 'member') add({ kind: 'person', openid: event.task.assignee.openid }, 'task_assigned', i)
        return
      case 'CaseMerged':
        // Her case's followers hear it too: the shell fans a reporter's message out to them.
        add(reporter, 'case_merged', i)
        return
      // A count only: nobody is told who follows, nor bothered each time someone does.
      case 'CaseSupported':
      case 'CaseMergedIn':
      // Her timeline reads each step of the plan; the holder sees it done on the case.
      case 'TaskCompleted':
      case 'TasksSettled':
      case 'DepartmentReplied':
      case 'CaseRated':
      case 'CaseWithdrawn':
      // The council heard the result from the deliberation itself; the case page shows it to her.
      case 'CaseDeliberated':
      // Her timeline says it; a message about a photo of hers would spend a credit on no step of the case.
      case 'CasePhotoRejected':
        return
      default:
        return assertNever(event)
    }
  })
  return planned
}
