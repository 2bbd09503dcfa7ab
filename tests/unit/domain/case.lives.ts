/**
 * For the property tests that live a case through random steps: the steps every life draws (the
 * holder's work, her rating, a sweep) as commands, and how a drawn step is applied — once, or, for a
 * sweep, as escalation/sweep.job.ts runs: at its instant, the timer command dueCommandAt names, until
 * nothing is due.
 */
import type { Level } from '../../../types/enums'
import { decide, dueCommandAt, evolve, type CaseCommand, type CaseEvent, type CaseState } from '../../../cloudfunctions/_shared/domain'
import { REPORTER, holderOf } from './case.builders'

export type CommonStep = 'accept' | 'resolve' | 'escalate' | 'handBack' | 'rate' | 'sweep'

/** The command of a common step at `at`: `level` is where a hand-back goes, `reopen` her answer. */
export function commonCommand(step: CommonStep, state: CaseState, at: string, drawn: { level: Level; reopen: boolean }): CaseCommand | null {
  const holder = { at, actor: holderOf(state) }
  switch (step) {
    case 'accept':
      return { type: 'AcceptCase', ...holder }
    case 'resolve':
      return { type: 'ResolveCase', ...holder, outcome: 'solved', resolution: '已办理' }
    case 'escalate':
      return { type: 'EscalateCase', ...holder, reason: '需上级协调' }
    case 'handBack':
      return { type: 'HandBackCase', ...holder, toOrgId: state.chain[drawn.level], instructions: '请下级办理' }
    case 'rate':
      return { type: 'RateCase', at, actor: REPORTER, solved: drawn.reopen ? 'no' : 'yes', satisfaction: 'basic', reopen: drawn.reopen }
    case 'sweep': {
      const due = dueCommandAt(state, at)
      return due ? { type: due, at, actor: 'system' } : null
    }
  }
}

export interface Applied {
  before: CaseState
  events: CaseEvent[]
}

/**
 * Applies the step's command to `life` if the decider accepts it; a sweep goes on until nothing is
 * due at its instant. Answers each change made, with the state it was made on.
 */
export function applyStep(life: { state: CaseState }, sweep: boolean, next: (state: CaseState) => CaseCommand | null): Applied[] {
  const applied: Applied[] = []
  for (let round = 0; round < 10; round++) {
    const command = next(life.state)
    if (!command) break
    const decision = decide(command, life.state)
    if (!decision.ok) break
    applied.push({ before: life.state, events: decision.events })
    life.state = decision.events.reduce(evolve, life.state)
    if (!sweep) break
  }
  return applied
}
