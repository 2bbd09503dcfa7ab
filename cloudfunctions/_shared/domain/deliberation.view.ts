/**
 * What of a deliberation leaves the deliberation page: the title a group-chat card, a lock-screen
 * notification or a case timeline may carry, and the result in words the case keeps.
 */
import type { DeliberationOutcome } from './case.events'
import { PRIVATE_DELIBERATION_TITLE } from './case.view'
import type { DeliberationState } from './deliberation.state'

/**
 * A card shared in a group chat or a notification can be read by anyone nearby: a deliberation on a
 * sensitive case is never named there, however neutral its title was written.
 */
export const shareTitleOf = (state: Pick<DeliberationState, 'sensitive' | 'title'>): string =>
  state.sensitive ? PRIVATE_DELIBERATION_TITLE : state.title

/** The result as the case's timeline records it; null while the deliberation is open. */
export function outcomeOf(state: DeliberationState): DeliberationOutcome | null {
  const result = state.result
  if (!result) return null
  const turnout = { ballots: state.ballotCount, members: state.electorate.length }
  if (result.kind !== 'passed') return { kind: result.kind, ...turnout }
  const optionText = state.options[result.option]
  return { kind: 'passed', option: result.option, ...(optionText !== undefined && { optionText }), ...turnout }
}
