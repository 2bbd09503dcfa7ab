/**
 * A case as the command handler sees it: decided by the case decider, stored with its timeline
 * events, and followed in the same transaction by its counters, its outbox rows, its audit lines and
 * the purge date of its contact details.
 */
import { caseAuditEntries } from '../audit/audit-lines'
import { caseOutboxRows } from '../cases/case-outbox-rows'
import { CONTACT_RETENTION_DAYS } from '../../../types/intake.contract'
import { addMs, DAY_MS } from '../domain/iso-time'
import { visibilityOf } from '../domain/case.access'
import { isPublicCase } from '../domain/me-too.rules'
import type { CaseCommand } from '../domain/case.commands'
import type { CaseEvent } from '../domain/case.events'
import { isTerminal, type CaseState } from '../domain/case.state'
import { caseDecider } from '../domain/decider'
import { countCaseChange } from '../stats/counter-writes'
import type { Aggregate } from './command-handler'

export const CASE_NOT_FOUND = '没有找到这条反映'

export const caseAggregate: Aggregate<CaseState, CaseCommand, CaseEvent> = {
  decider: caseDecider,
  load: (tx, id) => tx.cases.get(id),
  insert: (tx, state, events, key) => tx.cases.create(state, events, key),
  save: (tx, state, expectedVersion, events) => tx.cases.update(state, expectedVersion, events),
  async effects(tx, deps, { before, state, events, version }) {
    const at = events[0]?.at ?? state.updatedAt
    await countCaseChange(tx, events, before, state)
    // Each row's key names the version this change writes (case-outbox-rows.ts), and only one
    // transaction can write a case's version: the insert or save that follows these effects in this
    // same transaction (command-handler.ts). So no committed message has these keys: no need to look.
    await tx.messages.add(await caseOutboxRows(tx, deps.ids, events, state, version, at), { freshKeys: true })
    await tx.audit.add(caseAuditEntries(deps.ids, events, state))
    // 我也遇到: who follows is kept apart from the case, under her tag (the case keeps the count).
    for (const event of events) if (event.type === 'CaseSupported' && event.by) await tx.supporters.add(state.id, event.by.openid, event.at)
    // Retention: her phone and address are kept while the case is handled, and deleted
    // CONTACT_RETENTION_DAYS after it ends (closed or withdrawn); the case and its timeline stay.
    if (before && !isTerminal(before.status) && isTerminal(state.status)) {
      await tx.contacts.schedulePurge(state.id, addMs(at, CONTACT_RETENTION_DAYS * DAY_MS))
    }
  },
  // 我也遇到 reaches a case she does not otherwise see, if anyone may follow it (me-too.rules.ts).
  hiddenFrom: (command, state) =>
    command.actor !== 'system' && (command.type === 'SupportCase' ? !isPublicCase(state) : visibilityOf(command.actor, state) === 'none'),
  // Someone else changed the case between our read and write (CloudBase): three tries, then she is
  // asked to refresh.
  attempts: 3,
  messages: { notFound: CASE_NOT_FOUND, busy: '内容已被他人更新，请刷新后重试' },
}
