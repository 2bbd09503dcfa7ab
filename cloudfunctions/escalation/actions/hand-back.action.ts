/** `escalation.handBack`: a level above returns the case to an org below on its ladder (交办), with instructions. */
import { caseCommand } from '../../_shared/handler/command-action'

export const handBack = caseCommand('escalation', 'handBack', {
  authorization: ['case.handBack'],
  contentChecked: ({ instructions }) => [instructions],
  command: ({ toOrgId, instructions }, base) => ({ ...base, type: 'HandBackCase', toOrgId, instructions }),
})
