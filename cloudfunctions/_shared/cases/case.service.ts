/**
 * The shell around the case decider: load, decide, save — with the timeline events and the message
 * rows — in one transaction. Handlers and timer jobs both come through here.
 */
import { caseAuditEntries } from '../audit/case-audit'
import { scheduleContactPurge } from './contact-retention'
import { decide, evolve } from '../domain/case.decider'
import type { CaseCommand } from '../domain/case.commands'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { Person } from '../domain/actor.types'
import { visibilityOf } from '../domain/case.access'
import { DEFAULT_CASE_POLICY } from '../domain/domain.config'
import { AppFailure, notFound } from '../context/failures'
import type { Deps } from '../context/deps'
import { VersionConflict, type Repositories } from '../ports/store.port'
import { caseMessages } from './case-messages'
import { countCaseChange } from '../stats/counters.service'

export interface CaseChange {
  state: CaseState
  events: CaseEvent[]
  version: number
}

const CASE_NOT_FOUND = '没有找到这条反映'

/**
 * Applies a command built from the current state. A person who may not even see the case gets
 * NOT_FOUND, as if it did not exist: a denial must not confirm that a case id is real.
 */
export async function changeCase(
  deps: Deps,
  caseId: string,
  actor: Person | 'system',
  command: (state: CaseState) => CaseCommand,
): Promise<CaseChange> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction((tx) => changeCaseIn(tx, deps, caseId, actor, command))
    } catch (error) {
      // Someone else changed the case between our read and write (CloudBase): decide again on
      // the fresh state. Three tries, then the person is asked to refresh.
      if (error instanceof VersionConflict && attempt < 3) continue
      if (error instanceof VersionConflict) throw new AppFailure('CONFLICT')
      throw error
    }
  }
}

/**
 * The same change inside a transaction the caller holds, so another aggregate's change and the case's
 * commit together (a deliberation's close and its result on the case). The caller retries on
 * VersionConflict.
 */
export async function changeCaseIn(
  tx: Repositories,
  deps: Deps,
  caseId: string,
  actor: Person | 'system',
  command: (state: CaseState) => CaseCommand,
): Promise<CaseChange> {
  const stored = await tx.cases.get(caseId)
  if (!stored || (actor !== 'system' && visibilityOf(actor, stored.state) === 'none')) {
    throw notFound(CASE_NOT_FOUND)
  }
  const decision = decide(command(stored.state), stored.state, DEFAULT_CASE_POLICY)
  if (!decision.ok) throw new AppFailure(decision.error.code, decision.error.message)
  // Nothing to do (a system command repeated, e.g. a photo already hidden): nothing is written.
  if (decision.events.length === 0) return { state: stored.state, events: [], version: stored.version }
  const state = decision.events.reduce<CaseState>((s, e) => evolve(s, e), stored.state)
  await tx.cases.update(state, stored.version, decision.events)
  await countCaseChange(tx, decision.events, stored.state, state)
  const version = stored.version + 1
  const at = decision.events[0]?.at ?? state.updatedAt
  await tx.messages.add(await caseMessages(tx, deps.ids, decision.events, state, version, at))
  await tx.audit.add(caseAuditEntries(deps.ids, decision.events, state))
  await scheduleContactPurge(tx, stored.state, state, at)
  return { state, events: decision.events, version }
}
