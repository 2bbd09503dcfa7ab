/** Turns planned case messages into message rows for the people they reach. */
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { planCaseMessages, type Audience } from '../domain/case.notification-plan'
import type { Ids } from '../ports/ids.port'
import type { MessageRecord, Repositories } from '../ports/store.port'
import { SUPPORTERS_MAX } from '../domain/me-too.rules'
import { caseMessageSlots, caseMessageText, caseSubject, supporterMessageText } from './message-text'
import { orgNamesFor } from './case-view'

/** Everyone the reporter's messages reach: she, then those who follow the case (我也遇到), each once. */
async function recipients(tx: Repositories, audience: Audience, state: CaseState, followers: () => Promise<string[]>): Promise<string[]> {
  if (audience.kind === 'reporter') return [state.reporter.openid, ...(await followers()).filter((f) => f !== state.reporter.openid)]
  if (audience.kind === 'person') return [audience.openid]
  return [...new Set((await tx.people.withRoles(audience.orgId, audience.roles)).map((membership) => membership.openid))]
}

/**
 * `version` is the case's version after this change: with the event's index it names the event
 * uniquely, so the dedupe key (event, recipient, kind) is stable if the same change is replayed.
 */
export async function caseOutboxRows(
  tx: Repositories,
  ids: Ids,
  events: readonly CaseEvent[],
  after: CaseState,
  version: number,
  now: string,
): Promise<MessageRecord[]> {
  const orgName = await orgNamesFor(tx, [after])
  // Read once per change, and only for a case someone follows (a merge may go past SUPPORTERS_MAX).
  let followerList: Promise<string[]> | undefined
  const followers = () => (followerList ??= (after.supporters ?? 0) > 0 ? tx.supporters.ofCase(after.id, Math.max(after.supporters ?? 0, SUPPORTERS_MAX)) : Promise.resolve([]))

  const rows: MessageRecord[] = []
  for (const planned of planCaseMessages(events, after)) {
    const event = events[planned.eventIndex]
    if (!event) continue
    const text = caseMessageText(planned.kind, event, after, orgName)
    for (const openid of await recipients(tx, planned.audience, after, followers)) {
      const follower = planned.audience.kind === 'reporter' && openid !== after.reporter.openid
      const { title, body } = follower ? supporterMessageText(planned.kind, event, after, orgName) : text
      const slots = caseMessageSlots(planned.kind, event, after, orgName(after.holderOrgId))
      rows.push({
        id: ids.next('msg'),
        dedupeKey: `${after.id}@${version}.${planned.eventIndex}:${openid}:${planned.kind}`,
        openid,
        kind: planned.kind,
        title,
        body,
        page: `/pages/case/index?id=${after.id}`,
        caseId: after.id,
        subject: caseSubject(after),
        slots: follower ? { ...slots, note: '请进入小程序查看办理进展' } : slots,
        createdAt: now,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
      })
    }
  }
  return rows
}
