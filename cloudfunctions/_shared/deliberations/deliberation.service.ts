/**
 * The shell around the deliberation decider: load, decide, save — the deliberation with its moved
 * counts, the ballot or comment, the message rows and, when it closes on a case, the case's timeline
 * entry — in one transaction. Handlers and timer jobs both come through here.
 */
import { changeCaseIn } from '../cases/case.service'
import type { DeliberationCommand, OpenDeliberation } from '../domain/deliberation.commands'
import { DEFAULT_DELIBERATION_POLICY } from '../domain/deliberation.config'
import { ballotAfter, commentOf, decide, evolve } from '../domain/deliberation.decider'
import type { DeliberationEvent } from '../domain/deliberation.events'
import type { DeliberationState } from '../domain/deliberation.state'
import { outcomeOf } from '../domain/deliberation.view'
import { AppFailure, conflict, notFound } from '../context/failures'
import type { Deps } from '../context/deps'
import { VersionConflict, type Repositories } from '../ports/store.port'
import { orgNameOf } from './council-reads'
import { deliberationMessages } from './deliberation-messages'

export interface DeliberationChange {
  state: DeliberationState
  events: DeliberationEvent[]
}

const NOT_FOUND = '没有找到该议事'
/**
 * A vote loses a race only to another write of the same deliberation (CloudBase; SQLite serializes
 * writers). A busy vote is many members at once, so more rounds than a case gets.
 */
const ATTEMPTS = 6

function decided(command: DeliberationCommand, state: DeliberationState | null): DeliberationEvent[] {
  const decision = decide(command, state, DEFAULT_DELIBERATION_POLICY)
  if (!decision.ok) throw new AppFailure(decision.error.code, decision.error.message)
  return decision.events
}

/** Opens a deliberation and invites the council, in one transaction. */
export async function openDeliberation(deps: Deps, command: OpenDeliberation): Promise<DeliberationState> {
  const events = decided(command, null)
  const state = events.reduce<DeliberationState | null>(evolve, null)
  if (!state) throw new Error('OpenDeliberation decided no event')
  await deps.store.transaction(async (tx) => {
    if (!(await tx.deliberations.create(state))) throw conflict('该议事已发起，请勿重复提交')
    // She who opened it knows: the invitation goes to the rest of the council.
    const invited = state.electorate.filter((e) => e.openid !== state.openedBy.openid)
    const orgName = await orgNameOf(tx, state.orgId)
    await tx.messages.add(deliberationMessages(deps.ids, 'deliberation_invited', state, invited, orgName, state.openedAt))
  })
  return state
}

/**
 * Applies a command built from the current state (and whatever else the builder reads in the same
 * transaction, e.g. the voter's current ballot). A command that decides nothing writes nothing.
 */
export async function changeDeliberation(
  deps: Deps,
  deliberationId: string,
  build: (state: DeliberationState, tx: Repositories) => Promise<DeliberationCommand> | DeliberationCommand,
): Promise<DeliberationChange> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const stored = await tx.deliberations.get(deliberationId)
        if (!stored) throw notFound(NOT_FOUND)
        const command = await build(stored.state, tx)
        const events = decided(command, stored.state)
        if (events.length === 0) return { state: stored.state, events }
        let state = stored.state
        for (const event of events) {
          state = evolve(state, event)
          await effectsOf(tx, deps, command, event, state)
        }
        if (state.caseId !== undefined && events.some((e) => e.type === 'DeliberationClosed')) {
          const written = await writeResultOnCase(tx, deps, state)
          const noted = decided({ type: 'NoteCaseResult', at: state.closedAt ?? state.updatedAt, actor: 'system', written }, state)
          state = noted.reduce<DeliberationState>(evolve, state)
          events.push(...noted)
        }
        await tx.deliberations.update(state, stored.version)
        return { state, events }
      })
    } catch (error) {
      if (error instanceof VersionConflict && attempt < ATTEMPTS) continue
      if (error instanceof VersionConflict) throw new AppFailure('CONFLICT', '参与的人较多，请稍后再试')
      throw error
    }
  }
}

/** The records an event makes besides the deliberation itself. */
async function effectsOf(
  tx: Repositories,
  deps: Deps,
  command: DeliberationCommand,
  event: DeliberationEvent,
  state: DeliberationState,
): Promise<void> {
  switch (event.type) {
    case 'BallotCast': {
      const current = command.type === 'CastBallot' || command.type === 'CastProxyBallot' ? command.current : null
      const mine = current && current.voterOpenid === event.voterOpenid ? current : null
      await tx.ballots.put(ballotAfter(state.id, mine, event, DEFAULT_DELIBERATION_POLICY.maxBallotHistory))
      return
    }
    case 'CommentPosted':
      await tx.comments.add(commentOf(state.id, event))
      return
    case 'DeliberationClosed': {
      const orgName = await orgNameOf(tx, state.orgId)
      await tx.messages.add(deliberationMessages(deps.ids, 'deliberation_result', state, state.electorate, orgName, event.at))
      return
    }
    case 'VotersReminded': {
      // Read in the transaction's view of committed ballots; one cast in the same instant may still
      // get the reminder, which is harmless, and no one who has not voted is skipped.
      const voted = new Set((await tx.ballots.of(state.id)).map((b) => b.voterOpenid))
      const owed = state.electorate.filter((e) => !voted.has(e.openid))
      const orgName = await orgNameOf(tx, state.orgId)
      await tx.messages.add(deliberationMessages(deps.ids, 'deliberation_reminder', state, owed, orgName, event.at))
      return
    }
    case 'DeliberationOpened':
    case 'CaseResultNoted':
      return
    default: {
      const never: never = event
      throw new Error(`Unhandled deliberation event: ${JSON.stringify(never)}`)
    }
  }
}

/**
 * The result goes on the case's timeline in the deliberation's own transaction, so a closed
 * deliberation and its entry on the case are never apart. A case that takes no more entries (closed,
 * withdrawn, gone) is noted on the deliberation instead; any other failure undoes the close.
 */
async function writeResultOnCase(tx: Repositories, deps: Deps, state: DeliberationState): Promise<boolean> {
  const outcome = outcomeOf(state)
  if (!state.caseId || !outcome) return false
  try {
    await changeCaseIn(tx, deps, state.caseId, 'system', () => ({
      type: 'RecordDeliberation',
      at: state.closedAt ?? state.updatedAt,
      actor: 'system',
      deliberationId: state.id,
      orgId: state.orgId,
      title: state.title,
      result: outcome,
    }))
    return true
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
      deps.log.info('deliberation result not written to its case', { deliberationId: state.id, caseId: state.caseId, reason: error.message })
      return false
    }
    throw error
  }
}
