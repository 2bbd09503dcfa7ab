/**
 * `escalation.takeOver` (提级办理): a cadre of an org above the holder on the case's chain pulls the case
 * up to her org, which holds it from now on with fresh deadlines of its level; the reporter is told.
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const takeOver = caseCommand('escalation', 'takeOver', {
  authorization: ['case.takeOver'],
  contentChecked: ({ reason }) => [reason],
  command: ({ reason }, base) => ({ ...base, type: 'TakeOverCase', reason }),
})
