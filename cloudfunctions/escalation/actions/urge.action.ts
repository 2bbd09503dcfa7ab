/**
 * `escalation.urge` (催办): a cadre of an org above the holder on the case's chain presses the holder to
 * act; the holder's convener and cadres are told, and the case counts it (domain/stats.counters.ts).
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const urge = caseCommand('escalation', 'urge', {
  authorization: ['case.urge'],
  contentChecked: ({ note }) => [note],
  command: ({ note }, base) => ({ ...base, type: 'UrgeCase', ...(note !== undefined && { note }) }),
})
