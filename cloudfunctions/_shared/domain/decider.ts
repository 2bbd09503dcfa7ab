/**
 * What every aggregate of the domain is: a decider. `decide` answers a command on the current state
 * (null before it exists) with the events it causes or the reason it may not, and `evolve` folds an
 * event into the state. The shell (commands/command-handler.ts) is the same for all of them.
 */
import type { DomainError } from './domain.errors'
import { decide as decideCase, evolve as evolveCase } from './case.decider'
import { decide as decideDeliberation } from './deliberation.decider'
import { evolve as evolveDeliberation } from './deliberation.evolve'
import type { CaseCommand } from './case.commands'
import type { CaseEvent } from './case.events'
import type { CaseState } from './case.state'
import type { DeliberationCommand } from './deliberation.commands'
import type { DeliberationEvent } from './deliberation.events'
import type { DeliberationState } from './deliberation.state'

export type Decision<E> = { ok: true; events: E[] } | { ok: false; error: DomainError }

export interface Decider<S, C, E> {
  decide(command: C, state: S | null): Decision<E>
  evolve(state: S | null, event: E): S
}

export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  decide: (command, state) => decideCase(command, state),
  evolve: evolveCase,
}

export const deliberationDecider: Decider<DeliberationState, DeliberationCommand, DeliberationEvent> = {
  decide: (command, state) => decideDeliberation(command, state),
  evolve: evolveDeliberation,
}
