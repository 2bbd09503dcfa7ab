/**
 * A deliberation as the command handler sees it: decided by the deliberation decider, stored with
 * its moved counts, and followed in the same transaction by the ballot or comment, 议事次数 on the
 * dashboards above it, the outbox rows of its invitation, reminder and result and — when it closes
 * on a case — the result on the case's timeline (then noted on the deliberation, a follow-up command).
 */
import type { CaseCommand } from '../domain/case.commands'
import type { DeliberationCommand } from '../domain/deliberation.commands'
import { DEFAULT_DELIBERATION_POLICY } from '../domain/deliberation.config'
import { ballotAfter, commentOf } from '../domain/deliberation.decider'
import type { BallotCast, DeliberationEvent } from '../domain/deliberation.events'
import type { Ballot, DeliberationState } from '../domain/deliberation.state'
import { outcomeOf, shareTitleOf } from '../domain/deliberation.view'
import { LEVELS } from '../../../types/enums'
import { deliberationDecider } from '../domain/decider'
import { AppFailure } from '../context/failures'
import type { Deps } from '../context/deps'
import type { Repositories } from '../ports/store.port'
import { councilNameOf } from '../deliberations/deliberation-view'
import { deliberationOutboxRows } from '../deliberations/deliberation-outbox-rows'
import { bumpCounter } from '../stats/counter-writes'
import { caseAggregate } from './case.aggregate'
import { changeIn, type Aggregate, type Change } from './command-handler'

export const deliberationAggregate: Aggregate<DeliberationState, DeliberationCommand, DeliberationEvent> = {
  decider: deliberationDecider,
  load: (tx, id) => tx.deliberations.get(id),
  insert: async (tx, state) => ({ created: await tx.deliberations.create(state), id: state.id }),
  save: (tx, state, expectedVersion) => tx.deliberations.update(state, expectedVersion),
  async effects(tx, deps, { state, events, command }) {
    let closed = false
    for (const event of events) {
      switch (event.type) {
        case 'DeliberationOpened': {
          // She who opened it knows: the invitation goes to the rest of the council.
          const invited = state.electorate.filter((e) => e.openid !== state.openedBy.openid)
          await tx.messages.add(deliberationOutboxRows(deps.ids, 'deliberation_invited', state, invited, await councilNameOf(tx, state), event.at))
          // 议事次数 on every dashboard above the council: one deliberation held, counted when it opens.
          await bumpCounter(tx, state.orgId, 'deliberations')
          break
        }
        case 'BallotCast':
          await tx.ballots.put(ballotWritten(state, command, event))
          break
        case 'CommentPosted':
          await tx.comments.add(commentOf(state.id, event))
          break
        case 'DeliberationClosed':
          closed = true
          await tx.messages.add(deliberationOutboxRows(deps.ids, 'deliberation_result', state, state.electorate, await councilNameOf(tx, state), event.at))
          break
        case 'VotersReminded': {
          // Read in the transaction's view of committed ballots; one cast in the same instant may still
          // get the reminder, which is harmless, and no one who has not voted is skipped.
          const voted = new Set((await tx.ballots.of(state.id)).map((b) => b.voterOpenid))
          const owed = state.electorate.filter((e) => !voted.has(e.openid))
          await tx.messages.add(deliberationOutboxRows(deps.ids, 'deliberation_reminder', state, owed, await councilNameOf(tx, state), event.at))
          break
        }
        case 'VotersNudged': {
          // The same read as the timer's reminder, less she who reminds (she knows); the instant names
          // this reminder in the dedupe key.
          const voted = new Set((await tx.ballots.of(state.id)).map((b) => b.voterOpenid))
          const owed = state.electorate.filter((e) => !voted.has(e.openid) && e.openid !== event.by.openid)
          await tx.messages.add(deliberationOutboxRows(deps.ids, 'deliberation_reminder', state, owed, await councilNameOf(tx, state), event.at, `nudge-${event.at}`))
          await tx.audit.add([
            {
              id: deps.ids.next('audit'),
              at: event.at,
              actorOpenid: event.by.openid,
              actorRole: event.by.role,
              action: 'deliberation.remindVoters',
              orgId: state.orgId,
              orgPath: LEVELS.map((level) => state.chain[level]).reverse(),
              targetType: 'deliberation',
              targetId: state.id,
              summary: `提醒未投票的成员（${owed.length} 人）：${shareTitleOf(state)}`,
            },
          ])
          break
        }
        case 'CaseResultNoted':
        case 'ShareCardIssued':
        case 'CouncilRenamed':
          break
      }
    }
    if (!closed || state.caseId === undefined) return
    const written = await writeResultOnCase(tx, deps, state)
    return { type: 'NoteCaseResult', at: state.closedAt ?? state.updatedAt, actor: 'system', written }
  },
  hiddenFrom: () => false,
  // A vote loses a race only to another write of the same deliberation (CloudBase; SQLite serializes
  // writers). A busy vote is many members at once, so more rounds than a case gets.
  attempts: 6,
  messages: { notFound: '没有找到该议事', busy: '参与的人较多，请稍后再试' },
}

/** The ballot a BallotCast writes: the voter's one before (the command carries it) moves into its history. */
export function ballotWritten(state: DeliberationState, command: DeliberationCommand, event: BallotCast): Ballot {
  const current = command.type === 'CastBallot' || command.type === 'CastProxyBallot' ? command.current : null
  const mine = current && current.voterOpenid === event.voterOpenid ? current : null
  return ballotAfter(state.id, mine, event, DEFAULT_DELIBERATION_POLICY.maxBallotHistory)
}

/**
 * Her ballot once the change has committed, when the change itself says it (what it wrote, or the
 * ballot her own unchanged vote was decided on, read in its transaction); undefined when it does not
 * (a comment, a close, a ballot recorded for someone else): then it is read.
 */
export function ballotOfViewerAfter(change: Change<DeliberationState, DeliberationCommand, DeliberationEvent>, openid: string): Ballot | null | undefined {
  const cast = change.events.find((e): e is BallotCast => e.type === 'BallotCast' && e.voterOpenid === openid)
  if (cast) return ballotWritten(change.state, change.command, cast)
  const { command } = change
  if (command.type === 'CastBallot' && command.actor !== 'system' && command.actor.openid === openid) {
    return command.current && command.current.voterOpenid === openid && command.current.deliberationId === change.state.id ? command.current : null
  }
  return undefined
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
    await changeIn(tx, deps, caseAggregate, state.caseId, (): CaseCommand => ({
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
